'use client';
import { createContext, useContext } from 'react';
import type { Diagnostic } from '../api/types';

/**
 * What the canvas shows ON nodes without putting it IN node data: diagnostics (designer)
 * and the current step / visited path (execution monitor).
 */
export interface NodeDecorations {
  diagnostics: ReadonlyMap<string, Diagnostic[]>;
  current?: string;
  visited?: ReadonlySet<string>;
}

const EMPTY: NodeDecorations = { diagnostics: new Map() };

export const NodeDecorationsContext = createContext<NodeDecorations>(EMPTY);

export interface NodeDecoration {
  diagnostics: Diagnostic[] | undefined;
  current: boolean;
  visited: boolean;
}

export function useNodeDecoration(id: string): NodeDecoration {
  const d = useContext(NodeDecorationsContext);
  return {
    diagnostics: d.diagnostics.get(id),
    current: d.current === id,
    visited: d.visited?.has(id) ?? false,
  };
}

export function groupByNode(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const map = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (!d.nodeId) continue;
    const list = map.get(d.nodeId);
    if (list) list.push(d);
    else map.set(d.nodeId, [d]);
  }
  return map;
}
