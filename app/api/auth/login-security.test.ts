/**
 * Finding 4 and 5 of issue 10 through the route handlers, as a browser or an attacker sends them:
 * the sign-in throttle cannot be used to lock others out nor dodged with made-up forwarding
 * headers; a password change ends the other sessions; weak passwords are refused; Secure cookies.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createUser } from '@/db/repository';
import { PEER_HEADER, peerHeaderValue } from '@/lib/auth/client-address';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { hashPassword } from '@/lib/auth/passwords';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as loginRoute from './login/route';
import * as meRoute from './me/route';
import * as passwordRoute from './password/route';
import * as setupRoute from './setup/route';

useInMemoryApp();
after(() => {
  delete process.env.SIGNALBOX_TRUSTED_PROXIES;
  delete process.env.SIGNALBOX_SECURE_COOKIES;
  delete process.env.SIGNALBOX_PUBLIC_URL;
});

type Handler = (request: Request) => Promise<Response>;

/** A request as it reaches the handler under `next start`: `peer` is the socket address (stamped as instrumentation.ts does). */
async function send(handler: unknown, path: string, { body, peer, cookie, headers = {}, method = 'POST' }: { body?: unknown; peer?: string; cookie?: string; headers?: Record<string, string>; method?: string }) {
  const all: Record<string, string> = { 'content-type': 'application/json', origin: 'http://localhost', 'sec-fetch-site': 'same-origin', host: 'localhost', ...headers };
  if (peer) all[PEER_HEADER] = peerHeaderValue(peer);
  if (cookie) all.cookie = cookie;
  const response = await (handler as Handler)(new Request(`http://localhost${path}`, { method, headers: all, body: method === 'GET' ? undefined : JSON.stringify(body ?? {}) }));
  const setCookie = response.headers.get('set-cookie') ?? '';
  const token = /signalbox_session=([^;]*)/.exec(setCookie)?.[1];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
  return { status: response.status, body: (await response.json()) as any, setCookie, cookie: token ? `${SESSION_COOKIE}=${token}` : undefined };
}

const login = (username: string, password: string, options: { peer?: string; headers?: Record<string, string> } = {}) =>
  send(loginRoute.POST, '/api/auth/login', { body: { username, password }, ...options });

async function account(username: string, password: string): Promise<void> {
  await createUser({ user: { username, displayName: username, passwordHash: await hashPassword(password), roles: ['viewer'] } });
}

test("an attacker's 50 failures from one address do not stop the victim's correct sign-in from another address", async () => {
  await account('victim', 'victim pass phrase 1');
  const statuses: number[] = [];
  for (let i = 0; i < 50; i++) statuses.push((await login('victim', `guess number ${i}`, { peer: '198.51.100.66' })).status);
  assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
  assert.ok(statuses.slice(5).every((s) => s === 429), 'the attacker is stopped after 5 guesses at this account');
  const refused = await login('victim', 'victim pass phrase 1', { peer: '198.51.100.66' });
  assert.equal(refused.status, 429, 'even the right password is not checked from the blocked address');
  assert.equal(refused.body.error.code, 'auth.too-many-attempts');

  const victim = await login('victim', 'victim pass phrase 1', { peer: '203.0.113.10' });
  assert.equal(victim.status, 200, JSON.stringify(victim.body));
  assert.equal((await login('other', 'whatever pw 1', { peer: '203.0.113.10' })).status, 401, 'the victim\'s address is not blocked for others either');
});

test('password spraying from one address: the address is refused after 30 failures over any usernames, a known address keeps its own account', async () => {
  await account('nat-user', 'nat user pass phrase');
  assert.equal((await login('nat-user', 'nat user pass phrase', { peer: '192.0.2.50' })).status, 200, 'signed in before: the address is known for nat-user');
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push((await login(`sprayed-${i}`, 'Summer2025!', { peer: '192.0.2.50' })).status);
  assert.deepEqual(statuses.slice(0, 30), Array(30).fill(401));
  assert.equal(statuses[30], 429, 'the 31st username from the same address');
  assert.equal((await login('nat-user', 'nat user pass phrase', { peer: '192.0.2.50' })).status, 200, 'a user known at that (shared) address still signs in');
});

