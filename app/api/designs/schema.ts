import { z } from 'zod';

/** The design itself is checked against DesignSchema by the data layer (400 with its issues). */
export const DesignBodySchema = z.object({ design: z.unknown().refine((v) => v !== undefined, 'required') });
export type DesignBody = z.infer<typeof DesignBodySchema>;

export const DeployBodySchema = z.object({ version: z.number().int().positive().optional() });
export type DeployBody = z.infer<typeof DeployBodySchema>;

/** A save: the design, and the version it was based on (a 409 answers when another save came first). */
export const SaveVersionBodySchema = z.object({
  design: z.unknown().refine((v) => v !== undefined, 'required'),
  baseVersion: z.number().int().nonnegative().optional(),
});
export type SaveVersionBody = z.infer<typeof SaveVersionBodySchema>;
