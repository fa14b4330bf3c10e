import type { Diagnostic } from '../diagnostics';
import { assignable, formatType, type ExprType } from '../expressions';
import { exprTsType } from '../field-types';
import type { Design, DesignNode } from '../schema/design';
import { isInferredResultType, type InferredResultType } from '../schema/workflow-result';
import { describeNode } from './describe';
import { expressionKey, type CompiledExpressions } from './expressions';

type CompletingEnd = Extract<DesignNode, { type: 'end' }>;

/** The End nodes that complete the workflow (a failing End's message is text whatever the result type). */
function completingEnds(design: Design): CompletingEnd[] {
  return design.nodes.filter((n): n is CompletingEnd => n.type === 'end' && n.outcome === 'complete');
}

/**
 * A `record` or `list` result is the one the Ends build: each completing End must give a record
 * (a list), and all of them the same one (the first End in the design sets its shape), so a client
 * reads one shape.
 */
export function checkWorkflowResult(design: Design, compiled: CompiledExpressions): Diagnostic[] {
  const resultType = design.resultType;
  if (!isInferredResultType(resultType)) return [];
  const diagnostics: Diagnostic[] = [];
  let first: { node: CompletingEnd; type: ExprType } | null = null;
  for (const node of completingEnds(design)) {
    const type = compiled.get(expressionKey(node.id, 'result'))?.type;
    if (!type) continue; // Its expression did not compile: already reported.
    const error = (message: string) => diagnostics.push({ severity: 'error', code: 'end.result-type', message, nodeId: node.id, field: 'result' });
    if (type.kind !== EXPRESSION_KIND[resultType]) {
      error(`${describeNode(node)}: the workflow's result is a ${resultType}, but this result is ${formatType(type)}; write ${EXAMPLE[resultType]}`);
    } else if (!first) {
      first = { node, type };
    } else if (!assignable(type, first.type) || !assignable(first.type, type)) {
      error(`${describeNode(node)}: the result ${formatType(type)} differs from ${formatType(first.type)} of ${describeNode(first.node)}; every End returns the same ${resultType}`);
    }
  }
  return diagnostics;
}

const EXPRESSION_KIND = { record: 'object', list: 'list' } as const satisfies Record<InferredResultType, ExprType['kind']>;
const EXAMPLE: Record<InferredResultType, string> = { record: 'a record such as {items: len(items), total: total}', list: 'a list such as tasks or map(items, item => item.sku)' };

/** How TypeScript spells the workflow's result: the declared type, or the Ends' record or list. */
export function workflowResultTsType(design: Design, compiled: CompiledExpressions): string {
  if (!isInferredResultType(design.resultType)) return design.resultType;
  const inferred = workflowResultRecord(design, compiled);
  // A design whose flow never completes still declares what it would return.
  if (inferred) return exprTsType(inferred);
  return design.resultType === 'record' ? 'Record<string, never>' : 'never[]';
}

/** The record (or list) a `record` (`list`) result has; null when no End completes the workflow. */
export function workflowResultRecord(design: Design, compiled: CompiledExpressions): ExprType | null {
  if (!isInferredResultType(design.resultType)) return null;
  const kind = EXPRESSION_KIND[design.resultType];
  for (const node of completingEnds(design)) {
    const type = compiled.get(expressionKey(node.id, 'result'))?.type;
    if (type?.kind === kind) return type;
  }
  return null;
}
