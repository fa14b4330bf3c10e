import type { Connection, Edge } from '@xyflow/react';
import { isStepKind, STEPS } from '@/codegen/design';
import { isHandlerType, MESSAGES_HANDLE, NEXT } from '../flow/handles';

interface Graph {
  nodes: readonly { id: string; type?: string }[];
  edges: readonly Edge[];
}

/** Whether the canvas accepts a connection, and if not, why (shown to the user while dragging). */
export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

const ok: ConnectionVerdict = { ok: true };
const refuse = (reason: string): ConnectionVerdict => ({ ok: false, reason });

/** The default output is omitted from stored edges: compare outputs with it filled in. */
const outputOf = (handle: string | null | undefined) => handle ?? NEXT;

/**
 * Which connections the canvas accepts:
 * - flow step → flow step (never into Start, never into a wait's message port);
 * - signal/update → wait (documents which message can satisfy it), once per pair;
 * - nothing ever flows into a message handler.
 */
export function checkConnection(c: Connection | Edge, { nodes, edges }: Graph): ConnectionVerdict {
  if (!c.source || !c.target) return refuse('Drop the connection on a step’s input');
  if (c.source === c.target) return refuse('A step cannot connect to itself');
  const source = nodes.find((n) => n.id === c.source);
  const target = nodes.find((n) => n.id === c.target);
  if (!source || !target) return refuse('That step no longer exists');
  if (target.type === 'start') return refuse('Start has no inputs');
  if (isHandlerType(target.type)) return refuse('Nothing flows into a message handler: handlers are triggered by messages');
  if (isHandlerType(source.type)) {
    if (source.type === 'query') return refuse('Queries cannot satisfy a wait: they never change state');
    if (!isStepKind(target.type) || !STEPS[target.type].takesMessages) return refuse('A signal or update connects only to a Wait');
    if (edges.some((e) => e.source === c.source && e.target === c.target)) return refuse('Already connected');
    return ok;
  }
  if (c.targetHandle === MESSAGES_HANDLE) return refuse('The messages port of a wait takes only signal/update edges');
  const duplicate = edges.some(
    (e) => e.source === c.source && e.target === c.target && outputOf(e.sourceHandle) === outputOf(c.sourceHandle),
  );
  return duplicate ? refuse('Already connected') : ok;
}

/** The yes/no form React Flow's `isValidConnection` wants. */
export function isValidConnection(c: Connection | Edge, graph: Graph): boolean {
  return checkConnection(c, graph).ok;
}

/** One end of a connection being dragged: a node's handle, and whether it is an output or an input. */
export interface DragEnd {
  nodeId: string;
  id?: string | null;
  type: 'source' | 'target';
}

/** The verdict on a drag from one handle onto another, in either direction. */
export function checkDrag(from: DragEnd, to: DragEnd, graph: Graph): ConnectionVerdict {
  if (from.type === to.type) return refuse(from.type === 'source' ? 'Connect an output to an input' : 'Connect an input to an output');
  const [source, target] = from.type === 'source' ? [from, to] : [to, from];
  return checkConnection(
    { source: source.nodeId, sourceHandle: source.id ?? null, target: target.nodeId, targetHandle: target.id ?? null },
    graph,
  );
}
