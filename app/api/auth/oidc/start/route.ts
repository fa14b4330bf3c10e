import { ApiError } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { isHttps } from '@/lib/auth/cookies';
import { encodeFlow, flowCookie, startOidcFlow } from '@/lib/auth/oidc';
import { oidcConfigured } from '@/lib/auth/oidc-config';
import { safeNextPath } from '@/lib/auth/next-path';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Sends the browser to the OIDC provider (PKCE, state and nonce kept in a 10-minute HttpOnly cookie). */
export const GET = handle(async (request: Request) => {
  if (!oidcConfigured()) throw new ApiError(404, 'oidc.off', 'Single sign-on is not configured here (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET).');
  const next = safeNextPath(new URL(request.url).searchParams.get('next'));
  const { authorizationUrl, flow } = await startOidcFlow(request, next);
  return new Response(null, {
    status: 302,
    headers: { location: authorizationUrl.href, 'set-cookie': flowCookie(encodeFlow(flow), isHttps(request)), 'cache-control': 'no-store' },
  });
});
