/**
 * The versioning API from outside (route handlers through HTTP, in-memory database, Temporal
 * unreachable): bad input answered 400 naming the field before anything happens, roles, missing
 * and legacy deployments, the auto-upgrade gate on the latest deploy's replay check, the audit.
 * Routing against a real Temporal server: versioning.int.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createDeployment, createDesign, listAudit, listDeployments } from '@/db/repository';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { deployments, type StoredReplayCheck } from '@/db/schema';
import { call } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as behaviourRoute from './behaviour/route';
import * as promoteRoute from './promote/route';
import * as rampRoute from './ramp/route';
import * as versioningRoute from './route';
import * as designRoute from '../route';

const approval = JSON.parse(readFileSync(new URL('../../../../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

useInMemoryApp();

async function designWithDeployments(): Promise<{ id: string; legacyId: string; versionedId: string }> {
  const { id } = await createDesign({ design: approval });
  const common = { designId: id, version: 1, workflowType: 'Approval', files: [], bundle: '' };
  const legacy = await createDeployment(common);
  const versioned = await createDeployment({ ...common, placement: (d) => ({ taskQueue: `signalbox-design-${id}`, buildId: `v1-${d}` }) });
  return { id, legacyId: legacy.id, versionedId: versioned.id };
}

test('bad bodies are refused with 400 naming the field, before anything happens', async () => {
  const { id, versionedId } = await designWithDeployments();
  type DesignRoute = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
  const cases: [DesignRoute, unknown, string][] = [
    [promoteRoute.POST, {}, 'deploymentId'],
    [promoteRoute.POST, { deploymentId: 7 }, 'deploymentId'],
    [rampRoute.POST, { deploymentId: versionedId, percentage: 0 }, 'percentage'],
    [rampRoute.POST, { deploymentId: versionedId, percentage: 100 }, 'percentage'],
    [rampRoute.POST, { deploymentId: versionedId, percentage: 12.5 }, 'percentage'],
    [rampRoute.POST, { deploymentId: versionedId, percentage: '50' }, 'percentage'],
    [rampRoute.POST, { percentage: 50 }, 'deploymentId'],
    [behaviourRoute.PUT, { behavior: 'sometimes' }, 'behavior'],
  ];
  for (const [handler, body, field] of cases) {
    const answer = await call(handler, { params: { id }, body });
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(answer.body.error.field, field, JSON.stringify(answer.body));
  }
  assert.equal((await listAudit()).filter((a) => a.action.startsWith('versioning.')).length, 0, 'nothing audited');
  assert.ok((await listDeployments({ designId: id })).every((d) => d.status === 'active'), 'nothing changed');
});

test('only designers and admins change routing; viewers read it', async () => {
  const { id, versionedId } = await designWithDeployments();
  assert.equal((await call(promoteRoute.POST, { params: { id }, body: { deploymentId: versionedId }, as: 'viewer' })).status, 403);
  assert.equal((await call(rampRoute.DELETE, { params: { id }, as: 'operator' })).status, 403);
  assert.equal((await call(behaviourRoute.PUT, { params: { id }, body: { behavior: 'pinned' }, as: 'viewer' })).status, 403);
  const read = await call(versioningRoute.GET, { params: { id }, as: 'viewer' });
  assert.equal(read.status, 200);
  assert.equal(read.body.taskQueue, `signalbox-design-${id}`);
  assert.equal(read.body.deploymentName, `signalbox-${id}`);
  assert.equal(read.body.behavior, 'pinned');
  // Temporal is unreachable here: the statuses come from the database alone, and the answer says so.
  assert.ok(read.body.temporalError);
  assert.deepEqual(read.body.deployments.map((d: { status: string }) => d.status).sort(), ['inactive', 'legacy']);
});

test('a missing design or deployment is 404; a legacy deployment cannot be routed to (409 naming the redeploy)', async () => {
  const { id, legacyId } = await designWithDeployments();
  assert.equal((await call(versioningRoute.GET, { params: { id: 'missing' } })).status, 404);
  const missing = await call(promoteRoute.POST, { params: { id }, body: { deploymentId: 'nope' } });
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'deployment.not-found');
  const other = await designWithDeployments();
  assert.equal((await call(promoteRoute.POST, { params: { id }, body: { deploymentId: other.versionedId } })).status, 404, "another design's deployment");
  const legacy = await call(rampRoute.POST, { params: { id }, body: { deploymentId: legacyId, percentage: 10 } });
  assert.equal(legacy.status, 409);
  assert.equal(legacy.body.error.code, 'versioning.legacy-deployment');
  assert.match(legacy.body.error.message, new RegExp(`/api/deployments/${legacyId}/rollback`));
});

test('auto-upgrade only after the latest deploy passed its replay check, as recorded with the deployment (409 naming why); pinned always; audited', async () => {
  const { id, versionedId } = await designWithDeployments();
  const recordReplay = async (replay: StoredReplayCheck | null) => (await getDb()).update(deployments).set({ replay }).where(eq(deployments.id, versionedId));

  const unknown = await call(behaviourRoute.PUT, { params: { id }, body: { behavior: 'auto-upgrade' } });
  assert.equal(unknown.status, 409);
  assert.equal(unknown.body.error.code, 'versioning.auto-upgrade-refused');
  assert.equal(unknown.body.error.field, 'behavior');
  assert.match(unknown.body.error.message, /no replay check is on record/);

  await recordReplay({ checked: 3, incompatible: [{ workflowId: 'wf-7', runId: 'r', message: 'nondeterminism' }] });
  const failed = await call(behaviourRoute.PUT, { params: { id }, body: { behavior: 'auto-upgrade' } });
  assert.equal(failed.status, 409);
  assert.match(failed.body.error.message, /would break 1 of 3 .*wf-7/);
  assert.equal((await call(versioningRoute.GET, { params: { id } })).body.behavior, 'pinned', 'unchanged');

  await recordReplay({ checked: 0, incompatible: [], skipped: 'Temporal was unreachable' });
  const skipped = await call(behaviourRoute.PUT, { params: { id }, body: { behavior: 'auto-upgrade' } });
  assert.equal(skipped.status, 409);
  assert.match(skipped.body.error.message, /could not run \(Temporal was unreachable\)/);

  await recordReplay({ checked: 3, incompatible: [] });
  const passed = await call(behaviourRoute.PUT, { params: { id }, body: { behavior: 'auto-upgrade' } });
  assert.equal(passed.status, 200);
  assert.equal(passed.body.versioning.behavior, 'auto-upgrade');
  const pinned = await call(behaviourRoute.PUT, { params: { id }, body: { behavior: 'pinned' } });
  assert.equal(pinned.body.versioning.behavior, 'pinned');

  const audited = (await listAudit()).filter((a) => a.action === 'versioning.behaviour' && a.target === `/api/designs/${id}/versioning/behaviour`);
  assert.equal(audited.length, 2, 'the two changes, not the refusals');
});

test("the design's answer names its stable task queue, the one callers use across deploys", async () => {
  const { id } = await designWithDeployments();
  const detail = await call(designRoute.GET, { params: { id }, as: 'viewer' });
  assert.equal(detail.status, 200);
  assert.equal(detail.body.taskQueue, `signalbox-design-${id}`);
});
