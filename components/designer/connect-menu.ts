import type { NodeType } from '@/codegen/design';
import { IN_HANDLE, isHandlerType, MESSAGES_HANDLE, sourceHandles } from '../flow/handles';
import type { DesignerEdge } from '../flow/types';
import { checkDrag, type DragEnd } from './connection';
import { defaultNodeData } from './defaults';
import { PALETTE_GROUPS } from '../steps';

interface Graph {
  nodes: readonly { id: string; type?: string }[];
  edges: readonly DesignerEdge[];
}

/** The palette's kinds in its order (Start is never offered: a design has one). */
const PALETTE_KINDS: readonly NodeType[] = PALETTE_GROUPS.flatMap((g) => g.kinds);

/** Stands for the node the menu would add, while its fit is checked (never stored). */
const CANDIDATE_ID = '__candidate__';

/** A kind the menu offers, and the handle of the new node that the dragged handle connects to. */
export interface FittingKind {
  kind: NodeType;
  /** The new node's end of the connection: its input when dragged from an output, an output otherwise. */
  handle: string;
}

/** Where a new node of `kind` would be connected to a drag from `from`, or null when it has no such end. */
function candidateEnd(kind: NodeType, from: DragEnd, fromHandler: boolean): string | null {
  if (from.type === 'source') {
    if (isHandlerType(kind)) return null; // handlers take no inputs
    return fromHandler ? MESSAGES_HANDLE : IN_HANDLE;
  }
  // Dragged backwards from an input: the new node's first output leads there. A wait's message
  // port takes handlers only, its input flow steps only (a handler's edge always enters the port).
  if (from.id === MESSAGES_HANDLE ? !isHandlerType(kind) : isHandlerType(kind)) return null;
  return sourceHandles({ type: kind, ...defaultNodeData(kind) } as never)[0] ?? null;
}

/**
 * The step kinds a connection dropped on empty canvas may create: those the canvas would accept
 * at the other end of `from` (the very rules of a drag onto an existing step, checkDrag), in palette order.
 */
export function kindsThatFit(from: DragEnd, graph: Graph, kinds: readonly NodeType[] = PALETTE_KINDS): FittingKind[] {
  const fromHandler = isHandlerType(graph.nodes.find((n) => n.id === from.nodeId)?.type);
  return kinds.flatMap((kind) => {
    if (kind === 'start') return [];
    const handle = candidateEnd(kind, from, fromHandler);
    if (handle === null) return [];
    const withCandidate = { nodes: [...graph.nodes, { id: CANDIDATE_ID, type: kind }], edges: graph.edges };
    const to: DragEnd = { nodeId: CANDIDATE_ID, id: handle, type: from.type === 'source' ? 'target' : 'source' };
    return checkDrag(from, to, withCandidate).ok ? [{ kind, handle }] : [];
  });
}

/**
 * The kinds whose name or description contains the query (case-insensitive), those whose name
 * matches first (typing "tim" puts Timer before Wait, whose description mentions a timeout); all for an empty query.
 */
export function filterKinds<T extends { title: string; description: string }>(items: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...items];
  const byTitle = items.filter((i) => i.title.toLowerCase().includes(q));
  const byDescription = items.filter((i) => !byTitle.includes(i) && i.description.toLowerCase().includes(q));
  return [...byTitle, ...byDescription];
}
