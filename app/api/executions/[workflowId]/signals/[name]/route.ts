import { handle, json } from '../../../../../../lib/api/errors';
import { readBody, routeParam } from '../../../../../../lib/api/request';
import { signalExecution } from '../../../../../../lib/executions';
import { HandlerBodySchema } from '../../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string; name: string }> }) => {
  const { workflowId, name } = await params;
  const { args } = await readBody(request, HandlerBodySchema);
  await signalExecution({ workflowId: routeParam(workflowId), name: routeParam(name), args });
  return json({ ok: true }, 202);
});
