/**
 * handle()'s answers beyond authorisation (covered by app/api/security.test.ts): a request the
 * client abandoned is answered 499 without an "unexpected error" in the log, every answer
 * says where the server's time went (Server-Timing), a body that is not JSON is 415, and text
 * PostgreSQL cannot store (NUL, lone surrogates) is 400 naming the field wherever it comes from.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useInMemoryApp } from '@/testing/in-memory-app';
import { z } from 'zod';
import { json } from './errors';
import { CLIENT_CLOSED_REQUEST, handle } from './handle';
import { readBody } from './request';
import { testSessionCookie } from '@/testing/api';

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

/** A handler that records that it ran (the checks below must refuse before it does). */
function spyRoute(): { route: (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>; ran: () => boolean } {
  let ran = false;
  const route = handle(async (request: Request, _context?: { params: Promise<Record<string, string>> }) => {
    ran = true;
    return json(await readBody(request, z.object({}).passthrough()));
  });
  return { route, ran: () => ran };
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; field?: string; message: string } }).error;

test('a body that is not JSON is refused with 415 before the handler runs; JSON (with a charset) and no body are fine', async () => {
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
    const spy = spyRoute();
    // As a server receives it: with its length (a body of unknown type counts only then).
    const headers: Record<string, string> = { cookie: await testSessionCookie(['designer']), 'content-length': '7' };
    if (type) headers['content-type'] = type;
    const response = await spy.route(new Request('http://localhost/api/compile', { method: 'POST', headers, body: '{"a":1}' }));
    assert.equal(response.status, 415, String(type));
    assert.equal((await errorOf(response)).code, 'body.unsupported-type');
    assert.equal(spy.ran(), false);
  }
  const cookie = await testSessionCookie(['designer']);
  const charset = await spyRoute().route(await compileRequest({ headers: { cookie, 'content-type': 'Application/JSON; charset=utf-8' }, body: '{"a":1}' }));
  assert.equal(charset.status, 200);
  const bare = await spyRoute().route(new Request('http://localhost/api/compile', { method: 'POST', headers: { cookie, 'content-length': '0' } }));
  assert.equal(bare.status, 200, 'a bare POST (logout, cancel) needs no Content-Type');
  const curl = await spyRoute().route(new Request('http://localhost/api/compile', { method: 'POST', headers: { cookie } }));
  assert.equal(curl.status, 200, 'neither a length nor chunked: no body');
});

test('NUL and lone surrogates anywhere in the JSON body, keys included, are 400 naming the path', async () => {
  const cases: [string, string][] = [
    ['{"fields":{"purpose":"a\\u0000b"}}', 'fields.purpose'],
    ['{"items":[{"name":"ok"},{"name":"\\ud800"}]}', 'items.1.name'],
    ['{"fields":{"pur\\u0000pose":"x"}}', 'fields.pur\\u0000pose'],
    ['{"comment":"tail \\udc00"}', 'comment'],
    ['"\\u0000"', '(root)'],
  ];
  for (const [body, field] of cases) {
    const spy = spyRoute();
    const response = await spy.route(await compileRequest({ body }));
    const error = await errorOf(response);
    assert.equal(response.status, 400, body);
    assert.deepEqual([error.code, error.field], ['input.invalid-text', field], body);
    assert.equal(spy.ran(), true, 'the handler runs, and refuses when it reads the body — before any side effect');
  }
  const paired = await spyRoute().route(await compileRequest({ body: '{"emoji":"\\ud83d\\ude00","bidi":"\\u202e"}' }));
  assert.equal(paired.status, 200, 'a surrogate pair and a bidi control in free text are fine');
});

test('route and query parameters: NUL, lone surrogates and over-long values are 400 naming the parameter, before the handler', async () => {
  const cookie = await testSessionCookie(['designer']);
  const get = (query: string) => new Request(`http://localhost/api/designs${query}`, { headers: { cookie } });
  for (const [query, field] of [['?q=a%00b', 'q'], [`?target=${'x'.repeat(10_001)}`, 'target']] as const) {
    const spy = spyRoute();
    const response = await spy.route(get(query));
    assert.equal(response.status, 400, query.slice(0, 20));
    assert.equal((await errorOf(response)).field, field);
    assert.equal(spy.ran(), false);
  }
  for (const [id, code] of [['a\u0000b', 'input.invalid-text'], ['a%00b', 'input.invalid-text'], ['\ud800', 'input.invalid-text'], ['x'.repeat(1001), 'input.too-long']] as const) {
    const spy = spyRoute();
    const response = await spy.route(get(''), { params: Promise.resolve({ id }) });
    assert.equal(response.status, 400, id.slice(0, 20));
    const error = await errorOf(response);
    assert.deepEqual([error.code, error.field], [code, 'id']);
    assert.equal(spy.ran(), false);
  }
});
