import { isStepKind, STEPS } from '../steps';
import type { FlowGraph } from './graph';

/**
 * Flow nodes reached from more than one place (a join, or the head of a loop). When there are
 * none, the flow is a tree whose branches end in End nodes and is emitted as nested, structured
 * code; otherwise it is emitted as an explicit state machine, one `case` per step.
 */
export function joinedNodes(graph: FlowGraph): string[] {
  const incoming = new Map<string, number>();
  for (const [source, outputs] of graph.successors) {
    if (!graph.reachable.has(source)) continue;
    for (const target of outputs.values()) incoming.set(target, (incoming.get(target) ?? 0) + 1);
  }
  return [...incoming].filter(([id, count]) => count > 1 && !isTerminal(graph.nodes.get(id)?.type)).map(([id]) => id);
}

/** Terminal steps (codegen/steps: `terminal`) are small and repeated where reached, so they never force a state machine. */
function isTerminal(type: string | undefined): boolean {
  return isStepKind(type) && STEPS[type].terminal === true;
}
