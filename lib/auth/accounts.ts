/** Account operations shared by the API routes, the setup page and `npm start` (SIGNALBOX_ADMIN_*). */
import 'server-only';
import { createFirstUser, getUserByUsername, recordAudit, type UserSummary } from '@/db/repository';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords';
import type { UserRow } from '@/db/schema';

/** Creates the first admin; null when an account already exists (setup is over). */
export async function setUpFirstAdmin({
  username,
  displayName,
  password,
  how,
}: {
  username: string;
  displayName?: string;
  password: string;
  how: 'setup-page' | 'environment';
}): Promise<UserSummary | null> {
  const passwordHash = await hashPassword(password);
  const user = await createFirstUser({ user: { username, displayName: displayName || username, passwordHash, roles: ['admin'] } });
  if (user) await recordAudit({ actor: { id: user.id, username: user.username }, action: 'user.setup', target: `user:${user.id}`, details: { how } });
  return user;
}

export type SignInResult = { ok: true; user: UserRow } | { ok: false; reason: 'invalid' | 'disabled' };

/** Checks a username and password (as slowly for an unknown user as for a wrong password); audits failures. */
export async function checkCredentials(username: string, password: string): Promise<SignInResult> {
  const user = await getUserByUsername({ username });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid || !user.passwordHash) {
    await recordAudit({ actor: null, action: 'auth.login-failed', target: user ? `user:${user.id}` : undefined, details: { username } });
    return { ok: false, reason: 'invalid' };
  }
  if (user.disabled) {
    await recordAudit({ actor: null, action: 'auth.login-refused', target: `user:${user.id}`, details: { username, why: 'disabled' } });
    return { ok: false, reason: 'disabled' };
  }
  return { ok: true, user };
}
