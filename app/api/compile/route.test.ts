import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { testSessionCookie } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import { POST } from './route';

const approval: unknown = JSON.parse(readFileSync(new URL('../../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

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

async function post(body: unknown, roles: Parameters<typeof testSessionCookie>[0] = ['admin']): Promise<Response> {
  return POST(new Request('http://localhost/api/compile', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await testSessionCookie(roles) },
    body: JSON.stringify(body),
  }));
}

test('an editor sends the whole design once, then only its changes: the answer is the whole design compiled', async () => {
  const editor = `editor-${Date.now()}`;
  const design = approval as { nodes: Array<{ id: string; label: string }> };
  const first = await post({ editor, seq: 1, design });
  assert.equal(first.status, 200);
  assert.equal(((await first.json()) as { kept?: boolean }).kept, true, 'kept as the base of the next request');
  const edited = { ...design.nodes.find((n) => n.id === 'is-approved')!, label: 'Approved by the board?' };
  const changed = await post({ editor, seq: 2, base: 1, patch: { nodes: [edited] } });
  assert.equal(changed.status, 200);
  const whole = await post({ design: { ...design, nodes: design.nodes.map((n) => (n.id === edited.id ? edited : n)) } });
  const { kept, ...answer } = (await changed.json()) as { kept?: boolean };
  assert.equal(kept, true);
  assert.deepEqual(answer, await whole.json());
});

test('a change against a base the server does not have is 409 compile.base-unknown (the editor then sends it whole)', async () => {
  const response = await post({ editor: 'never-seen-editor', seq: 5, base: 4, patch: {} });
  assert.equal(response.status, 409);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'compile.base-unknown');
  assert.match(body.error.message, /send the whole design/);
});

test('a change naming a node neither side has is 400, naming the node', async () => {
  const editor = `editor-bad-${Date.now()}`;
  await post({ editor, seq: 1, design: approval });
  const response = await post({ editor, seq: 2, base: 1, patch: { nodeIds: ['start', 'ghost'] } });
  assert.equal(response.status, 400);
  assert.match(((await response.json()) as { error: { message: string } }).error.message, /"ghost"/);
});

test('another user cannot build on an editor they did not open', async () => {
  const editor = `editor-private-${Date.now()}`;
  await post({ editor, seq: 1, design: approval }, ['admin']);
  const response = await post({ editor, seq: 2, base: 1, patch: {} }, ['designer']);
  assert.equal(response.status, 409);
});

test('a design that does not parse is not kept as a base: the answer says so', async () => {
  const response = await post({ editor: `editor-broken-${Date.now()}`, seq: 1, design: { nodes: 'not a list' } });
  assert.equal(response.status, 200);
  const body = (await response.json()) as { ok: boolean; kept?: boolean };
  assert.equal(body.ok, false);
  assert.equal(body.kept, undefined);
});
