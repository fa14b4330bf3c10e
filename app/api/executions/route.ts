import { handle, json } from '../../../lib/api/errors';
import { readBody } from '../../../lib/api/request';
import { listExecutions, startExecution } from '../../../lib/executions';
import { StartExecutionBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Starts a workflow on the design's newest deployment (or the one given). */
export const POST = handle(async (request: Request) => {
  const body = await readBody(request, StartExecutionBodySchema);
  const { workflowId, runId } = await startExecution(body);
  return json({ workflowId, runId }, 201);
});

export const GET = handle(async (request: Request) => {
  const designId = new URL(request.url).searchParams.get('designId') || undefined;
  return json({ executions: await listExecutions({ designId }) });
});
