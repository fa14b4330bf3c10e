import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { resetExecution } from '@/lib/executions/controls';
import { ResetBodySchema } from '../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Resets the current run to its first or last completed workflow task; answers the new run's id. Body: `{ to?, reason? }`. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const { workflowId } = await params;
  const { to, reason } = await readBody(request, ResetBodySchema);
  return json(await resetExecution({ principal: requirePrincipal(), workflowId: routeParam(workflowId), to, reason }), 201);
});
