import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { cancelExecution } from '@/lib/executions/controls';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Requests cancellation: the workflow sees it and ends as CANCELED (202: it happens asynchronously). */
export const POST = handle(async (_request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const { workflowId } = await params;
  await cancelExecution({ principal: requirePrincipal(), workflowId: routeParam(workflowId) });
  return json({ ok: true }, 202);
});
