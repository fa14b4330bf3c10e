/**
 * Accounts through the API as a browser would use them: first-visit setup, sign-in and out,
 * the admin managing users, roles, passwords; the audit trail of it all.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listAudit } from '@/db/repository';
import { call } from '@/testing/api';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as usersRoute from '../admin/users/route';
import * as userRoute from '../admin/users/[id]/route';
import * as userPasswordRoute from '../admin/users/[id]/password/route';
import * as designsRoute from '../designs/route';
import * as loginRoute from './login/route';
import * as logoutRoute from './logout/route';
import * as meRoute from './me/route';
import * as passwordRoute from './password/route';
import * as setupRoute from './setup/route';
import * as statusRoute from './status/route';

useInMemoryApp();

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A request with only the given cookie (as: null keeps call()'s test user out of it); returns the Set-Cookie too. */
async function send(handler: unknown, path: string, { body, cookie, method = 'POST' }: { body?: unknown; cookie?: string; method?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: 'http://localhost', 'sec-fetch-site': 'same-origin', host: 'localhost' };
  if (cookie) headers.cookie = cookie;
  // The route's dynamic segment, if any, is the last path segment here.
  const params = { id: decodeURIComponent(path.split('/api/admin/users/')[1]?.split('/')[0] ?? '') };
  const response = await (handler as RouteHandler)(
    new Request(`http://localhost${path}`, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(body ?? {}) }),
    { params: Promise.resolve(params) },
  );
  const setCookie = response.headers.get('set-cookie') ?? '';
  const token = /signalbox_session=([^;]*)/.exec(setCookie)?.[1];
  return { status: response.status, body: (await response.json()) as any, setCookie, cookie: token ? `${SESSION_COOKIE}=${token}` : undefined }; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted field by field
}

let adminCookie = '';

test('first visit: setup is required, creates the admin with a session cookie, then is closed', async () => {
  const status = await send(statusRoute.GET, '/api/auth/status', { method: 'GET' });
  assert.deepEqual(status.body, { setupRequired: true, user: null, oidc: false });

  const weak = await send(setupRoute.POST, '/api/auth/setup', { body: { username: 'root', password: 'short' } });
  assert.equal(weak.status, 400);
  assert.equal(weak.body.error.field, 'password');
  assert.match(weak.body.error.message, /at least 8/);

  const created = await send(setupRoute.POST, '/api/auth/setup', { body: { username: 'Ada', displayName: 'Ada Admin', password: 'first admin pw' } });
  assert.equal(created.status, 201);
  assert.equal(created.body.user.username, 'ada', 'usernames are stored lower-case');
  assert.deepEqual(created.body.user.roles, ['admin']);
  assert.equal(created.body.user.passwordHash, undefined);
  assert.match(created.setCookie, /HttpOnly/);
  assert.match(created.setCookie, /SameSite=Lax/);
  assert.doesNotMatch(created.setCookie, /Secure/, 'plain http: no Secure flag (it would never be sent back)');
  adminCookie = created.cookie!;

  const again = await send(setupRoute.POST, '/api/auth/setup', { body: { username: 'mallory', password: 'second admin pw' } });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'setup.done');

  const me = await send(meRoute.GET, '/api/auth/me', { method: 'GET', cookie: adminCookie });
  assert.equal(me.body.user.username, 'ada');
  assert.equal((await send(statusRoute.GET, '/api/auth/status', { method: 'GET', cookie: adminCookie })).body.setupRequired, false);
});

