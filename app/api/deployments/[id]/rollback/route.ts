import { handle } from '@/lib/api/handle';
import { routeParam } from '@/lib/api/request';
import { redeploy } from '@/lib/deploy/pipeline';
import { deployResponse } from '@/lib/deploy/response';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Rollback: new executions of the design start on this (older) deployment's code again. Records
 * its stored files and bundle as a new deployment on a new task queue (201 with it); streams
 * progress with `Accept: application/x-ndjson` like a deploy.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return deployResponse(request, (onProgress) => redeploy({ deploymentId: routeParam(id), onProgress }));
});
