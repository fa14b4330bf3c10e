import type { Diagnostic } from '../diagnostics';
import { assignable, formatType, type ExprType } from '../expressions';
import { exprTsType } from '../field-types';
import type { Design, DesignNode } from '../schema/design';
import { describeNode } from './describe';
import { expressionKey, type CompiledExpressions } from './expressions';

type CompletingEnd = Extract<DesignNode, { type: 'end' }>;

/** The End nodes that complete the workflow (a failing End's message is text whatever the result type). */
function completingEnds(design: Design): CompletingEnd[] {
  return design.nodes.filter((n): n is CompletingEnd => n.type === 'end' && n.outcome === 'complete');
}

/**
 * A `record` result is the record the Ends build: each completing End must give a record, and all
 * of them the same one (the first End in the design sets the fields), so a client reads one shape.
 */
export function checkWorkflowResult(design: Design, compiled: CompiledExpressions): Diagnostic[] {
  if (design.resultType !== 'record') return [];
  const diagnostics: Diagnostic[] = [];
  let first: { node: CompletingEnd; type: ExprType } | null = null;
  for (const node of completingEnds(design)) {
    const type = compiled.get(expressionKey(node.id, 'result'))?.type;
    if (!type) continue; // Its expression did not compile: already reported.
    const error = (message: string) => diagnostics.push({ severity: 'error', code: 'end.result-type', message, nodeId: node.id, field: 'result' });
    if (type.kind !== 'object') {
      error(`${describeNode(node)}: the workflow's result is a record, but this result is ${formatType(type)}; write a record such as {items: len(items), total: total}`);
    } else if (!first) {
      first = { node, type };
    } else if (!assignable(type, first.type) || !assignable(first.type, type)) {
      error(`${describeNode(node)}: the result ${formatType(type)} differs from ${formatType(first.type)} of ${describeNode(first.node)}; every End returns the same record`);
    }
  }
  return diagnostics;
}

/** How TypeScript spells the workflow's result: the declared type, or the Ends' record. */
export function workflowResultTsType(design: Design, compiled: CompiledExpressions): string {
  if (design.resultType !== 'record') return design.resultType;
  const record = workflowResultRecord(design, compiled);
  // A design whose flow never completes still declares what it would return.
  return record ? exprTsType(record) : 'Record<string, never>';
}

/** The record a `record` result has (null when no End completes the workflow). */
export function workflowResultRecord(design: Design, compiled: CompiledExpressions): ExprType | null {
  for (const node of completingEnds(design)) {
    const type = compiled.get(expressionKey(node.id, 'result'))?.type;
    if (type?.kind === 'object') return type;
  }
  return null;
}
