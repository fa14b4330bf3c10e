import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { rampDeployment, stopRamp } from '@/lib/deploy/versioning-actions';
import { describeDesignVersioning } from '@/lib/deploy/versioning-view';
import { currentActor } from '../actor';
import { RampRequestSchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Sends `percentage` % (1–99) of new executions to a deployment (canary); the current version keeps the rest. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const designId = routeParam((await params).id);
  const { deploymentId, percentage } = await readBody(request, RampRequestSchema);
  await rampDeployment({ designId, deploymentId, percentage, actor: currentActor() });
  return json({ versioning: await describeDesignVersioning(designId) });
});

/** Stops the ramp: every new execution goes to the current version again. */
export const DELETE = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const designId = routeParam((await params).id);
  await stopRamp({ designId, actor: currentActor() });
  return json({ versioning: await describeDesignVersioning(designId) });
});
