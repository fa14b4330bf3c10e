'use client';
import type { DesignerEdge } from '../flow/types';
import { useDesignerStore } from './DesignerStoreProvider';

/** The connection the inspector edits: the first selected edge while no node is selected. */
export function useSelectedEdge(): DesignerEdge | undefined {
  return useDesignerStore((s) => (s.nodes.some((n) => n.selected) ? undefined : s.edges.find((e) => e.selected)));
}
