import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { parseWith, routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { readableExecution } from '@/lib/executions/access';
import { historyPage } from '@/lib/executions/history';
import { HistoryQuerySchema } from '../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** One page of the event history, oldest first: `?pageSize=` (≤ 1000), `?pageToken=` from the previous page, `?runId=`; 404 for an approval request the caller may not read. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const workflowId = routeParam((await params).workflowId);
  const query = parseWith(HistoryQuerySchema, Object.fromEntries(new URL(request.url).searchParams), 'query string');
  // the run read is the run checked
  const { description } = await readableExecution(requirePrincipal(), workflowId, query.runId);
  return json(await historyPage({ workflowId, ...query, runId: description.runId }));
});
