import { z } from 'zod';

/** POST /api/designs/[id]/deployments: the version (latest unless given); force = deploy even when the replay check warns. */
export const DeployRequestSchema = z.object({
  version: z.number().int().positive().optional(),
  force: z.boolean().optional(),
});
