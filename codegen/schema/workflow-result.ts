import { z } from 'zod';
import { ResultTypeSchema } from './parts';

/**
 * What a workflow returns: text, a number, a yes/no, a record (`record`) such as the chapter's
 * cart `{items: 2, total: money("1328.75")}`, or a list (`list`) such as the chapter's worker's
 * `return self.tasks` — the record's fields and the list's items are the End result expression's,
 * inferred and checked alike on every completing End (codegen/validate/workflow-result.ts).
 */
export const WorkflowResultTypeSchema = z.enum([...ResultTypeSchema.options, 'record', 'list']);
export type WorkflowResultType = z.infer<typeof WorkflowResultTypeSchema>;

/** The result types whose shape the Ends' expressions give (not declared field by field). */
export type InferredResultType = Extract<WorkflowResultType, 'record' | 'list'>;

export function isInferredResultType(type: WorkflowResultType): type is InferredResultType {
  return type === 'record' || type === 'list';
}
