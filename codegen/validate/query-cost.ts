import type { Diagnostic } from '../diagnostics';
import type { Expr } from '../expressions';
import { childrenOf } from '../expressions/ast';
import { messageOf } from '../messages';
import { isHandlerNode, type Design } from '../schema/design';
import { describeNode } from './describe';
import { expressionKey, type CompiledExpressions } from './expressions';

/** The functions that walk every item of their list (len reads a maintained length; first reads one item). */
const WALKS_EVERY_ITEM = new Set<string>(['sum', 'filter', 'map', 'count', 'any', 'all']);

/**
 * A query that computes over every item of a list that messages keep growing (6.2.7, "Pre-compute
 * komplexe Werte"): each query costs more as the list grows, and queries can be frequent. The
 * chapter's fix: keep the figure in a variable the message updates, and have the query read it.
 */
export function checkQueryCost(design: Design, compiled: CompiledExpressions): Diagnostic[] {
  const lists = new Set(design.variables.filter((v) => v.type === 'list').map((v) => v.name));
  const fedByMessages = new Set<string>();
  for (const node of design.nodes) {
    if (isHandlerNode(node) && node.type !== 'query') for (const name of messageOf(node).writes?.(node) ?? []) if (lists.has(name)) fedByMessages.add(name);
  }
  const diagnostics: Diagnostic[] = [];
  for (const node of design.nodes) {
    if (node.type !== 'query') continue;
    const returns = compiled.get(expressionKey(node.id, 'returns'));
    const walk = returns && firstWalk(returns.ast, fedByMessages);
    if (!walk) continue;
    diagnostics.push({
      severity: 'warning',
      code: 'query.computes-over-list',
      message: `${describeNode(node)} computes ${walk.callee}() over every item of ${JSON.stringify(walk.list)}, which messages keep growing: each query gets slower as the list grows. Keep the figure in a variable that the message updates as it appends, and return that variable`,
      nodeId: node.id,
      field: 'returns',
    });
  }
  return diagnostics;
}

function firstWalk(e: Expr, lists: ReadonlySet<string>): { callee: string; list: string } | undefined {
  if (e.kind === 'call' && WALKS_EVERY_ITEM.has(e.callee)) {
    const list = e.args[0];
    if (list?.kind === 'identifier' && lists.has(list.name)) return { callee: e.callee, list: list.name };
  }
  for (const child of childrenOf(e)) {
    const found = firstWalk(child, lists);
    if (found) return found;
  }
  return undefined;
}
