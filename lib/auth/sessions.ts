/** Sessions and API tokens, from credential to Principal. */
import 'server-only';
import {
  createSession,
  deleteExpiredSessions,
  deleteOtherUserSessions,
  deleteSession,
  findApiToken,
  findSession,
  touchApiToken,
} from '@/db/repository';
import { API_TOKEN_PREFIX, hashSecret, newSessionToken } from './secrets';
import { sessionTtlMs } from './cookies';
import { principalOf, type Principal } from './principal';

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function startSession(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  // Housekeeping at sign-in: expired sessions are useless, drop them.
  await deleteExpiredSessions({ now });
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + sessionTtlMs());
  await createSession({ tokenHash: hashSecret(token), userId, expiresAt });
  return { token, expiresAt };
}

export async function endSession(token: string): Promise<void> {
  await deleteSession({ tokenHash: hashSecret(token) });
}

/** Ends every session of the user except the one with this token (none kept without a token: an API token call). */
export async function endOtherSessions(userId: string, keepToken: string | undefined): Promise<void> {
  await deleteOtherUserSessions({ userId, keepTokenHash: keepToken ? hashSecret(keepToken) : undefined });
}

/** The principal for a session token; undefined when unknown, expired or the account is disabled. */
export async function principalForSession(token: string): Promise<Principal | undefined> {
  if (!token || token.length > 200) return undefined;
  const found = await findSession({ tokenHash: hashSecret(token) });
  if (!found || found.user.disabled) return undefined;
  return principalOf(found.user, 'session');
}

/** The principal for an API token; undefined when unknown, revoked or the account is disabled. */
export async function principalForApiToken(token: string): Promise<Principal | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return undefined;
  const found = await findApiToken({ tokenHash: hashSecret(token) });
  if (!found || found.user.disabled) return undefined;
  await touchApiToken({ id: found.token.id });
  return principalOf(found.user, 'token');
}