test('a made-up X-Forwarded-For is ignored unless the peer is a trusted proxy', async () => {
  await account('spoofed', 'spoofed pass phrase');
  const spoofing = [];
  for (let i = 0; i < 6; i++) spoofing.push((await login('spoofed', `wrong ${i}`, { peer: '198.51.100.77', headers: { 'x-forwarded-for': `10.9.${i}.1`, 'x-real-ip': `10.9.${i}.1` } })).status);
  assert.deepEqual(spoofing, [401, 401, 401, 401, 401, 429], 'a new forwarded address per request does not dodge the limit');

  process.env.SIGNALBOX_TRUSTED_PROXIES = '127.0.0.1/32';
  try {
    const viaProxy = [];
    for (let i = 0; i < 6; i++) viaProxy.push((await login('spoofed', `again ${i}`, { peer: '127.0.0.1', headers: { 'x-forwarded-for': `1.1.1.1, 192.0.2.${i}` } })).status);
    assert.deepEqual(viaProxy, Array(6).fill(401), 'through the trusted proxy each client address counts on its own (the left entry is ignored)');
    const sameClient = [];
    for (let i = 0; i < 5; i++) sameClient.push((await login('spoofed', `third ${i}`, { peer: '127.0.0.1', headers: { 'x-forwarded-for': `${i}.${i}.${i}.${i}, 192.0.2.200` } })).status);
    assert.equal((await login('spoofed', 'third 5', { peer: '127.0.0.1', headers: { 'x-forwarded-for': '8.8.8.8, 192.0.2.200' } })).status, 429);
  } finally {
    delete process.env.SIGNALBOX_TRUSTED_PROXIES;
  }
});

let adaCookie = '';
test('weak passwords are refused with 400 naming the field', async () => {
  const weak = await send(setupRoute.POST, '/api/auth/setup', { body: { username: 'ada', password: 'password1' } });
  assert.equal(weak.status, 400, 'refused before the "already set up" check: bad input first');
  assert.equal(weak.body.error.field, 'password');
  assert.match(weak.body.error.message, /too easy to guess/);
  await account('ada', 'ada first pass phrase');
  adaCookie = (await login('ada', 'ada first pass phrase', { peer: '203.0.113.19' })).cookie!;

  for (const newPassword of ['qwertyuiop', '12345678', 'iloveyou1', 'ada-ada-ada']) {
    const changed = await send(passwordRoute.POST, '/api/auth/password', { cookie: adaCookie, body: { currentPassword: 'ada first pass phrase', newPassword } });
    assert.equal(changed.status, 400, newPassword);
    assert.equal(changed.body.error.field, 'newPassword', newPassword);
  }
});

test('changing one\'s own password ends the other sessions, not this one', async () => {
  const laptop = (await login('ada', 'ada first pass phrase', { peer: '203.0.113.20' })).cookie!;
  const phone = (await login('ada', 'ada first pass phrase', { peer: '203.0.113.21' })).cookie!;
  const changed = await send(passwordRoute.POST, '/api/auth/password', { cookie: laptop, body: { currentPassword: 'ada first pass phrase', newPassword: 'quiet lantern orbit 7' } });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal((await send(meRoute.GET, '/api/auth/me', { method: 'GET', cookie: phone })).status, 401, 'the other session ended');
  assert.equal((await send(meRoute.GET, '/api/auth/me', { method: 'GET', cookie: adaCookie })).status, 401);
  assert.equal((await send(meRoute.GET, '/api/auth/me', { method: 'GET', cookie: laptop })).status, 200, 'this browser stays signed in');
});

test('session cookies are Secure when configured for https', async () => {
  const plain = await login('ada', 'quiet lantern orbit 7', { peer: '203.0.113.30' });
  assert.doesNotMatch(plain.setCookie, /Secure/);
  process.env.SIGNALBOX_PUBLIC_URL = 'https://signalbox.example.com';
  try {
    assert.match((await login('ada', 'quiet lantern orbit 7', { peer: '203.0.113.30' })).setCookie, /; Secure/, 'SIGNALBOX_PUBLIC_URL is https');
  } finally {
    delete process.env.SIGNALBOX_PUBLIC_URL;
  }
  process.env.SIGNALBOX_SECURE_COOKIES = '1';
  try {
    assert.match((await login('ada', 'quiet lantern orbit 7', { peer: '203.0.113.30' })).setCookie, /; Secure/, 'SIGNALBOX_SECURE_COOKIES=1');
  } finally {
    delete process.env.SIGNALBOX_SECURE_COOKIES;
  }
});
