import { z } from 'zod';

/** The spec itself is checked by lib/approvals (with issues per field); here only its envelope. */
export const CreateProcessBodySchema = z.object({
  spec: z.record(z.string(), z.unknown()),
  /** The form's submission (made when it opens): a repeat answers the first create (lib/approvals/create-once.ts). */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8 to 100 letters, digits, - or _').optional(),
});

/** An edit from the form: the new spec, the design version the editor opened, and whether to replace changes made since. */
export const UpdateProcessBodySchema = z.object({
  spec: z.record(z.string(), z.unknown()),
  baseVersion: z.number().int().positive().optional(),
  overwrite: z.boolean().default(false),
});
