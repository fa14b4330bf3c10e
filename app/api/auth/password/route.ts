import { getUserById, recordAudit, updateUser } from '@/db/repository';
import { ApiError, json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { readCookie, SESSION_COOKIE } from '@/lib/auth/cookies';
import { hashPassword, passwordProblem, verifyPassword } from '@/lib/auth/passwords';
import { endOtherSessions } from '@/lib/auth/sessions';
import { ChangePasswordBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Changes one's own password (the current one is required) and ends one's other sessions (a
 * stolen session does not outlive the change); this browser stays signed in.
 */
export const POST = handle(async (request: Request) => {
  const { currentPassword, newPassword } = await readBody(request, ChangePasswordBodySchema);
  const principal = requirePrincipal();
  const user = await getUserById({ id: principal.id });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new ApiError(400, 'auth.wrong-password', 'The current password is not right.', { field: 'currentPassword' });
  }
  // The schema checked strength alone; here the estimator also knows the account's names.
  const weak = passwordProblem(newPassword, [user.username, user.displayName]);
  if (weak) throw new ApiError(400, 'input.invalid', weak, { field: 'newPassword' });
  await updateUser({ id: user.id, changes: { passwordHash: await hashPassword(newPassword) } });
  await endOtherSessions(user.id, principal.via === 'session' ? readCookie(request.headers.get('cookie'), SESSION_COOKIE) : undefined);
  await recordAudit({ actor: { id: principal.id, username: principal.username }, action: 'user.password-change', target: `user:${user.id}` });
  return json({ ok: true });
});
