/**
 * Which steps keep the SignalboxStep search attribute current (the generated `stepTracker.enterWaiting`):
 * the ones an execution can sit in, so the monitor's list finds it there. Every upsert is one
 * history event, so instant steps record nothing.
 */
import { isHandlerNode, type Design, type FlowNode, type NodeOfType } from './schema/design';
import { stepOf } from './steps';
import { edgeOutput } from './validate/outputs';

/**
 * Whether an execution can sit in this step (each kind says so in codegen/steps: a wait, a timer of
 * a minute or more, an activity, an awaited child).
 */
export function recordsStep(node: FlowNode): boolean {
  return stepOf(node).recordsStep?.(node) ?? false;
}

/**
 * The value SignalboxStep starts with: the first step the execution sits in when every execution
 * reaches it (only instant, unbranching steps lie between it and Start), else the Start node. The
 * workflow records a step only when it differs from the recorded one, so the first upsert is saved.
 */
export function entryStep(design: Design): string {
  const nodes = new Map(design.nodes.map((node) => [node.id, node]));
  const start = design.nodes.find((node): node is NodeOfType<'start'> => node.type === 'start');
  if (!start) return 'start';
  const next = (node: FlowNode): FlowNode | undefined => {
    const edge = design.edges.find((e) => e.source === node.id && edgeOutput(e, node) === 'next');
    const target = edge && nodes.get(edge.target);
    return target && !isHandlerNode(target) ? target : undefined;
  };
  const seen = new Set<string>([start.id]);
  for (let node = next(start); node && !seen.has(node.id); node = next(node)) {
    if (recordsStep(node)) return node.id;
    // Only steps that certainly pass straight on; anything else may lead elsewhere or end.
    if (node.type !== 'assign' && node.type !== 'timer') break;
    seen.add(node.id);
  }
  return start.id;
}
