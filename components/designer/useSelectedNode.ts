'use client';
import type { DesignerNode } from '../flow/types';
import { useDesignerStore } from './DesignerStoreProvider';

/** What the inspector needs of a node: not its position, so dragging it does not re-render forms. */
export type SelectedNode = DesignerNode extends infer N ? (N extends DesignerNode ? Pick<N, 'id' | 'type' | 'data'> : never) : never;

/** The node the inspector edits: the first selected one (compared field by field, so moves are ignored). */
export function useSelectedNode(): SelectedNode | undefined {
  const picked = useDesignerStore((s) => {
    const n = s.nodes.find((node) => node.selected);
    return n ? { id: n.id, type: n.type, data: n.data } : { id: undefined, type: undefined, data: undefined };
  });
  return picked.id === undefined ? undefined : (picked as SelectedNode);
}
