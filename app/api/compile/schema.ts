import { z } from 'zod';

/** The designer's live code view: one id per open editor, and a number per request. */
const editorFields = {
  editor: z.string().min(8).max(64),
  seq: z.number().int().nonnegative(),
};

/** Any JSON as the design: a schema-invalid design comes back as diagnostics, not a 400. */
const WholeDesignSchema = z.object({
  design: z.unknown(),
  editor: editorFields.editor.optional(),
  seq: editorFields.seq.optional(),
});

/** Only what changed since request `base` of the same editor (lib/designs/patch.ts); the result is checked as a whole design. */
const DesignChangeSchema = z.object({
  ...editorFields,
  base: z.number().int().nonnegative(),
  patch: z.object({
    settings: z.record(z.string(), z.unknown()).optional(),
    nodes: z.array(z.object({ id: z.string().max(200) }).passthrough()).optional(),
    nodeIds: z.array(z.string().max(200)).optional(),
    edges: z.array(z.unknown()).optional(),
  }),
});

export const CompileBodySchema = z.union([DesignChangeSchema, WholeDesignSchema]);
export type CompileBody = z.infer<typeof CompileBodySchema>;
