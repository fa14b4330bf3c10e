import { nanoid } from 'nanoid';
import { z } from 'zod';
import { EdgeSchema, NodeSchema, type DesignEdge, type DesignNode } from '@/codegen/design';

/**
 * Copy/paste moves a piece of design JSON through the system clipboard, so it also works
 * between designs, tabs and windows. Pasted nodes, edges and decision branches get fresh ids.
 */
export const FRAGMENT_KIND = 'signalbox/design-fragment';

export interface Fragment {
  nodes: DesignNode[];
  edges: DesignEdge[];
}

const FragmentSchema = z.object({ nodes: z.array(NodeSchema), edges: z.array(EdgeSchema).default([]) });

/** The selected nodes and the edges between them (Start is never copied: a design has exactly one). */
export function makeFragment(nodes: readonly DesignNode[], edges: readonly DesignEdge[]): Fragment {
  const copied = nodes.filter((n) => n.type !== 'start');
  const ids = new Set(copied.map((n) => n.id));
  return { nodes: copied, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

export function serializeFragment(fragment: Fragment): string {
  return JSON.stringify({ kind: FRAGMENT_KIND, ...fragment }, null, 2);
}

/** Clipboard text → fragment; null when the text is not a design or a fragment (pasting prose does nothing). */
export function parseFragment(text: string): Fragment | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = FragmentSchema.safeParse(value);
  return parsed.success ? makeFragment(parsed.data.nodes, parsed.data.edges) : null;
}

/** The fragment with fresh ids everywhere (nodes, edges, branches), moved by `offset`. */
export function withFreshIds(fragment: Fragment, offset: { x: number; y: number }, newId: () => string = () => nanoid(10)): Fragment {
  const nodeIds = new Map(fragment.nodes.map((n) => [n.id, newId()]));
  const branchIds = new Map<string, string>();
  const nodes = fragment.nodes.map((node): DesignNode => {
    const moved = { ...node, id: nodeIds.get(node.id)!, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
    if (moved.type !== 'decision') return moved;
    return {
      ...moved,
      branches: moved.branches.map((b) => {
        const id = newId();
        branchIds.set(`${node.id}/${b.id}`, id);
        return { ...b, id };
      }),
    };
  });
  const edges = fragment.edges.map((edge): DesignEdge => {
    const handle = edge.sourceHandle === undefined ? undefined : (branchIds.get(`${edge.source}/${edge.sourceHandle}`) ?? edge.sourceHandle);
    return {
      id: newId(),
      source: nodeIds.get(edge.source)!,
      target: nodeIds.get(edge.target)!,
      ...(handle === undefined ? {} : { sourceHandle: handle }),
    };
  });
  return { nodes, edges };
}
