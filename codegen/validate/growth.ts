import type { Diagnostic } from '../diagnostics';
import { childrenOf, type Expr } from '../expressions/ast';
import { messageOf } from '../messages';
import { isHandlerNode, type Design } from '../schema/design';
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
    const error = (code: string, message: string, field: string): void => {
      diagnostics.push({ severity: 'error', code, message, nodeId: node.id, field });
    };
    if (!isHandlerNode(node)) {
      stepOf(node).validate?.growth?.(node, { error, variables });
      continue;
    }
    messageOf(node).validate.growth?.(node, {
      appendsWithoutLimit(assignments, guards, limit) {
        if (continues) return;
        assignments.forEach((assignment, i) => {
          const value = compiled.get(expressionKey(node.id, `assignments.${i}.value`));
          if (!value || !appendsTo(value.ast, assignment.variable)) return;
          if (guards.some((field) => readsLength(compiled.get(expressionKey(node.id, field))?.ast, assignment.variable))) return;
          diagnostics.push({
            severity: 'warning',
            code: 'list.unbounded',
            message: `${describeNode(node)} appends to ${JSON.stringify(assignment.variable)} on every message, without limit: many messages grow the state and the history until the run fails. Add ${limit} such as len(${assignment.variable}) < 100, or batch and continue as new`,
            nodeId: node.id,
            field: `assignments.${i}.value`,
          });
        });
      },
    });
  }
  return diagnostics;
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
