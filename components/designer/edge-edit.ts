import { kindTitle, type NodeType } from '@/codegen/design';
import { makeEdge } from '../flow/edges';
import { HANDLER_OUT, isHandlerType, NEXT, sourceHandles } from '../flow/handles';
import type { DesignerEdge, DesignerNode } from '../flow/types';
import { checkConnection, type ConnectionVerdict } from './connection';

interface Graph {
  nodes: readonly DesignerNode[];
  edges: readonly DesignerEdge[];
}

export interface Choice {
  value: string;
  label: string;
}

/** What the inspector calls a node: its label, else its kind. */
export function nodeName(node: Pick<DesignerNode, 'type' | 'data'>): string {
  return node.data.label.trim() || kindTitle(node.type as NodeType);
}

/** The outputs a connection can leave a node from, named as the node draws them. */
export function outputChoices(node: DesignerNode): Choice[] {
  const branches = node.type === 'decision' ? node.data.branches : [];
  return sourceHandles({ type: node.type, ...node.data } as never).map((handle) => {
    if (handle === NEXT) return { value: handle, label: 'Next step' };
    if (handle === HANDLER_OUT) return { value: handle, label: 'Satisfies the wait' };
    if (handle === 'met') return { value: handle, label: 'Condition met' };
    if (handle === 'timeout') return { value: handle, label: 'Timeout' };
    if (handle === 'else') return { value: handle, label: 'Else' };
    const branch = branches.find((b) => b.id === handle);
    return { value: handle, label: `Branch "${branch?.label || handle}"` };
  });
}

/** The nodes this connection may lead to instead (its current target included), by name. */
export function targetChoices(graph: Graph, edge: DesignerEdge): Choice[] {
  const others = graph.edges.filter((e) => e.id !== edge.id);
  return graph.nodes
    .filter((n) => n.id === edge.target || checkConnection({ ...edge, target: n.id }, { nodes: graph.nodes, edges: others }).ok)
    .map((n) => ({ value: n.id, label: `${nodeName(n)} (${n.id})` }));
}

export interface ConnectionEdit {
  sourceHandle?: string;
  target?: string;
}

/**
 * The edges after moving one connection to another output or target, or why that is refused.
 * As when drawing, an output leads to one place: another connection from the new output is replaced.
 */
export function changeEdge(graph: Graph, id: string, change: ConnectionEdit): { ok: true; edges: DesignerEdge[] } | Extract<ConnectionVerdict, { ok: false }> {
  const edge = graph.edges.find((e) => e.id === id);
  const source = edge && graph.nodes.find((n) => n.id === edge.source);
  if (!edge || !source) return { ok: false, reason: 'That connection no longer exists' };
  const sourceHandle = change.sourceHandle ?? edge.sourceHandle ?? NEXT;
  const target = change.target ?? edge.target;
  if (!sourceHandles({ type: source.type, ...source.data } as never).includes(sourceHandle)) {
    return { ok: false, reason: `${nodeName(source)} has no output "${sourceHandle}"` };
  }
  const others = graph.edges.filter((e) => e.id !== id);
  const verdict = checkConnection({ ...edge, sourceHandle, target }, { nodes: graph.nodes, edges: others });
  if (!verdict.ok) return verdict;
  const fromHandler = isHandlerType(source.type);
  const moved = { ...makeEdge({ id, source: edge.source, target, sourceHandle, fromHandler }), selected: edge.selected };
  const replaced = (e: DesignerEdge) => !fromHandler && e.id !== id && e.source === edge.source && e.sourceHandle === sourceHandle;
  return { ok: true, edges: graph.edges.filter((e) => !replaced(e)).map((e) => (e.id === id ? moved : e)) };
}
