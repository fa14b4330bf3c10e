import { z } from 'zod';

/** Any JSON as the design: a schema-invalid design comes back as diagnostics, not a 400. */
export const CompileBodySchema = z.object({ design: z.unknown() });
export type CompileBody = z.infer<typeof CompileBodySchema>;
