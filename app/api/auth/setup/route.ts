import { ApiError } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { setUpFirstAdmin } from '@/lib/auth/accounts';
import { signedInResponse } from '@/lib/auth/responses';
import { SetupBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Creates the first admin and signs them in — only while no account exists (409 afterwards). */
export const POST = handle(async (request: Request) => {
  const body = await readBody(request, SetupBodySchema);
  const user = await setUpFirstAdmin({ ...body, how: 'setup-page' });
  if (!user) throw new ApiError(409, 'setup.done', 'Signalbox is already set up: sign in, or ask an admin for an account.');
  return signedInResponse(request, user.id, { user }, 201);
});
