import { z } from 'zod';
import { refuseUnsafeName } from '@/lib/api/text-safety';

/** The design itself is checked against DesignSchema by the data layer (400 with its issues). */
export const DesignBodySchema = z.object({ design: z.unknown().refine((v) => v !== undefined, 'required') });
export type DesignBody = z.infer<typeof DesignBodySchema>;

export const DeployBodySchema = z.object({ version: z.number().int().positive().optional() });
export type DeployBody = z.infer<typeof DeployBodySchema>;

/** What a person says about a version: one line, shown in the history. */
export const VersionMessageSchema = z.string().max(500, 'must have at most 500 characters').superRefine(refuseUnsafeName);

/**
 * A save: the design (the design's draft when absent), the version it was based on (a 409 answers
 * when another save came first) and an optional message.
 */
export const SaveVersionBodySchema = z.object({
  design: z.unknown().optional(),
  baseVersion: z.number().int().nonnegative().optional(),
  message: VersionMessageSchema.optional(),
});
export type SaveVersionBody = z.infer<typeof SaveVersionBodySchema>;

/** An autosave: the work in progress and the version its edits started from (409 when a version was saved since). */
export const DraftBodySchema = z.object({
  design: z.unknown().refine((v) => v !== undefined, 'required'),
  baseVersion: z.number().int().positive(),
});
export type DraftBody = z.infer<typeof DraftBodySchema>;
