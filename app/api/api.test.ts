/**
 * The REST API's route handlers on an in-memory PGlite database, with Temporal unreachable:
 * designs and versions, compile, input errors, and 503 when Temporal is down.
 * (The full flow with a real Temporal server and worker host is in api.int.test.ts.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { call } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as compileRoute from './compile/route';
import * as deploymentsRoute from './deployments/route';
import * as designDeploymentsRoute from './designs/[id]/deployments/route';
import * as designRoute from './designs/[id]/route';
import * as versionRoute from './designs/[id]/versions/[version]/route';
import * as versionsRoute from './designs/[id]/versions/route';
import * as designsRoute from './designs/route';
import * as executionRoute from './executions/[workflowId]/route';
import * as executionsRoute from './executions/route';

const approval = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

useInMemoryApp();

test('the home listing carries the latest version\'s tags and description, and refuses a bad tag naming it', async () => {
  const created = await call(designsRoute.POST, { body: { design: { ...approval, tags: ['finance', 'hr'], description: 'Old words' } } });
  const { id } = created.body;
  await call(versionsRoute.POST, { body: { design: { ...approval, tags: ['finance'], description: 'Asks one approver' } }, params: { id } });
  const mine = (await call(designsRoute.GET)).body.designs.find((d: { id: string }) => d.id === id);
  assert.deepEqual({ tags: mine.tags, description: mine.description }, { tags: ['finance'], description: 'Asks one approver' });
  const bad = await call(versionsRoute.POST, { body: { design: { ...approval, tags: ['x'.repeat(41)] } }, params: { id } });
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /tags\.0.*at most 40 characters|at most 40 characters.*tags/);
});

test('every route is dynamic and runs on Node.js', () => {
  for (const route of [compileRoute, deploymentsRoute, designDeploymentsRoute, designRoute, versionRoute, versionsRoute, designsRoute, executionRoute, executionsRoute]) {
    assert.equal(route.dynamic, 'force-dynamic');
    assert.equal(route.runtime, 'nodejs');
  }
});

test('designs: create, list, get, save versions, get a version', async () => {
  const created = await call(designsRoute.POST, { body: { design: approval } });
  assert.equal(created.status, 201);
  assert.equal(created.body.version, 1);
  const id: string = created.body.id;

  const saved = await call(versionsRoute.POST, { body: { design: { ...approval, name: 'Approval2' } }, params: { id } });
  assert.deepEqual(saved, { status: 201, body: { version: 2 } });

  const listed = await call(designsRoute.GET);
  assert.equal(listed.status, 200);
  const mine = listed.body.designs.find((d: { id: string }) => d.id === id);
  assert.equal(mine.name, 'Approval2');
  assert.equal(mine.latestVersion, 2);
  assert.ok(mine.updatedAt);

  assert.equal(mine.owner.displayName, 'Test admin', 'the creator owns the design');
  assert.deepEqual(mine.tags, []);
  assert.equal(mine.deployedVersion, null);

  const detail = await call(designRoute.GET, { params: { id } });
  assert.equal(detail.status, 200);
  assert.equal(detail.body.latestVersion, 2);
  assert.equal(detail.body.design.name, 'Approval2');
  assert.deepEqual(detail.body.versions.map((v: { version: number }) => v.version), [2, 1]);

  const v1 = await call(versionRoute.GET, { params: { id, version: '1' } });
  assert.equal(v1.status, 200);
  assert.deepEqual(v1.body, { version: 1, design: approval });

  assert.equal((await call(versionRoute.GET, { params: { id, version: '7' } })).status, 404);
  assert.equal((await call(versionRoute.GET, { params: { id, version: 'x' } })).status, 400);
  assert.equal((await call(designRoute.GET, { params: { id: 'missing' } })).status, 404);
  assert.equal((await call(versionsRoute.POST, { body: { design: approval }, params: { id: 'missing' } })).body.error.code, 'design.not-found');
});

test('saving a schema-invalid design is 400 with the issue paths; work in progress that fails validation saves', async () => {
  const bad = await call(designsRoute.POST, { body: { design: { ...approval, resultType: 'money', nodes: [{ id: 'a', type: 'wait' }] } } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, 'design.invalid');
  assert.match(bad.body.error.message, /resultType/);
  const paths = bad.body.error.issues.map((i: { path: string }) => i.path);
  assert.ok(paths.includes('resultType'), JSON.stringify(paths));
  assert.ok(paths.some((p: string) => p.startsWith('nodes.0')), JSON.stringify(paths));

  const missing = await call(designsRoute.POST, { body: {} });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.error.field, 'design');

  const wip = structuredClone(approval);
  wip.nodes[1].condition = 'undeclared';
  assert.equal((await call(designsRoute.POST, { body: { design: wip } })).status, 201);
});

test('malformed and oversized bodies are 400 / 413 with a clear message', async () => {
  const malformed = await call(designsRoute.POST, { rawBody: '{"design": ' });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.body.error.code, 'body.malformed-json');
  assert.match(malformed.body.error.message, /not valid JSON/);

  const huge = await call(designsRoute.POST, { rawBody: JSON.stringify({ design: 'x'.repeat(1024 * 1024 + 10) }) });
  assert.equal(huge.status, 413);
  assert.match(huge.body.error.message, /larger than 1024 KB/);
});

test('compile: files for a valid design, diagnostics for an invalid or schema-invalid one', async () => {
  const ok = await call(compileRoute.POST, { body: { design: approval } });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.ok, true);
  assert.deepEqual(ok.body.files.map((f: { path: string }) => f.path).sort(), ['activities.ts', 'payload-checks.ts', 'shared.ts', 'step-tracking.ts', 'workflows.ts']);

  const wip = structuredClone(approval);
  wip.nodes[1].condition = 'undeclared';
  const invalid = await call(compileRoute.POST, { body: { design: wip } });
  assert.equal(invalid.body.ok, false);
  assert.ok(invalid.body.diagnostics.some((d: { nodeId?: string }) => d.nodeId === 'await-approval'));

  const garbage = await call(compileRoute.POST, { body: { design: { nodes: 3 } } });
  assert.equal(garbage.status, 200);
  assert.equal(garbage.body.ok, false);
  assert.ok(garbage.body.diagnostics.length > 0);
});

test('deploying a design that fails validation is 422 with the diagnostics and records nothing', async () => {
  const wip = structuredClone(approval);
  wip.nodes[1].condition = 'undeclared';
  const { body } = await call(designsRoute.POST, { body: { design: wip } });
  const refused = await call(designDeploymentsRoute.POST, { body: {}, params: { id: body.id } });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.stage, 'validate');
  assert.equal(refused.body.error.nodeId, 'await-approval');
  assert.ok(refused.body.diagnostics.length > 0);
  assert.deepEqual((await call(deploymentsRoute.GET, { url: `/api/deployments?designId=${body.id}` })).body, { deployments: [] });
  assert.equal((await call(designDeploymentsRoute.POST, { body: {}, params: { id: 'missing' } })).status, 404);
  assert.equal((await call(designDeploymentsRoute.POST, { body: { version: 5 }, params: { id: body.id } })).status, 404);
});

test('executions: start needs a deployment (422), bad bodies are 400, Temporal down is 503', async () => {
  const { body } = await call(designsRoute.POST, { body: { design: approval } });
  const notDeployed = await call(executionsRoute.POST, { body: { designId: body.id, input: { requestId: 'r' } } });
  assert.equal(notDeployed.status, 422);
  assert.equal(notDeployed.body.error.code, 'design.not-deployed');

  const badBody = await call(executionsRoute.POST, { body: { input: {} } });
  assert.equal(badBody.status, 400);
  assert.equal(badBody.body.error.field, 'designId');

  const listed = (await call(executionsRoute.GET, { url: `/api/executions?designId=${body.id}` })).body;
  assert.deepEqual([listed.executions, listed.nextPageToken], [[], null], 'a design never deployed lists no executions, without asking Temporal');

  const down = await call(executionRoute.GET, { params: { workflowId: 'whatever' } });
  assert.equal(down.status, 503);
  assert.equal(down.body.error.code, 'temporal.unavailable');
});
