import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { decide } from '@/lib/approvals/service';
import { refreshTask } from '@/lib/approvals/tasks';
import { DecisionBodySchema } from '../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Approve or reject with a comment the task shown — `{ approve, comment, level }`, `level` being the
 * request's `task.level` (400 naming it when missing): the decide update, with the approver's
 * username and roles from the session. 403 when the caller approves nothing in this process; 422
 * `approval.refused` with the workflow validator's exact reason otherwise (a level decided
 * meanwhile: "This approval level has just been decided; reload the task").
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ workflowId: string }> }) => {
  const { workflowId } = await params;
  const body = await readBody(request, DecisionBodySchema);
  const id = routeParam(workflowId);
  try {
    return json(await decide(requirePrincipal(), id, body));
  } finally {
    // Accepted or refused, the request may have moved on: the inbox and requests pages read it again.
    await refreshTask(id).catch(() => false);
  }
});
