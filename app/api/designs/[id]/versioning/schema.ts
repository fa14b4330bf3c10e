import { z } from 'zod';

/** POST /api/designs/[id]/versioning/promote: the deployment to make current (a newer one, or an older one: rollback). */
export const PromoteRequestSchema = z.object({
  deploymentId: z.string().min(1).max(100),
});

/** POST /api/designs/[id]/versioning/ramp: the deployment to ramp and its share of new executions (1–99 %; 100 % is promote). */
export const RampRequestSchema = z.object({
  deploymentId: z.string().min(1).max(100),
  percentage: z.number().int('must be a whole number of percent').min(1, 'must be at least 1').max(99, 'must be at most 99 (100 % is promote)'),
});

/** PUT /api/designs/[id]/versioning/behaviour: pinned (executions finish on their version) or auto-upgrade. */
export const BehaviorRequestSchema = z.object({
  behavior: z.enum(['pinned', 'auto-upgrade']),
});
