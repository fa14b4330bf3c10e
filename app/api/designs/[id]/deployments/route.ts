import { listDeployments } from '@/db/repository';
import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { requireWorkerHost } from '@/lib/api/dependencies';
import { deployDesignVersion } from '@/lib/deploy/pipeline';
import { deployResponse } from '@/lib/deploy/response';
import { DeployRequestSchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Deploys a version (the latest unless given): validate, generate, type-check, bundle, replay
 * recent histories of the current version, start the worker. 201 with the deployment; 422 with
 * the stage and diagnostics when refused (stage "replay" can be overridden with `force: true`,
 * except for an auto-upgrade design: 409). The new version becomes current, or ramps at `ramp` %.
 * With `Accept: application/x-ndjson` the answer streams a progress line per stage first.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { version, force, ramp } = await readBody(request, DeployRequestSchema);
  await requireWorkerHost(); // 503 naming the worker host when none answers, before any stage runs
  return deployResponse(request, (onProgress) => deployDesignVersion({ designId: id, version, force, ramp, onProgress }));
});

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return json({ deployments: await listDeployments({ designId: id }) });
});
