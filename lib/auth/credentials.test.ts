/** Password hashing (argon2id), session/API token secrets and the same-origin check. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCookie, sessionCookie } from './cookies';
import { crossSiteProblem } from './csrf';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';
import { API_TOKEN_PREFIX, hashSecret, newApiToken, newSessionToken, tokenPrefix } from './secrets';

test('passwords: argon2id hashes that verify only the right password; malformed hashes are just wrong', async () => {
  const hash = await hashPassword('correct horse battery');
  assert.match(hash, /^\$argon2id\$/);
  assert.notEqual(await hashPassword('correct horse battery'), hash, 'salted: two hashes differ');
  assert.equal(await verifyPassword(hash, 'correct horse battery'), true);
  assert.equal(await verifyPassword(hash, 'correct horse batterY'), false);
  assert.equal(await verifyPassword('not-a-hash', 'x'), false);
  assert.equal(await verifyPassword(null, 'x'), false);
});

test('password rules', () => {
  assert.match(passwordProblem('short') ?? '', /at least 8/);
  assert.match(passwordProblem('x'.repeat(201)) ?? '', /at most 200/);
  assert.match(passwordProblem('         ') ?? '', /only spaces/);
  assert.equal(passwordProblem('long enough'), null);
});

test('secrets: 256 random bits, stored as SHA-256, tokens recognisable by prefix', () => {
  const a = newSessionToken();
  const b = newSessionToken();
  assert.notEqual(a, b);
  assert.equal(Buffer.from(a, 'base64url').length, 32);
  assert.match(hashSecret(a), /^[0-9a-f]{64}$/);
  assert.equal(hashSecret(a), hashSecret(a));
  assert.notEqual(hashSecret(a), hashSecret(b));
  const token = newApiToken();
  assert.ok(token.startsWith(API_TOKEN_PREFIX));
  assert.equal(tokenPrefix(token).length, API_TOKEN_PREFIX.length + 6);
  assert.ok(!hashSecret(token).includes(token.slice(4, 12)));
});

test('session cookie: HttpOnly, SameSite=Lax, Secure only over https', () => {
  const expires = new Date('2030-01-01T00:00:00Z');
  const plain = sessionCookie('tok', expires, false);
  assert.match(plain, /HttpOnly/);
  assert.match(plain, /SameSite=Lax/);
  assert.match(plain, /Path=\//);
  assert.doesNotMatch(plain, /Secure/);
  assert.match(sessionCookie('tok', expires, true), /; Secure/);
  assert.equal(readCookie('a=1; signalbox_session=tok; b=2', 'signalbox_session'), 'tok');
  assert.equal(readCookie('a=1', 'signalbox_session'), undefined);
});

test('same-origin check: safe methods pass; cross-site and foreign origins are refused; non-browser clients pass', () => {
  const req = (method: string, headers: Record<string, string>) => new Request('http://app.local/api/designs', { method, headers });
  assert.equal(crossSiteProblem(req('GET', { 'sec-fetch-site': 'cross-site' })), null);
  assert.match(crossSiteProblem(req('POST', { 'sec-fetch-site': 'cross-site' })) ?? '', /cross-site/);
  assert.match(crossSiteProblem(req('DELETE', { 'sec-fetch-site': 'same-site' })) ?? '', /same-site/);
  assert.match(crossSiteProblem(req('POST', { origin: 'http://evil.example', host: 'app.local' })) ?? '', /another origin/);
  assert.match(crossSiteProblem(req('POST', { origin: 'null', host: 'app.local' })) ?? '', /malformed|another origin/);
  assert.equal(crossSiteProblem(req('POST', { origin: 'http://app.local', host: 'app.local', 'sec-fetch-site': 'same-origin' })), null);
  assert.equal(crossSiteProblem(req('POST', {})), null, 'curl and scripts send neither header');
});
