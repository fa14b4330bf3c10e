/**
 * Cross-site request forgery defence for cookie-authenticated requests (docs/auth.md):
 * the cookie is SameSite=Lax (not sent on cross-site POSTs), and on top of that every
 * state-changing request must come from our own origin — browsers say so in Sec-Fetch-Site
 * and Origin. Requests with neither header are not from a browser page (curl, scripts) and
 * cannot carry a victim's cookie on their own. Bearer-token requests need no check: a browser
 * never attaches that header by itself.
 */
import 'server-only';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why the request looks cross-site, or null when it is fine. */
export function crossSiteProblem(request: Request): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return `Refused a ${fetchSite} ${request.method} request: state-changing requests must come from Signalbox's own pages`;
  }
  const origin = request.headers.get('origin');
  if (origin) {
    const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || new URL(request.url).host;
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return `Refused a ${request.method} request with a malformed Origin header`;
    }
    if (originHost !== host) return `Refused a ${request.method} request from another origin (${origin})`;
  }
  return null;
}
