import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { updateExecution } from '@/lib/executions/service';
import { HandlerBodySchema } from '../../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Runs an update and waits for its result; a validator's rejection is 422 `update.rejected` with its
 * message. `designId` in the body, when given, must be the execution's design. Approval requests take
 * no update here (their decisions go through the inbox); refusals are audited (lib/executions/access.ts).
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string; name: string }> }) => {
  const { workflowId, name } = await params;
  const { args, designId } = await readBody(request, HandlerBodySchema);
  const result = await updateExecution({ principal: requirePrincipal(), workflowId: routeParam(workflowId), name: routeParam(name), args, designId });
  return json({ result });
});
