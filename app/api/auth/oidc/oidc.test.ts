/**
 * OIDC sign-in against a test provider on loopback: the redirect carries PKCE, state and nonce;
 * the callback creates the account with the roles from the role claim, signs in and returns to
 * `next`; later sign-ins follow role changes; forged state, a wrong nonce, a missing flow cookie
 * and disabled accounts end on /login with the reason.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeDb } from '@/db/client';
import { getUserByUsername, listAudit, updateUser } from '@/db/repository';
import { rolesFromClaim, usernameFromClaims } from '@/lib/auth/oidc';
import { startTestProvider, type TestProvider } from '@/testing/oidc-provider';
import * as meRoute from '../me/route';
import * as callbackRoute from './callback/route';
import * as startRoute from './start/route';

let provider: TestProvider;
type RouteHandler = (request: Request) => Promise<Response>;
const get = (handler: unknown, url: string | URL, cookie?: string) =>
  (handler as RouteHandler)(new Request(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' }));

before(async () => {
  delete process.env.DATABASE_URL;
  process.env.SIGNALBOX_PGLITE_DIR = 'memory://';
  provider = await startTestProvider();
  process.env.OIDC_ISSUER = provider.issuer;
  process.env.OIDC_CLIENT_ID = provider.clientId;
  process.env.OIDC_CLIENT_SECRET = provider.clientSecret;
  process.env.OIDC_ROLE_CLAIM = 'groups';
});
after(async () => {
  await provider.close();
  await closeDb();
});

function cookieFrom(response: Response, name: string): string | undefined {
  const value = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return value?.split(';')[0];
}

/** Start → provider → callback, as the browser would; returns the callback's response. */
async function signInThroughProvider(claims: Record<string, unknown>, { next = '/designs/d1', tamper, nonce }: { next?: string; tamper?: (back: URL) => void; nonce?: string } = {}) {
  const started = await get(startRoute.GET, `http://app.test/api/auth/oidc/start?next=${encodeURIComponent(next)}`);
  assert.equal(started.status, 302);
  const authorizationUrl = started.headers.get('location')!;
  assert.ok(authorizationUrl.startsWith(`${provider.issuer}/authorize?`));
  const flowCookie = cookieFrom(started, 'signalbox_oidc')!;
  assert.match(started.headers.getSetCookie()[0]!, /HttpOnly; SameSite=Lax; Max-Age=600/);
  const back = provider.authorize(authorizationUrl, claims, { nonce });
  assert.equal(back.origin + back.pathname, 'http://app.test/api/auth/oidc/callback');
  tamper?.(back);
  return get(callbackRoute.GET, back, flowCookie);
}

test('first sign-in creates the account with the roles from the claim, signs in and returns to next', async () => {
  const response = await signInThroughProvider({ sub: 'u-1', preferred_username: 'Olga.O', name: 'Olga Operator', groups: ['operator', 'wizard'] });
  assert.equal(response.status, 302);
  assert.equal(response.headers.get('location'), '/designs/d1');
  const session = cookieFrom(response, 'signalbox_session');
  assert.ok(session && session.length > 30);
  assert.ok(response.headers.getSetCookie().some((c) => c.startsWith('signalbox_oidc=;') && c.includes('Max-Age=0')), 'the flow cookie is cleared');

  const me = (await (await get(meRoute.GET, 'http://app.test/api/auth/me', session)).json()) as { user: { username: string; displayName: string; roles: string[] } };
  assert.deepEqual(me.user, { ...me.user, username: 'olga.o', displayName: 'Olga Operator', roles: ['operator'] });
  const user = await getUserByUsername({ username: 'olga.o' });
  assert.equal(user?.passwordHash, null, 'no password: OIDC accounts cannot use password sign-in');
  assert.ok((await listAudit()).some((e) => e.action === 'auth.login' && e.details.method === 'oidc'));
});

test('later sign-ins follow the provider: new roles, same account', async () => {
  const response = await signInThroughProvider({ sub: 'u-1', preferred_username: 'olga.o', name: 'Olga O.', groups: 'designer viewer' }, { next: '/' });
  assert.equal(response.headers.get('location'), '/');
  const user = await getUserByUsername({ username: 'olga.o' });
  assert.deepEqual(user?.roles, ['designer', 'viewer']);
  assert.equal(user?.displayName, 'Olga O.');
  // Another subject with the same username gets a unique one.
  await signInThroughProvider({ sub: 'u-2', preferred_username: 'olga.o', groups: [] });
  assert.deepEqual((await getUserByUsername({ username: 'olga.o-2' }))?.roles, []);
});

test('forged state, a replayed ID token, a missing flow cookie, provider errors and disabled accounts end on /login with the reason', async () => {
  const forged = await signInThroughProvider({ sub: 'u-3', groups: ['admin'] }, { tamper: (back) => back.searchParams.set('state', 'forged') });
  assert.equal(forged.headers.get('location'), '/login?error=oidc-failed');
  assert.equal(cookieFrom(forged, 'signalbox_session'), undefined);
  assert.equal(await getUserByUsername({ username: 'u-3' }), undefined);

  // An ID token minted for another sign-in (replayed): its nonce does not match this flow's.
  const replayed = await signInThroughProvider({ sub: 'u-3', groups: ['admin'] }, { nonce: 'someone-elses-nonce' });
  assert.equal(replayed.headers.get('location'), '/login?error=oidc-failed');
  assert.equal(await getUserByUsername({ username: 'u-3' }), undefined);

  const noCookie = await get(callbackRoute.GET, 'http://app.test/api/auth/oidc/callback?code=x&state=y');
  assert.equal(noCookie.headers.get('location'), '/login?error=oidc-expired');
  const refused = await get(callbackRoute.GET, 'http://app.test/api/auth/oidc/callback?error=access_denied');
  assert.equal(refused.headers.get('location'), '/login?error=oidc-provider');

  const olga = (await getUserByUsername({ username: 'olga.o' }))!;
  await updateUser({ id: olga.id, changes: { disabled: true } });
  const disabled = await signInThroughProvider({ sub: 'u-1', preferred_username: 'olga.o', groups: ['viewer'] });
  assert.equal(disabled.headers.get('location'), '/login?error=oidc-disabled');
  assert.equal(cookieFrom(disabled, 'signalbox_session'), undefined);
});

test('an open redirect through next is not possible', async () => {
  const response = await signInThroughProvider({ sub: 'u-4', preferred_username: 'nina', groups: ['viewer'] }, { next: '//evil.example/x' });
  assert.equal(response.headers.get('location'), '/');
});

test('claims to roles and usernames', () => {
  assert.deepEqual(rolesFromClaim(['Admin', 'viewer', 'viewer', 'root']), ['admin', 'viewer']);
  assert.deepEqual(rolesFromClaim('operator, approver'), ['operator', 'approver']);
  assert.deepEqual(rolesFromClaim(undefined), []);
  assert.equal(usernameFromClaims({ sub: 's', email: 'Jane.Doe+x@corp.example' }), 'jane.doe-x');
  assert.equal(usernameFromClaims({ sub: 'x', preferred_username: '<b>' }), 'b-');
  assert.equal(usernameFromClaims({ sub: 'a' }), 'user-a');
});
