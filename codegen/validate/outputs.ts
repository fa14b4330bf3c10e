import type { DesignEdge, DesignNode, FlowNode } from '../schema/design';

/** The named outputs ("handles") a flow node offers; every one must be connected. */
export function flowOutputs(node: FlowNode): string[] {
  switch (node.type) {
    case 'start':
    case 'timer':
    case 'activity':
    case 'assign':
    case 'childWorkflow':
    case 'signalExternal':
      return ['next'];
    case 'wait':
      return node.timeout ? ['met', 'timeout'] : ['met'];
    case 'decision':
      return [...node.branches.map((b) => b.id), 'else'];
    case 'end':
    case 'continueAsNew':
      return [];
  }
}

/** The output an edge leaves from; an edge without a handle leaves from the node's first output. */
export function edgeOutput(edge: DesignEdge, source: DesignNode): string | undefined {
  if (edge.sourceHandle) return edge.sourceHandle;
  if (source.type === 'wait') return 'met';
  if (source.type === 'decision') return undefined;
  return 'next';
}
