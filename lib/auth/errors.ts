/**
 * Authentication (401) and authorisation (403) failures. lib/api/errors.ts turns them into the
 * JSON error shape; pages turn them into a redirect to /login or the "not allowed" page.
 */
import 'server-only';

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export const unauthenticated = (message = 'Sign in first: this needs a session cookie or an "Authorization: Bearer <API token>" header.') =>
  new AuthError(401, 'auth.required', message);
export const forbidden = (message: string, code = 'auth.forbidden') => new AuthError(403, code, message);
