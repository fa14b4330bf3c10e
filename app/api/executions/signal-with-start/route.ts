import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { signalWithStart } from '@/lib/executions/controls';
import { SignalWithStartBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Signals the workflow with this id, starting it on the design's deployment first when it is not
 * running. A running workflow of another design (409) or an approval request (403/404) is refused
 * and audited (lib/executions/access.ts).
 */
export const POST = handle(async (request: Request) => {
  const { signal, ...body } = await readBody(request, SignalWithStartBodySchema);
  return json(await signalWithStart({ ...body, name: signal, principal: requirePrincipal() }), 201);
});
