import type { HandlerNode } from './schema/design';

/**
 * The stem a message's generated type names grow from (`<Stem>Args`, `<Stem>Fields`): its wire
 * name, or — when a message of another kind has the same wire name — the kind and the name.
 * Temporal keeps signal, query and update handlers apart (the server routes each call by kind, the
 * SDK registers them in separate maps), so the chapter's cart can have an `add_item` signal (6.1.4)
 * and an `add_item` update (6.3.5); only their argument types need distinct names in code
 * (SignalAddItemArgs, UpdateAddItemArgs). Their definitions differ already (addItemSignal, addItemUpdate).
 */
export function messageTypeStem(handler: Pick<HandlerNode, 'name' | 'type'>, handlers: readonly Pick<HandlerNode, 'name' | 'type'>[]): string {
  const shared = handlers.some((other) => other.type !== handler.type && other.name === handler.name);
  return shared ? `${handler.type}_${handler.name}` : handler.name;
}