test('sign in and out: one message for unknown user and wrong password; logout ends the session', async () => {
  const unknown = await send(loginRoute.POST, '/api/auth/login', { body: { username: 'nobody', password: 'whatever1' } });
  const wrong = await send(loginRoute.POST, '/api/auth/login', { body: { username: 'ada', password: 'whatever1' } });
  assert.equal(unknown.status, 401);
  assert.equal(wrong.status, 401);
  assert.equal(unknown.body.error.message, wrong.body.error.message);

  const signedIn = await send(loginRoute.POST, '/api/auth/login', { body: { username: 'ADA', password: 'first admin pw' } });
  assert.equal(signedIn.status, 200);
  assert.ok(signedIn.cookie && signedIn.cookie !== adminCookie, 'a new session per sign-in');
  const out = await send(logoutRoute.POST, '/api/auth/logout', { cookie: signedIn.cookie });
  assert.equal(out.status, 200);
  assert.match(out.setCookie, /Max-Age=0/);
  assert.equal((await send(meRoute.GET, '/api/auth/me', { method: 'GET', cookie: signedIn.cookie })).status, 401);
  assert.equal((await send(meRoute.GET, '/api/auth/me', { method: 'GET', cookie: adminCookie })).status, 200, 'other sessions stay');

  const crossSiteLogin = await (loginRoute.POST as (r: Request) => Promise<Response>)(
    new Request('http://localhost/api/auth/login', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' }, body: JSON.stringify({ username: 'ada', password: 'first admin pw' }) }),
  );
  assert.equal(crossSiteLogin.status, 403, 'no login CSRF');
});

test('the admin creates a viewer, who reads but cannot design; roles, disabling and password resets take effect at once', async () => {
  const created = await send(usersRoute.POST, '/api/admin/users', { cookie: adminCookie, body: { username: 'vera', displayName: 'Vera Viewer', password: 'viewer pass 1', roles: ['viewer'] } });
  assert.equal(created.status, 201);
  const vera = created.body.user;
  const duplicate = await send(usersRoute.POST, '/api/admin/users', { cookie: adminCookie, body: { username: 'Vera', password: 'viewer pass 1', roles: [] } });
  assert.equal(duplicate.status, 409);
  assert.equal(duplicate.body.error.field, 'username');
  const badRole = await send(usersRoute.POST, '/api/admin/users', { cookie: adminCookie, body: { username: 'x1', password: 'viewer pass 1', roles: ['root'] } });
  assert.equal(badRole.status, 400);
  assert.match(badRole.body.error.field, /^roles/);

  const veraSession = (await send(loginRoute.POST, '/api/auth/login', { body: { username: 'vera', password: 'viewer pass 1' } })).cookie!;
  assert.equal((await send(designsRoute.GET, '/api/designs', { method: 'GET', cookie: veraSession })).status, 200);
  const refused = await send(designsRoute.POST, '/api/designs', { cookie: veraSession, body: {} });
  assert.equal(refused.status, 403);
  assert.match(refused.body.error.message, /POST \/api\/designs needs one of the roles admin, designer; vera has viewer/);
  assert.equal((await send(usersRoute.GET, '/api/admin/users', { method: 'GET', cookie: veraSession })).status, 403);

  const promoted = await send(userRoute.PATCH, `/api/admin/users/${vera.id}`, { method: 'PATCH', cookie: adminCookie, body: { roles: ['designer', 'designer'] } });
  assert.deepEqual(promoted.body.user.roles, ['designer']);
  assert.equal((await send(designsRoute.POST, '/api/designs', { cookie: veraSession, body: {} })).status, 400, 'now allowed (the empty body is what fails)');

  const reset = await send(userPasswordRoute.POST, `/api/admin/users/${vera.id}/password`, { cookie: adminCookie, body: { password: 'new viewer pw' } });
  assert.equal(reset.status, 200);
  assert.equal((await send(meRoute.GET, '/api/auth/me', { method: 'GET', cookie: veraSession })).status, 401, 'a reset signs out everywhere');
  assert.equal((await send(loginRoute.POST, '/api/auth/login', { body: { username: 'vera', password: 'viewer pass 1' } })).status, 401);
  const veraAgain = (await send(loginRoute.POST, '/api/auth/login', { body: { username: 'vera', password: 'new viewer pw' } })).cookie!;

  const changed = await send(passwordRoute.POST, '/api/auth/password', { cookie: veraAgain, body: { currentPassword: 'wrong one!', newPassword: 'vera own pw 2' } });
  assert.equal(changed.status, 400);
  assert.equal(changed.body.error.field, 'currentPassword');
  assert.equal((await send(passwordRoute.POST, '/api/auth/password', { cookie: veraAgain, body: { currentPassword: 'new viewer pw', newPassword: 'vera own pw 2' } })).status, 200);

  await send(userRoute.PATCH, `/api/admin/users/${vera.id}`, { method: 'PATCH', cookie: adminCookie, body: { disabled: true } });
  assert.equal((await send(meRoute.GET, '/api/auth/me', { method: 'GET', cookie: veraAgain })).status, 401, 'disabling signs out');
  const disabledLogin = await send(loginRoute.POST, '/api/auth/login', { body: { username: 'vera', password: 'vera own pw 2' } });
  assert.equal(disabledLogin.status, 403);
  assert.equal(disabledLogin.body.error.code, 'auth.disabled');

  assert.equal((await send(userRoute.PATCH, '/api/admin/users/missing', { method: 'PATCH', cookie: adminCookie, body: { disabled: true } })).status, 404);
  assert.equal((await send(userRoute.PATCH, `/api/admin/users/${vera.id}`, { method: 'PATCH', cookie: adminCookie, body: {} })).status, 400);
});

test('the last enabled admin cannot be demoted or disabled', async () => {
  const me = (await send(meRoute.GET, '/api/auth/me', { method: 'GET', cookie: adminCookie })).body.user;
  const demote = await send(userRoute.PATCH, `/api/admin/users/${me.id}`, { method: 'PATCH', cookie: adminCookie, body: { roles: ['viewer'] } });
  assert.equal(demote.status, 409);
  assert.equal(demote.body.error.code, 'user.last-admin');
  const disable = await send(userRoute.PATCH, `/api/admin/users/${me.id}`, { method: 'PATCH', cookie: adminCookie, body: { disabled: true } });
  assert.equal(disable.status, 409);
});

test('without a known client address, repeated wrong passwords block the username for a while (429), not other users', async () => {
  // No socket address stamped here (lib/auth/client-address.ts): only the account counter applies (50).
  for (let i = 0; i < 50; i++) assert.equal((await send(loginRoute.POST, '/api/auth/login', { body: { username: 'guessed', password: `guess-${i}` } })).status, 401);
  const locked = await send(loginRoute.POST, '/api/auth/login', { body: { username: 'guessed', password: 'guess-50' } });
  assert.equal(locked.status, 429);
  assert.equal(locked.body.error.code, 'auth.too-many-attempts');
  assert.match(locked.body.error.message, /try again in 1 minute\./);
  assert.ok(locked.body.error.retryAfterSeconds > 0 && locked.body.error.retryAfterSeconds <= 30);
  assert.equal((await send(loginRoute.POST, '/api/auth/login', { body: { username: 'ada', password: 'first admin pw' } })).status, 200);
});

test('the audit trail records who did what to whom', async () => {
  const actions = (await listAudit({ limit: 100 })).map((e) => `${e.actorName ?? '-'} ${e.action}`);
  for (const expected of ['ada user.setup', '- auth.login-failed', 'ada auth.login', 'ada auth.logout', 'ada user.create', 'ada user.update', 'ada user.password-reset', 'vera user.password-change']) {
    assert.ok(actions.includes(expected), `${expected} missing from ${actions.join(', ')}`);
  }
  const update = (await listAudit({ limit: 100 })).find((e) => e.action === 'user.update' && (e.details as { roles?: unknown }).roles);
  assert.deepEqual(update?.details.roles, { from: ['viewer'], to: ['designer'] });
  // The admin API lists it too (call() signs in as a test admin).
  const listed = await call(usersRoute.GET);
  assert.ok(listed.body.users.some((u: { username: string }) => u.username === 'vera'));
});
