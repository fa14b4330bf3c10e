import { z } from 'zod';

/**
 * POST /api/designs/[id]/deployments: the version (latest unless given); force = deploy even when
 * the replay check warns; ramp = make the new Worker Deployment Version the ramping one with this
 * percentage of new executions (the current version keeps the rest) instead of the current one.
 */
export const DeployRequestSchema = z.object({
  version: z.number().int().positive().optional(),
  force: z.boolean().optional(),
  ramp: z.number().gt(0, 'must be more than 0 (omit it to make the new version current)').lt(100, 'must be less than 100 (omit it to make the new version current)').optional(),
});
