import { z } from 'zod';
import { ResultTypeSchema } from './parts';

/**
 * What a workflow returns: text, a number, a yes/no, or a record (`record`) such as the chapter's
 * cart `{items: 2, total: money("1328.75")}` — its fields are the End result expression's record,
 * inferred and checked alike on every completing End (codegen/validate/workflow-result.ts).
 */
export const WorkflowResultTypeSchema = z.enum([...ResultTypeSchema.options, 'record']);
export type WorkflowResultType = z.infer<typeof WorkflowResultTypeSchema>;
