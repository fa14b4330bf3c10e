import type { XYPosition } from '@xyflow/react';
import { checkIdentifier, describeNameProblem } from '@/codegen/design';
import { isHandlerType } from '../../flow/handles';
import type { DesignerEdge, DesignerNode } from '../../flow/types';

export type HandlerKind = 'signal' | 'query' | 'update';

/** Where a message handler is still used: the waits it is connected to (it can satisfy them). */
export function handlerUsages(edges: readonly DesignerEdge[], id: string): { nodeId: string; field: string }[] {
  return edges.filter((e) => e.source === id).map((e) => ({ nodeId: e.target, field: 'can satisfy this wait' }));
}

const handlerNamesOf = (nodes: readonly DesignerNode[], except?: string) =>
  new Set(nodes.flatMap((n) => (n.id !== except && isHandlerType(n.type) && 'name' in n.data ? [n.data.name as string] : [])));

/** Why a handler cannot be named so (message names are identifiers, unique in the workflow), or null. */
export function handlerNameProblem(nodes: readonly DesignerNode[], id: string, name: string): string | null {
  const problem = checkIdentifier(name);
  if (problem) return describeNameProblem('The message', name, problem);
  if (handlerNamesOf(nodes, id).has(name)) return `Another message is already named "${name}"`;
  return null;
}

/** The first free name `signal1`, `query2`, … for a new handler of this kind. */
export function freeHandlerName(nodes: readonly DesignerNode[], kind: HandlerKind): string {
  const taken = handlerNamesOf(nodes);
  let n = 1;
  while (taken.has(`${kind}${n}`)) n++;
  return `${kind}${n}`;
}

/** Nodes are drawn ~200 px wide: closer than this horizontally, two nodes would overlap. */
const NODE_SPAN_X = 220;
/** Vertical step below the lowest node of the column (a node is ~80 px high). */
const ROW_STEP_Y = 110;

/** A new handler goes in the column of the handlers (left of the design), below every node already in that column. */
export function newHandlerPosition(nodes: readonly DesignerNode[]): XYPosition {
  if (nodes.length === 0) return { x: 0, y: 0 };
  const handlers = nodes.filter((n) => isHandlerType(n.type));
  const column = handlers.length > 0 ? Math.min(...handlers.map((n) => n.position.x)) : Math.min(...nodes.map((n) => n.position.x)) - 280;
  const inColumn = nodes.filter((n) => Math.abs(n.position.x - column) < NODE_SPAN_X);
  const y = inColumn.length > 0 ? Math.max(...inColumn.map((n) => n.position.y)) + ROW_STEP_Y : Math.min(...nodes.map((n) => n.position.y));
  return { x: Math.round(column / 10) * 10, y: Math.round(y / 10) * 10 };
}
