import { z } from 'zod';

/** Field values are checked against the process's fields when the execution starts. */
export const SubmitRequestBodySchema = z.object({
  processId: z.string().min(1).max(100),
  fields: z.record(z.string(), z.unknown()).default({}),
});
