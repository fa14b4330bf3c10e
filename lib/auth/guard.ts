/**
 * The check every API request passes before its handler runs (called by `handle()`):
 * authenticate (Bearer API token or session cookie) → CSRF (cookie requests) → authorise
 * against lib/auth/policy.ts. Throws AuthError: 401 without valid credentials, 403 otherwise.
 */
import 'server-only';
import { forbidden, unauthenticated } from './errors';
import { crossSiteProblem } from './csrf';
import { readCookie, SESSION_COOKIE } from './cookies';
import { describeAccess, rolesAllowed, routeRuleFor, type RouteRule } from './policy';
import type { Principal } from './principal';
import { principalForApiToken, principalForSession } from './sessions';

/** The principal from the request's credentials; null when it has none; 401 when they are bad. */
export async function authenticate(request: Request): Promise<Principal | null> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <API token>".');
    const principal = await principalForApiToken(match[1]!);
    if (!principal) throw unauthenticated('The API token is not valid: unknown, revoked, or its user is disabled.');
    return principal;
  }
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (!token) return null;
  const principal = await principalForSession(token);
  if (!principal) throw unauthenticated('Your session has expired or was ended: sign in again.');
  return principal;
}

/** The caller (null on a public route without credentials) and the rule that let them in. */
export interface Authorized {
  principal: Principal | null;
  rule: RouteRule | undefined;
}

export async function authorizeRequest(request: Request): Promise<Authorized> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const rule = routeRuleFor(method, url.pathname);
  if (rule?.access === 'public') {
    // Public routes (sign-in, first setup) still refuse cross-site posts (login CSRF).
    const problem = crossSiteProblem(request);
    if (problem) throw forbidden(problem, 'auth.cross-site');
    return { principal: await authenticate(request).catch(() => null), rule };
  }
  const principal = await authenticate(request);
  if (!principal) throw unauthenticated();
  if (principal.via === 'session') {
    const problem = crossSiteProblem(request);
    if (problem) throw forbidden(problem, 'auth.cross-site');
  }
  if (!rule) {
    throw forbidden(
      `No access rule covers ${method} ${url.pathname}: it is refused to everyone until one is added to lib/auth/policy.ts.`,
      'auth.no-policy',
    );
  }
  if (!rolesAllowed(rule.access, principal.roles)) {
    const yours = principal.roles.length > 0 ? principal.roles.join(', ') : 'no role';
    throw forbidden(`${method} ${rule.pattern} needs ${describeAccess(rule.access)}; ${principal.username} has ${yours}.`);
  }
  return { principal, rule };
}
