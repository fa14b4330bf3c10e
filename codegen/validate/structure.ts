import type { Diagnostic } from '../diagnostics';
import type { FlowGraph } from './graph';
import { describeNode } from './describe';

/**
 * The emitter writes the flow as nested, structured code (if/else, no step loop), which holds
 * for flows shaped as trees whose branches may share End nodes. Loops and joins need the
 * state-machine emitter, which does not exist yet: say so plainly rather than emit something else.
 */
export function checkStructure(graph: FlowGraph): Diagnostic[] {
  const incoming = new Map<string, number>();
  for (const [source, outputs] of graph.successors) {
    if (!graph.reachable.has(source)) continue;
    for (const target of outputs.values()) incoming.set(target, (incoming.get(target) ?? 0) + 1);
  }
  const diagnostics: Diagnostic[] = [];
  for (const [id, count] of incoming) {
    const node = graph.nodes.get(id);
    if (!node || node.type === 'end' || count < 2) continue;
    diagnostics.push({
      severity: 'error',
      code: 'flow.join-unsupported',
      message: `${describeNode(node)} is reached from ${count} places (a loop or a join); this version of Signalbox generates tree-shaped flows only — give each path its own steps, or end paths in End nodes`,
      nodeId: id,
    });
  }
  return diagnostics;
}
