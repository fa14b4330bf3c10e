import { recordAudit } from '@/db/repository';
import { handle } from '@/lib/api/handle';
import { requirePrincipal } from '@/lib/auth/context';
import { readCookie, SESSION_COOKIE } from '@/lib/auth/cookies';
import { signedOutResponse } from '@/lib/auth/responses';
import { endSession } from '@/lib/auth/sessions';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Ends this browser session (the row is deleted, the cookie cleared). */
export const POST = handle(async (request: Request) => {
  const principal = requirePrincipal();
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (token) await endSession(token);
  await recordAudit({ actor: { id: principal.id, username: principal.username }, action: 'auth.logout', target: `user:${principal.id}` });
  return signedOutResponse(request);
});
