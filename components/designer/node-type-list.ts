import { FLOW_NODE_TYPES, HANDLER_NODE_TYPES, type NodeType } from '@/codegen/design';

export const NODE_TYPES_ALL: readonly NodeType[] = [...FLOW_NODE_TYPES, ...HANDLER_NODE_TYPES];
