'use client';
import type { DesignerNode } from '../flow/types';
import { useDesignerStore } from './DesignerStoreProvider';

/** The node the inspector edits: the first selected one. */
export function useSelectedNode(): DesignerNode | undefined {
  return useDesignerStore((s) => s.nodes.find((n) => n.selected));
}
