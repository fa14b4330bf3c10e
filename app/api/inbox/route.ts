import { handle, json } from '../../../lib/api/errors';
import { parseWith } from '../../../lib/api/request';
import { requirePrincipal } from '../../../lib/auth/context';
import { inbox } from '../../../lib/approvals/service';
import { InboxQuerySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The tasks the caller may decide now (the workflow's canDecide query says so): ?processId= &q= &sort=oldest|newest|deadline. */
export const GET = handle(async (request: Request) => {
  const { processId, q, sort } = parseWith(InboxQuerySchema, Object.fromEntries(new URL(request.url).searchParams), 'query string');
  return json({ tasks: await inbox(requirePrincipal(), { processId, text: q, sort }) });
});
