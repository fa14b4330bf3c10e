/** GET /api/designs/[id]/export: the project as a zip, latest or ?version=N; 422/404/400 with clear errors. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { call, testSessionCookie } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as versionsRoute from '../versions/route';
import * as designsRoute from '../../route';
import * as exportRoute from './route';

const approval = JSON.parse(readFileSync(new URL('../../../../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

useInMemoryApp();

/** Calls the route as a signed-in reader and returns the raw response (a zip is not JSON). */
async function download(id: string, query = ''): Promise<Response> {
  const request = new Request(`http://localhost/api/designs/${encodeURIComponent(id)}/export${query}`, {
    headers: { cookie: await testSessionCookie(['viewer']) },
  });
  return exportRoute.GET(request, { params: Promise.resolve({ id }) });
}

async function createApproval(): Promise<string> {
  const created = await call(designsRoute.POST, { body: { design: approval } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id;
}

test('the latest version downloads as a zip holding one project folder', async () => {
  const id = await createApproval();
  const response = await download(id);
  assert.equal(response.status, 200, await response.clone().text());
  assert.equal(response.headers.get('content-type'), 'application/zip');
  assert.equal(response.headers.get('content-disposition'), 'attachment; filename="approval-workflow-v1.zip"');
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  assert.deepEqual(Object.keys(files).sort(), [
    'approval-workflow/.gitignore',
    'approval-workflow/README.md',
    'approval-workflow/package-lock.json',
    'approval-workflow/package.json',
    'approval-workflow/src/activities.ts',
    'approval-workflow/src/client.ts',
    'approval-workflow/src/path-explorer.ts',
    'approval-workflow/src/payload-checks.ts',
    'approval-workflow/src/shared.ts',
    'approval-workflow/src/step-tracking.ts',
    'approval-workflow/src/worker.ts',
    'approval-workflow/src/workflow.test.ts',
    'approval-workflow/src/workflows.ts',
    'approval-workflow/tsconfig.json',
  ]);
  const manifest = JSON.parse(strFromU8(files['approval-workflow/package.json']!));
  assert.equal(manifest.dependencies['@temporalio/workflow'], '1.24.0');
  assert.match(strFromU8(files['approval-workflow/src/client.ts']!), /export async function signalApprove\(/);
});

test('?version=N exports that version; a later version is the default', async () => {
  const id = await createApproval();
  const saved = await call(versionsRoute.POST, { body: { design: { ...approval, name: 'PurchaseApproval' } }, params: { id } });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  assert.match(String((await download(id)).headers.get('content-disposition')), /purchase-approval-v2\.zip/);
  const first = await download(id, '?version=1');
  assert.match(String(first.headers.get('content-disposition')), /approval-workflow-v1\.zip/);
  assert.ok(Object.keys(unzipSync(new Uint8Array(await first.arrayBuffer()))).every((path) => path.startsWith('approval-workflow/')));
});

test('a version with problems is 422 with the diagnostics, naming the node', async () => {
  const id = await createApproval();
  const broken = { ...approval, edges: approval.edges.filter((e: { source: string }) => e.source !== 'await-approval') };
  assert.equal((await call(versionsRoute.POST, { body: { design: broken }, params: { id } })).status, 201);
  const response = await download(id);
  assert.equal(response.status, 422);
  const body = await response.json();
  assert.equal(body.error.code, 'export.invalid-design');
  assert.equal(body.error.nodeId, 'await-approval');
  assert.match(body.error.message, /^Version 2 has \d+ problems? to fix before it can be exported: /);
  assert.ok(body.diagnostics.some((d: { nodeId?: string }) => d.nodeId === 'await-approval'));
});

test('missing designs and versions are 404; a malformed version is 400', async () => {
  assert.equal((await (await download('missing')).json()).error.code, 'design.not-found');
  const id = await createApproval();
  const missing = await download(id, '?version=9');
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).error.code, 'version.not-found');
  const malformed = await download(id, '?version=latest');
  assert.equal(malformed.status, 400);
  assert.equal((await malformed.json()).error.field, 'version');
});

test("the exported README tells callers the design's stable task queue in Signalbox (issue 12)", async () => {
  const id = await createApproval();
  const files = unzipSync(new Uint8Array(await (await download(id)).arrayBuffer()));
  const readme = strFromU8(files[Object.keys(files).find((path) => path.endsWith('/README.md'))!]!);
  assert.match(readme, new RegExp(`task queue \\*\\*\`signalbox-design-${id}\`\\*\\*, the same across deploys`));
  assert.match(readme, new RegExp(`TEMPORAL_TASK_QUEUE=signalbox-design-${id}`));
});
