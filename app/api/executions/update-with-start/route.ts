import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { updateWithStart } from '@/lib/executions/controls';
import { UpdateWithStartBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Executes the update on the workflow with this id, starting it first when it is not running; 422
 * update.rejected when the validator refuses. A running workflow of another design (409) or an
 * approval request (403/404) is refused and audited (lib/executions/access.ts).
 */
export const POST = handle(async (request: Request) => {
  const { update, ...body } = await readBody(request, UpdateWithStartBodySchema);
  return json(await updateWithStart({ ...body, name: update, principal: requirePrincipal() }), 200);
});
