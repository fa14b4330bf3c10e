import type { DesignEdge, DesignNode, FlowNode } from '../schema/design';
import { isStepKind, stepOf } from '../steps';

/** The named outputs ("handles") a flow node offers; every one must be connected. Defined per kind in codegen/steps. */
export function flowOutputs(node: FlowNode): string[] {
  return stepOf(node).outputs(node);
}

/** The output an edge leaves from; an edge without a handle leaves from its kind's default output. */
export function edgeOutput(edge: DesignEdge, source: DesignNode): string | undefined {
  if (edge.sourceHandle) return edge.sourceHandle;
  return isStepKind(source.type) ? stepOf({ type: source.type }).defaultOutput : 'next';
}
