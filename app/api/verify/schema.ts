import { z } from 'zod';

/** Any JSON as the design: a schema-invalid design comes back as diagnostics, not a 400. */
export const VerifyBodySchema = z.object({ design: z.unknown() });
export type VerifyBody = z.infer<typeof VerifyBodySchema>;
