/**
 * Security of every API route, found by walking app/api (a new route is covered the moment it
 * exists): it has an explicit rule in lib/auth/policy.ts, answers 401 without credentials
 * (unless it is one of the few public routes) and 403 for every role its rule leaves out — all
 * before its handler runs. Plus: bad, expired, revoked and disabled credentials are 401,
 * cross-site cookie requests are 403, and a path without a rule is refused to everyone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSession, createUser, deleteUserSessions, updateUser } from '@/db/repository';
import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { apiRoutes, call, fillPattern, testSessionCookie, type HttpMethod } from '@/testing/api';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { ROUTE_POLICY } from '@/lib/auth/policy';
import { ROLES } from '@/lib/auth/roles';
import { hashSecret, newApiToken, newSessionToken, tokenPrefix } from '@/lib/auth/secrets';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as tokensRoute from './admin/tokens/route';
import * as tokenRoute from './admin/tokens/[id]/route';
import * as designsRoute from './designs/route';
import * as notificationsRoute from './notifications/route';
import * as notificationCountRoute from './notifications/count/route';
import * as markReadRoute from './notifications/read/route';

/** The routes anyone may call: health checks, the auth status, the first setup and signing in (password or OIDC). */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'GET /api/auth/status',
  'POST /api/auth/setup',
  'POST /api/auth/login',
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
];

useInMemoryApp();

async function everyRouteMethod(): Promise<{ pattern: string; method: HttpMethod; handler: (...args: never[]) => Promise<Response> }[]> {
  const found = [];
  for (const route of await apiRoutes()) {
    for (const [method, handler] of Object.entries(route.handlers)) found.push({ pattern: route.pattern, method: method as HttpMethod, handler: handler! });
  }
  return found;
}

type RouteHandler = (request: Request) => Promise<Response>;
/** Route exports typed by their own signatures (some take no arguments): all are called with a Request. */
const asHandler = (fn: unknown) => fn as RouteHandler;

function dummyParams(pattern: string): Record<string, string> {
  return Object.fromEntries([...pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => [m[1]!, 'x']));
}

test('the walk finds the routes (sanity: the known ones are there)', async () => {
  const keys = (await everyRouteMethod()).map((r) => `${r.method} ${r.pattern}`);
  for (const known of ['GET /api/designs', 'POST /api/designs/[id]/deployments', 'POST /api/executions/[workflowId]/signals/[name]', 'GET /api/admin/users']) {
    assert.ok(keys.includes(known), `${known} missing from ${keys.join(', ')}`);
  }
});

test('every route has its own rule in lib/auth/policy.ts', async () => {
  const missing = (await everyRouteMethod()).filter(
    ({ pattern, method }) => !ROUTE_POLICY.some((rule) => rule.pattern === pattern && rule.method === method),
  );
  assert.deepEqual(
    missing.map((r) => `${r.method} ${r.pattern}`),
    [],
    'add a rule for each of these routes to ROUTE_POLICY in lib/auth/policy.ts (until then they are refused to everyone)',
  );
});

test('only the expected routes are public', async () => {
  const routes = new Set((await everyRouteMethod()).map((r) => `${r.method} ${r.pattern}`));
  const isPublic = ROUTE_POLICY.filter((rule) => rule.access === 'public' && routes.has(`${rule.method} ${rule.pattern}`));
  assert.deepEqual(isPublic.map((rule) => `${rule.method} ${rule.pattern}`).sort(), [...PUBLIC_ROUTES].sort());
});

