import { isHandlerNode, type DesignNode, type FlowNode, type NodeType, isStepKind, stepOf } from '@/codegen/design';

/** Handle id of the single input of a flow step. */
export const IN_HANDLE = 'in';
/** Handle id on a wait where message handlers attach. */
export const MESSAGES_HANDLE = 'messages';
/** Handle id of a handler node's output (not stored in the design). */
export const HANDLER_OUT = 'out';
/** Default output of a flow step (omitted from the design's edges). */
export const NEXT = 'next';

const HANDLER_TYPES: readonly NodeType[] = ['signal', 'query', 'update'];

export function isHandlerType(type: string | undefined): boolean {
  return HANDLER_TYPES.includes(type as NodeType);
}

/**
 * The output handles a node offers, in display order: a flow step's are its kind's outputs, the
 * very ones validation requires connected (codegen/steps); a handler has its one documenting output.
 */
export function sourceHandles(node: Pick<DesignNode, 'type'> & Partial<DesignNode>): string[] {
  if (isStepKind(node.type)) return stepOf({ type: node.type }).outputs(node as Partial<FlowNode>);
  return isHandlerNode(node as DesignNode) ? [HANDLER_OUT] : [];
}

export function defaultSourceHandle(type: NodeType): string {
  return isHandlerType(type) ? HANDLER_OUT : NEXT;
}

/** The text an edge leaving `handle` carries on the canvas (and in the layout, which places it). */
export function edgeLabelFor(handle: string): string | undefined {
  if (handle === 'timeout') return 'timeout';
  if (handle === 'else') return 'else';
  return undefined;
}
