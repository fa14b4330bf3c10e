import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { testSessionCookie } from '../../../lib/api/testing';
import { useInMemoryApp } from '../../../lib/testing/in-memory-app';
import { POST } from './route';

const approval: unknown = JSON.parse(readFileSync(new URL('../../../examples/approval.json', import.meta.url), 'utf8'));

useInMemoryApp();

async function compileRequest(signal?: AbortSignal): Promise<Request> {
  return new Request('http://localhost/api/compile', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await testSessionCookie(['admin']) },
    body: JSON.stringify({ design: approval }),
    signal,
  });
}

test('compile answers with the generated files', async () => {
  const response = await POST(await compileRequest());
  assert.equal(response.status, 200);
  const body = (await response.json()) as { ok: boolean; files: Array<{ path: string }> };
  assert.ok(body.ok);
  assert.ok(body.files.some((f) => f.path === 'workflows.ts'));
});

test('a request the client already aborted is not compiled', async () => {
  const controller = new AbortController();
  const request = await compileRequest(controller.signal);
  controller.abort();
  const response = await POST(request);
  assert.equal(response.status, 499);
  assert.equal(await response.text(), '');
});

test('the answer says where the server spent its time: reading, compiling, answering, and auth/handler from handle()', async () => {
  const response = await POST(await compileRequest());
  const timing = response.headers.get('server-timing') ?? '';
  for (const metric of ['read', 'compile', 'answer', 'auth', 'handler']) assert.match(timing, new RegExp(`\\b${metric};dur=\\d+\\.\\d\\b`), timing);
});
