import { recordAudit } from '@/db/repository';
import { handle } from '@/lib/api/handle';
import { isHttps, readCookie, sessionCookie } from '@/lib/auth/cookies';
import { decodeFlow, finishOidcFlow, flowCookie, OIDC_COOKIE } from '@/lib/auth/oidc';
import type { OidcFailure } from '@/lib/auth/oidc-config';
import { startSession } from '@/lib/auth/sessions';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Back from the OIDC provider: checks everything (openid-client), signs in, goes on to `next`; failures go to /login with the reason. */
export const GET = handle(async (request: Request) => {
  const secure = isHttps(request);
  const headers = new Headers({ 'cache-control': 'no-store' });
  headers.append('set-cookie', flowCookie('', secure));
  const back = (location: string) => {
    headers.set('location', location);
    return new Response(null, { status: 302, headers });
  };
  // Only a code goes into the URL; the sign-in page says what it means (no text injection via links).
  const failed = (code: OidcFailure) => back(`/login?error=${code}`);

  const url = new URL(request.url);
  const providerError = url.searchParams.get('error');
  if (providerError) {
    console.error('[oidc] the provider answered with an error:', providerError, url.searchParams.get('error_description') ?? '');
    return failed('oidc-provider');
  }
  const flow = decodeFlow(readCookie(request.headers.get('cookie'), OIDC_COOKIE));
  if (!flow) return failed('oidc-expired');

  let user;
  try {
    user = await finishOidcFlow(request, flow);
  } catch (error) {
    console.error('[oidc] sign-in failed:', error instanceof Error ? error.message : error);
    await recordAudit({ actor: null, action: 'auth.login-failed', details: { method: 'oidc', why: error instanceof Error ? error.message : String(error) } });
    return failed('oidc-failed');
  }
  if (user.disabled) {
    await recordAudit({ actor: null, action: 'auth.login-refused', target: `user:${user.id}`, details: { method: 'oidc', why: 'disabled' } });
    return failed('oidc-disabled');
  }
  await recordAudit({ actor: { id: user.id, username: user.username }, action: 'auth.login', target: `user:${user.id}`, details: { method: 'oidc', roles: user.roles } });
  const { token, expiresAt } = await startSession(user.id);
  headers.append('set-cookie', sessionCookie(token, expiresAt, secure));
  return back(flow.next);
});
