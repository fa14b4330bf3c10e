import { handle, json } from '../../../../../../lib/api/errors';
import { readBody, routeParam } from '../../../../../../lib/api/request';
import { refuseDirectDecide } from '../../../../../../lib/approvals/service';
import { updateExecution } from '../../../../../../lib/executions';
import { HandlerBodySchema } from '../../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Runs an update and waits for its result; a validator's rejection is 422 `update.rejected` with its message. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string; name: string }> }) => {
  const { workflowId, name } = await params;
  const { args } = await readBody(request, HandlerBodySchema);
  // An approval's decide update names its approver: only the inbox may send it (from the session).
  await refuseDirectDecide(routeParam(workflowId), routeParam(name));
  const result = await updateExecution({ workflowId: routeParam(workflowId), name: routeParam(name), args });
  return json({ result });
});
