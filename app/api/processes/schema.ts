import { z } from 'zod';

/** The spec itself is checked by lib/approvals (with issues per field); here only its envelope. */
export const CreateProcessBodySchema = z.object({ spec: z.record(z.string(), z.unknown()) });
