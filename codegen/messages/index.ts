import type { HandlerNode, HandlerNodeType } from '../schema/design';
import { query } from './query';
import { signal } from './signal';
import { update } from './update';
import type { MessageDefinition } from './types';

/**
 * Every message kind's definition, keyed by kind: validation (codegen/validate) and lowering
 * (codegen/ir/handlers.ts) look a kind up here instead of switching on it, as flow steps are
 * looked up in codegen/steps. A new message kind is one file beside this one, plus its entry here and its schema in NodeSchema (codegen/schema/design.ts).
 */
export const MESSAGES: { readonly [K in HandlerNodeType]: MessageDefinition<K> } = {
  signal,
  query,
  update,
};

/** The definition of a message node's kind, typed for that node. */
export function messageOf(node: Pick<HandlerNode, 'type'>): MessageDefinition {
  // Hooks are methods, so a MessageDefinition<K> is usable as the general one for its own nodes.
  return MESSAGES[node.type] as MessageDefinition;
}

export type { MessageDefinition } from './types';
