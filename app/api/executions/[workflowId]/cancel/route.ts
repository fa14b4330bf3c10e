import { handle, json } from '../../../../../lib/api/errors';
import { routeParam } from '../../../../../lib/api/request';
import { cancelExecution } from '../../../../../lib/execution-controls';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Requests cancellation: the workflow sees it and ends as CANCELED (202: it happens asynchronously). */
export const POST = handle(async (_request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const { workflowId } = await params;
  await cancelExecution({ workflowId: routeParam(workflowId) });
  return json({ ok: true }, 202);
});
