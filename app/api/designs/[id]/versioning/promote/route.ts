import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { promoteDeployment } from '@/lib/deploy/versioning-actions';
import { describeDesignVersioning } from '@/lib/deploy/versioning-view';
import { currentActor } from '../actor';
import { PromoteRequestSchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Makes a deployment the design's current version: new executions go to it at once, running pinned
 * ones stay where they are. Setting an older one current is the rollback — instant, no redeploy; a
 * retired one gets its worker back first. 200 with the design's versioning afterwards.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const designId = routeParam((await params).id);
  const { deploymentId } = await readBody(request, PromoteRequestSchema);
  const promoted = await promoteDeployment({ designId, deploymentId, actor: currentActor() });
  return json({ promoted: { deploymentId: promoted.id, version: promoted.version, buildId: promoted.buildId }, versioning: await describeDesignVersioning(designId) });
});
