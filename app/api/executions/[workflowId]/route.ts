import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { readableExecution } from '@/lib/executions/access';
import { describeExecution } from '@/lib/executions/service';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Status, the deployed design, the designer state (current step, path, variables), and the result once closed; 404 for an approval request the caller may not read. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const workflowId = routeParam((await params).workflowId);
  const { description } = await readableExecution(requirePrincipal(), workflowId);
  return json(await describeExecution({ workflowId, runId: description.runId }));
});
