import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { parseWith } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { inboxPage } from '@/lib/approvals/tasks';
import { withPeople } from '@/lib/people/display-names';
import { InboxQuerySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * One page of the tasks the caller may decide now (from the task projection, each confirmed by
 * the workflow's canDecide query): ?processId= &q= &sort=oldest|newest|deadline &page= &pageSize=
 * → { tasks, total, page, pageSize }.
 */
export const GET = handle(async (request: Request) => {
  const { processId, q, sort, page, pageSize } = parseWith(InboxQuerySchema, Object.fromEntries(new URL(request.url).searchParams), 'query string');
  const result = await inboxPage(requirePrincipal(), { processId, text: q, sort, page, pageSize });
  return json({ tasks: await withPeople(result.items), total: result.total, page: result.page, pageSize: result.pageSize });
});
