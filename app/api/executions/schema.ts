import { z } from 'zod';

export const StartExecutionBodySchema = z.object({
  designId: z.string().min(1),
  deploymentId: z.string().min(1).optional(),
  workflowId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._:@-]+$/, 'may contain letters, digits and . _ : @ - only')
    .optional(),
  /** Checked against the deployed design's input fields. */
  input: z.record(z.string(), z.unknown()).default({}),
});
export type StartExecutionBody = z.infer<typeof StartExecutionBodySchema>;

/** Signals, queries and updates take one object argument (the handler's parameters) or none. */
export const HandlerBodySchema = z.object({ args: z.record(z.string(), z.unknown()).optional() });
export type HandlerBody = z.infer<typeof HandlerBodySchema>;
