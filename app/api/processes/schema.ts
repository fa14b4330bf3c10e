import { z } from 'zod';

/** The spec itself is checked by lib/approvals (with issues per field); here only its envelope. */
export const CreateProcessBodySchema = z.object({ spec: z.record(z.string(), z.unknown()) });

/** An edit from the form: the new spec, the design version the editor opened, and whether to replace changes made since. */
export const UpdateProcessBodySchema = z.object({
  spec: z.record(z.string(), z.unknown()),
  baseVersion: z.number().int().positive().optional(),
  overwrite: z.boolean().default(false),
});
