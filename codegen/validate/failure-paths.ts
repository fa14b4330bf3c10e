import { isHandlerNode, type Design, type FlowNode } from '../schema/design';
import { FAILURE_OUTPUT } from '../steps/failure';
import { edgeOutput } from './outputs';

/** Whether a node offers the failure output (activity, child workflow with `onFailure`). */
export function catchesFailure(node: FlowNode): boolean {
  return (node.type === 'activity' || node.type === 'childWorkflow') && node.onFailure === true;
}

/**
 * The flow nodes that run only after some step's failure output: every path from Start to them
 * leaves an activity or child through "failure", so `failure` always holds what failed. A node
 * also reachable without a failure (a loop back to a wait, a join with the normal path) does not
 * get it: there `failure` would be stale or unset.
 */
export function failurePathNodes(design: Design): Set<string> {
  const flowNodes = new Map<string, FlowNode>();
  for (const node of design.nodes) if (!isHandlerNode(node)) flowNodes.set(node.id, node);
  const normalEdges = new Map<string, string[]>();
  const failureTargets: string[] = [];
  for (const edge of design.edges) {
    const source = flowNodes.get(edge.source);
    if (!source || !flowNodes.has(edge.target)) continue;
    if (catchesFailure(source) && edgeOutput(edge, source) === FAILURE_OUTPUT) {
      failureTargets.push(edge.target);
      continue;
    }
    normalEdges.set(source.id, [...(normalEdges.get(source.id) ?? []), edge.target]);
  }
  const start = design.nodes.find((n) => n.type === 'start');
  const withoutFailure = reach(start ? [start.id] : [], normalEdges);
  const afterFailure = reach(failureTargets, normalEdges);
  return new Set([...afterFailure].filter((id) => !withoutFailure.has(id)));
}

function reach(from: string[], edges: ReadonlyMap<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...from];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(edges.get(id) ?? []));
  }
  return seen;
}
