import type { Diagnostic } from '../diagnostics';
import { childrenOf, type Expr } from '../expressions/ast';
import { isHandlerNode, type Design, type DesignNode } from '../schema/design';
import { stepOf } from '../steps';
import { describeNode } from './describe';
import { expressionKey, type CompiledExpressions } from './expressions';

/**
 * State that can grow without limit (6.5.5), and what a Continue-as-new carries: a handler that
 * appends to a list on every message, with no limit on the list's length and no continue-as-new
 * in the design, lets a flood of messages grow the state and the history until the run fails.
 */
export function checkGrowth(design: Design, compiled: CompiledExpressions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const variables = new Set(design.variables.map((v) => v.name));
  const continues = design.nodes.some((n) => n.type === 'continueAsNew');
  for (const node of design.nodes) {
    if (!isHandlerNode(node)) {
      const error = (code: string, message: string, field: string): void => {
        diagnostics.push({ severity: 'error', code, message, nodeId: node.id, field });
      };
      stepOf(node).validate?.growth?.(node, { error, variables });
    }
    if ((node.type !== 'signal' && node.type !== 'update') || continues) continue;
    node.assignments.forEach((assignment, i) => {
      const value = compiled.get(expressionKey(node.id, `assignments.${i}.value`));
      if (!value || !appendsTo(value.ast, assignment.variable)) return;
      if (guardFields(node).some((field) => readsLength(compiled.get(expressionKey(node.id, field))?.ast, assignment.variable))) return;
      const limit = node.type === 'signal' ? 'an "apply only when" condition' : 'a validator';
      diagnostics.push({
        severity: 'warning',
        code: 'list.unbounded',
        message: `${describeNode(node)} appends to ${JSON.stringify(assignment.variable)} on every message, without limit: many messages grow the state and the history until the run fails. Add ${limit} such as len(${assignment.variable}) < 100, or batch and continue as new`,
        nodeId: node.id,
        field: `assignments.${i}.value`,
      });
    });
  }
  return diagnostics;
}

/** The fields of a handler that can refuse a message before it changes state. */
function guardFields(node: Extract<DesignNode, { type: 'signal' | 'update' }>): string[] {
  if (node.type === 'signal') return ['when'];
  return ['when', ...node.validators.map((_, i) => `validators.${i}.condition`), ...(node.checks ?? []).map((_, i) => `checks.${i}.condition`)];
}

function appendsTo(e: Expr, variable: string): boolean {
  if (e.kind === 'call' && e.callee === 'append' && e.args[0]?.kind === 'identifier' && e.args[0].name === variable) return true;
  return childrenOf(e).some((child) => appendsTo(child, variable));
}

function readsLength(e: Expr | undefined, variable: string): boolean {
  if (!e) return false;
  if (e.kind === 'call' && e.callee === 'len' && e.args[0]?.kind === 'identifier' && e.args[0].name === variable) return true;
  return childrenOf(e).some((child) => readsLength(child, variable));
}
