import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { signalExecution } from '@/lib/executions/service';
import { HandlerBodySchema } from '../../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Sends a signal of the deployed design; `designId` in the body, when given, must be the execution's design. Refusals are audited (lib/executions/access.ts). */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string; name: string }> }) => {
  const { workflowId, name } = await params;
  const { args, designId } = await readBody(request, HandlerBodySchema);
  await signalExecution({ principal: requirePrincipal(), workflowId: routeParam(workflowId), name: routeParam(name), args, designId });
  return json({ ok: true }, 202);
});
