import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { parseWith, readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { submitRequest } from '@/lib/approvals/service';
import { myRequestsPage, refreshTask } from '@/lib/approvals/tasks';
import { withPeople } from '@/lib/people/display-names';
import { PageQuerySchema } from '../inbox/schema';
import { SubmitRequestBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** A page of the caller's own requests, newest first, each with its status (levels, who approved, who is pending, deadline): ?page= &pageSize= → { requests, total, page, pageSize }. */
export const GET = handle(async (request: Request) => {
  const { page, pageSize } = parseWith(PageQuerySchema, Object.fromEntries(new URL(request.url).searchParams), 'query string');
  const result = await myRequestsPage(requirePrincipal(), { page, pageSize });
  return json({ requests: await withPeople(result.items), total: result.total, page: result.page, pageSize: result.pageSize });
});

/** Submits a request: starts the process's execution with the caller recorded as the requester. */
export const POST = handle(async (request: Request) => {
  const body = await readBody(request, SubmitRequestBodySchema);
  const submitted = await submitRequest(requirePrincipal(), body);
  // Lists it at once; if this read fails the next page read does it (the request is submitted either way).
  await refreshTask(submitted.workflowId).catch(() => false);
  return json({ request: submitted }, 201);
});
