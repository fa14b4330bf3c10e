import { handle, json } from '../../../../../lib/api/errors';
import { parseWith, routeParam } from '../../../../../lib/api/request';
import { historyPage } from '../../../../../lib/execution-history';
import { HistoryQuerySchema } from '../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** One page of the event history, oldest first: `?pageSize=` (≤ 1000), `?pageToken=` from the previous page, `?runId=`. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const { workflowId } = await params;
  const query = parseWith(HistoryQuerySchema, Object.fromEntries(new URL(request.url).searchParams), 'query string');
  return json(await historyPage({ workflowId: routeParam(workflowId), ...query }));
});
