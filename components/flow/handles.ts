import { isHandlerNode, type DesignNode, type NodeType } from '../../codegen/schema/design';

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

/** The output handles a node offers, in display order. */
export function sourceHandles(node: Pick<DesignNode, 'type'> & Partial<DesignNode>): string[] {
  const n = node as DesignNode;
  switch (n.type) {
    case 'start':
    case 'timer':
    case 'activity':
    case 'assign':
    case 'childWorkflow':
    case 'signalExternal':
      return [NEXT];
    case 'wait':
      return n.timeout ? ['met', 'timeout'] : ['met'];
    case 'decision':
      return [...(n.branches ?? []).map((b) => b.id), 'else'];
    case 'end':
    case 'continueAsNew':
      return [];
    default:
      return isHandlerNode(n) ? [HANDLER_OUT] : [];
  }
}

export function defaultSourceHandle(type: NodeType): string {
  return isHandlerType(type) ? HANDLER_OUT : NEXT;
}
