import { recordAudit } from '@/db/repository';
import { ApiError } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { checkCredentials } from '@/lib/auth/accounts';
import { principalOf } from '@/lib/auth/principal';
import { signedInResponse } from '@/lib/auth/responses';
import { clientAddress, recordFailure, recordSuccess, retryAfterMs } from '@/lib/auth/throttle';
import { LoginBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Signs in with username and password: a session cookie (HttpOnly, SameSite=Lax). Throttled: lib/auth/throttle.ts. */
export const POST = handle(async (request: Request) => {
  const { username, password } = await readBody(request, LoginBodySchema);
  const address = clientAddress(request);
  const waitMs = await retryAfterMs(username, address);
  if (waitMs > 0) {
    const minutes = Math.ceil(waitMs / 60_000);
    throw new ApiError(429, 'auth.too-many-attempts', `Too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }
  const result = await checkCredentials(username, password);
  if (result.ok) await recordSuccess(username, address);
  else if (result.reason === 'invalid') await recordFailure(username, address);
  if (!result.ok) {
    throw result.reason === 'disabled'
      ? new ApiError(403, 'auth.disabled', 'This account is disabled: ask an admin to enable it.')
      : new ApiError(401, 'auth.invalid-credentials', 'Wrong username or password.', { field: 'password' });
  }
  const { user } = result;
  await recordAudit({ actor: { id: user.id, username: user.username }, action: 'auth.login', target: `user:${user.id}`, details: { method: 'password' } });
  return signedInResponse(request, user.id, { user: principalOf(user, 'session') });
});
