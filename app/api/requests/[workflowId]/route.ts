import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { requestFor } from '@/lib/approvals/service';
import { withPeople } from '@/lib/people/display-names';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** One request with its status and history, for its requester, the process's approvers and admins (else 404). */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const { workflowId } = await params;
  const [request] = await withPeople([await requestFor(requirePrincipal(), routeParam(workflowId))]);
  return json({ request });
});
