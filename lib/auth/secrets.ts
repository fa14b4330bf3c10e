/**
 * Opaque secrets (session cookies, API tokens): 32 random bytes, base64url. Only their SHA-256 is
 * stored, so a database leak does not hand out working credentials; SHA-256 (not a slow hash) is
 * right here because the secret itself has 256 bits of entropy.
 */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'sbx_';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** What lists show of a token: enough to recognise it, useless to use it. */
export function tokenPrefix(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX.length + 6);
}