test('every non-public route: 401 without credentials, 403 for every role its rule leaves out', async () => {
  let checked403 = 0;
  for (const { pattern, method, handler } of await everyRouteMethod()) {
    const where = `${method} ${pattern}`;
    if (PUBLIC_ROUTES.includes(where)) continue;
    const params = dummyParams(pattern);
    const body = method === 'GET' || method === 'DELETE' ? undefined : {};
    const anonymous = await call(asHandler(handler), { params, body, as: null });
    assert.equal(anonymous.status, 401, `${where} without credentials: ${JSON.stringify(anonymous.body)}`);
    assert.equal(anonymous.body.error.code, 'auth.required', where);
    assert.match(anonymous.body.error.message, /Sign in/, where);

    const rule = ROUTE_POLICY.find((r) => r.pattern === pattern && r.method === method);
    if (!rule || rule.access === 'public' || rule.access === 'signed-in') continue;
    const access = rule.access;
    const wrongRoles = ROLES.filter((role) => !access.includes(role));
    for (const role of wrongRoles) {
      const refused = await call(asHandler(handler), { params, body, as: role });
      assert.equal(refused.status, 403, `${where} as ${role}: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.error.code, 'auth.forbidden', where);
      assert.ok(refused.body.error.message.includes(pattern) && refused.body.error.message.includes(role), refused.body.error.message);
      checked403 += 1;
    }
    // A user with no role at all is refused too.
    assert.equal((await call(asHandler(handler), { params, body, as: [] })).status, 403, `${where} with no role`);
  }
  assert.ok(checked403 > 30, `only ${checked403} wrong-role checks ran`);
});

test('designing and deploying is for designers and admins only', async () => {
  const designRoutes = ROUTE_POLICY.filter((r) => r.method !== 'GET' && /^\/api\/(designs|deployments)/.test(r.pattern));
  assert.ok(designRoutes.length >= 3);
  for (const rule of designRoutes) assert.deepEqual([...(rule.access as string[])].sort(), ['admin', 'designer'], `${rule.method} ${rule.pattern}`);
});

test('a path without a rule is refused to everyone, admins included, with a message naming it', async () => {
  const unlisted = handle(async (_request: Request) => json({ reached: true }));
  const request = async (cookie: string) => unlisted(new Request('http://localhost/api/not-in-the-policy', { method: 'POST', headers: { cookie } }));
  const response = await request(await testSessionCookie(['admin']));
  assert.equal(response.status, 403);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(error.code, 'auth.no-policy');
  assert.match(error.message, /POST \/api\/not-in-the-policy.*lib\/auth\/policy\.ts/);
});

test('unknown, expired and disabled sessions are 401; cross-site cookie posts are 403', async () => {
  const get = (headers: Record<string, string>) => asHandler(designsRoute.GET)(new Request('http://localhost/api/designs', { headers }));
  assert.equal((await get({ cookie: `${SESSION_COOKIE}=not-a-real-session` })).status, 401);

  const user = await createUser({ user: { username: 'sec-viewer', displayName: 'V', passwordHash: null, roles: ['viewer'] } });
  const expired = newSessionToken();
  await createSession({ tokenHash: hashSecret(expired), userId: user.id, expiresAt: new Date(Date.now() - 1000) });
  const expiredResponse = await get({ cookie: `${SESSION_COOKIE}=${expired}` });
  assert.equal(expiredResponse.status, 401);
  assert.match(((await expiredResponse.json()) as { error: { message: string } }).error.message, /expired/);

  const live = newSessionToken();
  await createSession({ tokenHash: hashSecret(live), userId: user.id, expiresAt: new Date(Date.now() + 60_000) });
  assert.equal((await get({ cookie: `${SESSION_COOKIE}=${live}` })).status, 200);
  await updateUser({ id: user.id, changes: { disabled: true } });
  assert.equal((await get({ cookie: `${SESSION_COOKIE}=${live}` })).status, 401, 'a disabled account is signed out at once');
  await deleteUserSessions({ userId: user.id });

  const admin = await testSessionCookie(['admin']);
  const post = (headers: Record<string, string>) =>
    asHandler(designsRoute.POST)(new Request('http://localhost/api/designs', { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json', ...headers }, body: '{}' }));
  const crossSite: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }];
  for (const headers of crossSite) {
    const refused = await post(headers);
    assert.equal(refused.status, 403, JSON.stringify(headers));
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'auth.cross-site');
  }
  // Same-origin browser requests reach the handler (400: the empty body is not a design).
  assert.equal((await post({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost', host: 'localhost' })).status, 400);
});

test('API tokens: a valid bearer token acts with its user\'s roles; malformed, unknown and revoked ones are 401', async () => {
  const bearer = (token: string) => asHandler(designsRoute.GET)(new Request('http://localhost/api/designs', { headers: { authorization: `Bearer ${token}` } }));
  const operator = await createUser({ user: { username: 'sec-operator', displayName: 'O', passwordHash: null, roles: ['operator'] } });
  const issued = await call(tokensRoute.POST, { body: { name: 'ci', userId: operator.id } });
  assert.equal(issued.status, 201);
  const secret: string = issued.body.secret;
  assert.equal(issued.body.token.prefix, tokenPrefix(secret));
  assert.equal(issued.body.token.tokenHash, undefined, 'the hash is never sent');

  assert.equal((await bearer(secret)).status, 200);
  // Bearer requests need no same-origin headers, and the operator still may not design.
  const designAttempt = await asHandler(designsRoute.POST)(
    new Request('http://localhost/api/designs', { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'sec-fetch-site': 'cross-site' }, body: '{}' }),
  );
  assert.equal(designAttempt.status, 403);

  const listed = await call(tokensRoute.GET);
  const row = listed.body.tokens.find((t: { id: string }) => t.id === issued.body.token.id);
  assert.ok(row.lastUsedAt, 'last use recorded');
  assert.equal(row.username, 'sec-operator');
  assert.ok(!JSON.stringify(listed.body).includes(secret), 'lists never show the secret');

  assert.equal((await bearer(newApiToken())).status, 401);
  const malformed = await asHandler(designsRoute.GET)(new Request('http://localhost/api/designs', { headers: { authorization: 'Basic abc' } }));
  assert.equal(malformed.status, 401);

  const revoked = await call(tokenRoute.DELETE, { params: { id: issued.body.token.id } });
  assert.equal(revoked.status, 200);
  assert.ok(revoked.body.token.revokedAt);
  assert.equal((await bearer(secret)).status, 401);
  assert.equal((await call(tokenRoute.DELETE, { params: { id: 'missing' } })).status, 404);
});

test('fillPattern encodes parameters as one segment each', () => {
  assert.equal(fillPattern('/api/executions/[workflowId]/signals/[name]', { workflowId: 'a/b c', name: 'go' }), '/api/executions/a%2Fb%20c/signals/go');
});

test('security-relevant calls (deploys, execution control) are audited when they succeed, with who and where', async () => {
  const { listAudit } = await import('@/db/repository');
  const deployLike = handle(async (_request: Request) => json({ deployed: true }, 201));
  const refusedLike = handle(async (_request: Request) => json({ error: { message: 'no', code: 'x' } }, 422));
  const post = async (fn: (r: Request) => Promise<Response>, path: string, roles: Parameters<typeof testSessionCookie>[0]) =>
    fn(new Request(`http://localhost${path}`, { method: 'POST', headers: { cookie: await testSessionCookie(roles) } }));

  assert.equal((await post(deployLike, '/api/designs/d-audit/deployments', ['designer'])).status, 201);
  assert.equal((await post(refusedLike, '/api/designs/d-refused/deployments', ['designer'])).status, 422);
  assert.equal((await post(deployLike, '/api/designs/d-viewer/deployments', ['viewer'])).status, 403);
  assert.equal((await post(deployLike, '/api/executions/w-audit/terminate', ['operator'])).status, 201);

  const entries = await listAudit({ limit: 50 });
  const deploy = entries.find((e) => e.target === '/api/designs/d-audit/deployments');
  assert.equal(deploy?.action, 'design.deploy');
  assert.equal(deploy?.actorName, 'test-designer');
  assert.equal(entries.find((e) => e.target === '/api/executions/w-audit/terminate')?.action, 'execution.terminate');
  assert.ok(!entries.some((e) => e.target === '/api/designs/d-refused/deployments'), 'refused calls are not recorded as done');
  assert.ok(!entries.some((e) => e.target === '/api/designs/d-viewer/deployments'));
});

test("notifications: each account sees only what is addressed to its username or roles, and cannot mark another's", async () => {
  const { getDb } = await import('@/db/client');
  const { deliver } = await import('@/lib/notifications/store');
  const db = await getDb();
  await deliver(db, { recipients: [{ kind: 'role', name: 'approver' }], message: 'to approvers', workflowId: 'sec-wf', sourceKey: 'sec/1' });
  await deliver(db, { recipients: [{ kind: 'user', name: 'test-viewer' }], message: 'to the viewer', workflowId: null, sourceKey: 'sec/2' });

  const approverList = await call(notificationsRoute.GET, { as: 'approver' });
  assert.deepEqual(approverList.body.notifications.map((n: { message: string }) => n.message), ['to approvers']);
  const viewerList = await call(notificationsRoute.GET, { as: 'viewer' });
  assert.deepEqual(viewerList.body.notifications.map((n: { message: string }) => n.message), ['to the viewer']);
  assert.deepEqual((await call(notificationsRoute.GET, { as: 'operator' })).body, { notifications: [], unread: 0 });

  const viewersId: number = viewerList.body.notifications[0].id;
  const crafted = await call(markReadRoute.POST, { as: 'approver', body: { ids: [viewersId] } });
  assert.equal(crafted.status, 404, "another's notification does not exist for the caller");
  assert.equal((await call(notificationCountRoute.GET, { as: 'viewer' })).body.unread, 1, 'and it stays unread');
  assert.equal((await call(markReadRoute.POST, { as: 'approver', body: { ids: [viewersId], user: 'test-viewer' } })).status, 400, 'no naming someone else');
  assert.deepEqual((await call(markReadRoute.POST, { as: 'viewer', body: { all: true } })).body, { unread: 0 });
  assert.equal((await call(notificationCountRoute.GET, { as: 'approver' })).body.unread, 1, "the viewer's marks are not the approver's");
});
