/**
 * handle()'s answers beyond authorisation (covered by app/api/security.test.ts): a request the
 * client abandoned is answered 499 without an "unexpected error" in the log, and every answer
 * says where the server's time went (Server-Timing).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useInMemoryApp } from '../testing/in-memory-app';
import { CLIENT_CLOSED_REQUEST, handle, json } from './errors';
import { testSessionCookie } from './testing';

useInMemoryApp();

async function compileRequest(init: RequestInit = {}): Promise<Request> {
  const headers = { cookie: await testSessionCookie(['designer']), 'content-type': 'application/json' };
  return new Request('http://localhost/api/compile', { method: 'POST', headers, body: '{}', ...init });
}

/** Runs `fn` with console.error captured; returns what it logged. */
async function capturingErrors(fn: () => Promise<void>): Promise<unknown[][]> {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args);
  try {
    await fn();
  } finally {
    console.error = original;
  }
  return logged;
}

test('a body the browser stopped sending (ECONNRESET "aborted") is answered 499 and not logged as unexpected', async () => {
  const route = handle(async (_request: Request) => {
    throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
  });
  let status = 0;
  const logged = await capturingErrors(async () => {
    status = (await route(await compileRequest())).status;
  });
  assert.equal(status, CLIENT_CLOSED_REQUEST);
  assert.deepEqual(logged, []);
});

test('a request whose signal was aborted is answered 499 whatever the handler threw', async () => {
  const controller = new AbortController();
  const request = await compileRequest({ signal: controller.signal });
  const route = handle(async (_request: Request) => {
    controller.abort();
    throw new Error('the stream was cut');
  });
  const logged = await capturingErrors(async () => assert.equal((await route(request)).status, CLIENT_CLOSED_REQUEST));
  assert.deepEqual(logged, []);
});

test('other unexpected errors are still logged and answered 500', async () => {
  const route = handle(async (_request: Request) => {
    throw new Error('a real bug');
  });
  let status = 0;
  const logged = await capturingErrors(async () => {
    status = (await route(await compileRequest())).status;
  });
  assert.equal(status, 500);
  assert.equal(logged.length, 1);
  assert.match(String(logged[0]![1]), /a real bug/);
});

test('answers carry Server-Timing with the authentication and handler durations, errors included', async () => {
  const ok = await handle(async (_request: Request) => json({ fine: true }))(await compileRequest());
  assert.match(ok.headers.get('server-timing') ?? '', /^auth;dur=\d+(\.\d)?, handler;dur=\d+(\.\d)?$/);
  const refused = await handle(async (_request: Request) => json({}))(new Request('http://localhost/api/compile', { method: 'POST' }));
  assert.equal(refused.status, 401);
  assert.match(refused.headers.get('server-timing') ?? '', /auth;dur=\d+(\.\d)?, handler;dur=0\.0$/, 'a refusal is all authorisation');
});
