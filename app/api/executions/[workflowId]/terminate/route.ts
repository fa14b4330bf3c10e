import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { terminateExecution } from '@/lib/executions/controls';
import { TerminateBodySchema } from '../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Ends the execution at once, without running any more workflow code. Body: `{ reason? }`. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const { workflowId } = await params;
  const { reason } = await readBody(request, TerminateBodySchema);
  await terminateExecution({ principal: requirePrincipal(), workflowId: routeParam(workflowId), reason });
  return json({ ok: true });
});
