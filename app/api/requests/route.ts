import { handle, json } from '../../../lib/api/errors';
import { readBody } from '../../../lib/api/request';
import { requirePrincipal } from '../../../lib/auth/context';
import { myRequests, submitRequest } from '../../../lib/approvals/service';
import { SubmitRequestBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The caller's own requests, newest first, each with its status (levels, who approved, who is pending, deadline). */
export const GET = handle(async () => json({ requests: await myRequests(requirePrincipal()) }));

/** Submits a request: starts the process's execution with the caller recorded as the requester. */
export const POST = handle(async (request: Request) => {
  const body = await readBody(request, SubmitRequestBodySchema);
  return json({ request: await submitRequest(requirePrincipal(), body) }, 201);
});
