/**
 * Worker Versioning from outside (issue 12, docs/versioning.md): a design deployed three times
 * keeps one task queue; the `temporal` CLI starts executions on it between deploys with no
 * configuration change; each finishes on the Worker Deployment Version it started on (pinned);
 * `temporal worker deployment describe` lists the versions with the current one; a rollback
 * (setting an older version current) sends new CLI-started executions to it; a 50 % ramp splits
 * 200 new executions roughly half and half. Migration: an execution on a legacy per-deployment
 * queue finishes there after the design moved to its stable queue; then the legacy worker retires.
 * Needs TEMPORAL_ADDRESS and TEMPORAL_CLI (. /work/devsvc/env).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import * as deploymentsRoute from '@/app/api/deployments/route';
import * as designDeploymentsRoute from '@/app/api/designs/[id]/deployments/route';
import * as versionsRoute from '@/app/api/designs/[id]/versions/route';
import * as designsRoute from '@/app/api/designs/route';
import * as executionRoute from '@/app/api/executions/[workflowId]/route';
import * as executionsRoute from '@/app/api/executions/route';
import * as signalRoute from '@/app/api/executions/[workflowId]/signals/[name]/route';
import { createDeployment, getDeployment, setDesignVersioningBehavior } from '@/db/repository';
import { call } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import { getTemporalClient } from '../temporal-client';
import * as promoteRoute from '@/app/api/designs/[id]/versioning/promote/route';
import * as versioningRoute from '@/app/api/designs/[id]/versioning/route';
import { designTaskQueue, workerDeploymentName } from './versioning-names';

const skip = !process.env.TEMPORAL_ADDRESS ? 'TEMPORAL_ADDRESS is not set' : !process.env.TEMPORAL_CLI ? 'TEMPORAL_CLI is not set' : false;
const approval = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

let stack: TestStack | undefined;
before(async () => {
  if (!skip) stack = await startTestStack({ name: 'versioning', workerEnv: { WORKER_RETIRE_GRACE_MS: '2000', WORKER_RETIRE_CHECK_MS: '500' } });
});
after(() => stack?.stop());

const exec = promisify(execFile);
async function temporal(...args: string[]): Promise<string> {
  const { stdout } = await exec(process.env.TEMPORAL_CLI!, [...args, '--address', process.env.TEMPORAL_ADDRESS!, '--namespace', process.env.TEMPORAL_NAMESPACE ?? 'default'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

interface Described {
  status: string;
  buildId: string | null;
  behavior: string | null;
}

/** What `temporal workflow describe -o json` says of an execution's status and Worker Deployment Version. */
async function describe(workflowId: string): Promise<Described> {
  const json = JSON.parse(await temporal('workflow', 'describe', '--workflow-id', workflowId, '-o', 'json'));
  const info = json.workflowExecutionInfo ?? {};
  const versioning = info.versioningInfo ?? {};
  return {
    status: String(info.status ?? ''),
    buildId: versioning.deploymentVersion?.buildId ?? null,
    behavior: versioning.behavior ?? null,
  };
}

/** Starts the approval workflow from the CLI on the design's stable queue: the only address a caller knows. */
async function cliStart(designId: string, workflowType: string, workflowId: string): Promise<void> {
  await temporal('workflow', 'start', '--task-queue', designTaskQueue(designId), '--type', workflowType, '--workflow-id', workflowId, '--input', JSON.stringify({ requestId: workflowId }));
}

/** The build id the execution's first workflow task ran on (it waits for approval after). */
function ranOn(workflowId: string): Promise<string> {
  return eventually(`${workflowId} to run on a version`, async () => (await describe(workflowId)).buildId ?? undefined);
}

function approvalWithLogFirst() {
  const design = structuredClone(approval);
  design.nodes.push({ id: 'note', type: 'activity', label: 'Note', activity: 'log', args: { message: '"waiting"' }, position: { x: 200, y: 60 } });
  design.edges = design.edges.map((e: { id: string; source: string; target: string }) => (e.id === 'e-start' ? { ...e, target: 'note' } : e));
  design.edges.push({ id: 'e-note', source: 'note', target: 'await-approval' });
  return design;
}

interface Deployed {
  id: string;
  version: number;
  buildId: string;
  taskQueue: string;
  workflowType: string;
}

async function deploy(designId: string, body: Record<string, unknown> = {}): Promise<Deployed> {
  const deployed = await call(designDeploymentsRoute.POST, { body, params: { id: designId } });
  assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
  return deployed.body.deployment;
}

test('three deploys, one queue: pinned executions finish on their version, the CLI sees the deployment, rollback and a 50 % ramp route new executions', { skip, timeout: 480_000 }, async () => {
  const created = await call(designsRoute.POST, { body: { design: approval } });
  const designId: string = created.body.id;
  const queue = designTaskQueue(designId);
  const started: { workflowId: string; buildId: string }[] = [];

  // v1, then v2 (a step added: the replay check warns about v1's execution, deploy anyway), then v2 again as a third version
  const d1 = await deploy(designId);
  await cliStart(designId, d1.workflowType, `wv-${designId}-1`);
  started.push({ workflowId: `wv-${designId}-1`, buildId: await ranOn(`wv-${designId}-1`) });
  assert.equal((await call(versionsRoute.POST, { body: { design: approvalWithLogFirst() }, params: { id: designId } })).status, 201);
  const d2 = await deploy(designId, { force: true });
  await cliStart(designId, d2.workflowType, `wv-${designId}-2`);
  started.push({ workflowId: `wv-${designId}-2`, buildId: await ranOn(`wv-${designId}-2`) });
  const d3 = await deploy(designId, { force: true });
  await cliStart(designId, d3.workflowType, `wv-${designId}-3`);
  started.push({ workflowId: `wv-${designId}-3`, buildId: await ranOn(`wv-${designId}-3`) });

  for (const d of [d1, d2, d3]) assert.equal(d.taskQueue, queue, 'every version on the design’s one queue');
  assert.equal(new Set([d1.buildId, d2.buildId, d3.buildId]).size, 3);
  assert.deepEqual(
    started.map((s) => s.buildId),
    [d1.buildId, d2.buildId, d3.buildId],
    'each new execution went to the version current when it started',
  );

  // the CLI sees the Worker Deployment: three versions, the third current
  const deployment = JSON.parse(await temporal('worker', 'deployment', 'describe', '--name', workerDeploymentName(designId), '-o', 'json'));
  const text = JSON.stringify(deployment);
  for (const d of [d1, d2, d3]) assert.ok(text.includes(d.buildId), `${d.buildId} listed: ${text.slice(0, 2000)}`);
  assert.equal(deployment.name, workerDeploymentName(designId));
  const current = deployment.routingConfig?.currentVersionBuildID;
  assert.equal(current, d3.buildId, text.slice(0, 2000));

  // rollback in one click (the promote route the Versions panel calls): v1 current again — a CLI start with the same queue runs v1's code, no configuration change
  const rolledBack = await call(promoteRoute.POST, { params: { id: designId }, body: { deploymentId: d1.id } });
  assert.equal(rolledBack.status, 200, JSON.stringify(rolledBack.body));
  await cliStart(designId, d1.workflowType, `wv-${designId}-rolled-back`);
  assert.equal(await ranOn(`wv-${designId}-rolled-back`), d1.buildId);
  started.push({ workflowId: `wv-${designId}-rolled-back`, buildId: d1.buildId });
  // the API starts on the current version too (its answer names it), and a start naming a deployment is pinned to it
  const viaApi = await call(executionsRoute.POST, { body: { designId, workflowId: `wv-${designId}-api`, input: { requestId: 'api' } } });
  assert.equal(viaApi.status, 201, JSON.stringify(viaApi.body));
  assert.equal(viaApi.body.deploymentId, d1.id);
  assert.equal(await ranOn(`wv-${designId}-api`), d1.buildId);
  const named = await call(executionsRoute.POST, { body: { designId, deploymentId: d2.id, workflowId: `wv-${designId}-named`, input: { requestId: 'named' } } });
  assert.equal(named.status, 201, JSON.stringify(named.body));
  assert.equal(await ranOn(`wv-${designId}-named`), d2.buildId);
  started.push({ workflowId: `wv-${designId}-api`, buildId: d1.buildId }, { workflowId: `wv-${designId}-named`, buildId: d2.buildId });
  // forward again from outside, with Temporal's own CLI: Signalbox reads routing from Temporal and shows v3 current
  await temporal('worker', 'deployment', 'set-current-version', '--deployment-name', workerDeploymentName(designId), '--build-id', d3.buildId, '--yes');
  const routing = await call(versioningRoute.GET, { params: { id: designId } });
  assert.equal(routing.body.currentBuildId, d3.buildId, JSON.stringify(routing.body));

  // every execution started so far finishes on the version it started on (pinned)
  for (const { workflowId } of started) {
    await temporal('workflow', 'signal', '--workflow-id', workflowId, '--name', 'approve', '--input', JSON.stringify({ approverName: 'Al', approved: true }));
  }
  for (const { workflowId, buildId } of started) {
    const done = await eventually(`${workflowId} to complete`, async () => {
      const d = await describe(workflowId);
      return /COMPLETED/.test(d.status) ? d : undefined;
    });
    assert.equal(done.buildId, buildId, `${workflowId} finished on the version it started on`);
    assert.match(String(done.behavior), /PINNED/);
  }

  // a fourth version ramping at 50 %: 200 new executions split between it and the current one
  const d4 = await deploy(designId, { force: true, ramp: 50 });
  const client = await getTemporalClient();
  const ids = Array.from({ length: 200 }, (_, i) => `wv-${designId}-ramp-${i}`);
  for (let i = 0; i < ids.length; i += 25) {
    await Promise.all(ids.slice(i, i + 25).map((workflowId) => client.workflow.start(d4.workflowType, { taskQueue: queue, workflowId, args: [{ requestId: workflowId }] })));
  }
  const counts = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 25) {
    const builds = await Promise.all(
      ids.slice(i, i + 25).map((workflowId) =>
        eventually(`${workflowId} to run`, async () => {
          const raw = (await client.workflow.getHandle(workflowId).describe()).raw.workflowExecutionInfo?.versioningInfo;
          return raw?.deploymentVersion?.buildId || undefined;
        }),
      ),
    );
    for (const b of builds) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  // Started through the API during the ramp: the execution page names the version that really runs it (its build id), not the current one the start assumed.
  const apiIds = Array.from({ length: 16 }, (_, i) => `wv-${designId}-ramp-api-${i}`);
  for (const workflowId of apiIds) {
    const started = await call(executionsRoute.POST, { body: { designId, workflowId, input: { requestId: workflowId } } });
    assert.equal(started.status, 201, JSON.stringify(started.body));
  }
  const byBuild = new Map([d3, d4].map((d) => [d.buildId, d]));
  const apiVersions = new Set<string>();
  for (const workflowId of apiIds) {
    const buildId = await eventually(`${workflowId} to run`, async () => (await client.workflow.getHandle(workflowId).describe()).raw.workflowExecutionInfo?.versioningInfo?.deploymentVersion?.buildId || undefined);
    const detail = await call(executionRoute.GET, { params: { workflowId } });
    assert.equal(detail.body.deploymentId, byBuild.get(buildId)!.id, `${workflowId} runs on ${buildId}`);
    assert.equal(detail.body.designVersion, byBuild.get(buildId)!.version);
    apiVersions.add(buildId);
  }
  assert.equal(apiVersions.size, 2, 'API starts reached both the ramping and the current version');
  // The list's rows too: each names the version the server routed it to (visibility catches up).
  await eventually('the list to name each API start by its serving version', async () => {
    const listed = await call(executionsRoute.GET, { url: `/api/executions?designId=${designId}&workflowId=${encodeURIComponent(`wv-${designId}-ramp-api-`)}&pageSize=50` });
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    const rows: { workflowId: string; deploymentId: string; designVersion: number }[] = listed.body.executions;
    if (rows.length < apiIds.length) return undefined;
    for (const row of rows) {
      const buildId = (await client.workflow.getHandle(row.workflowId).describe()).raw.workflowExecutionInfo?.versioningInfo?.deploymentVersion?.buildId;
      if (row.deploymentId !== byBuild.get(buildId!)!.id) return undefined;
      assert.equal(row.designVersion, byBuild.get(buildId!)!.version);
    }
    return true;
  });
  await Promise.all([...ids, ...apiIds].map((workflowId) => client.workflow.getHandle(workflowId).terminate('test over').catch(() => {})));
  const onRamp = counts.get(d4.buildId) ?? 0;
  const onCurrent = counts.get(d3.buildId) ?? 0;
  assert.equal(onRamp + onCurrent, 200, JSON.stringify([...counts]));
  assert.ok(onRamp >= 60 && onRamp <= 140, `ramping version got ${onRamp} of 200`);
  assert.ok(onCurrent >= 60 && onCurrent <= 140, `current version got ${onCurrent} of 200`);
});

test('a ramp needs a current version, and a percentage in (0, 100)', { skip, timeout: 60_000 }, async () => {
  const created = await call(designsRoute.POST, { body: { design: approval } });
  const designId: string = created.body.id;
  const bad = await call(designDeploymentsRoute.POST, { body: { ramp: 100 }, params: { id: designId } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'ramp');
  const first = await call(designDeploymentsRoute.POST, { body: { ramp: 50 }, params: { id: designId } });
  assert.equal(first.status, 409, JSON.stringify(first.body));
  assert.equal(first.body.error.code, 'deploy.ramp-without-current');
});

test('migration: an execution on a legacy per-deployment queue finishes on its unversioned worker; the next deploy is versioned; then the legacy deployment retires', { skip, timeout: 240_000 }, async () => {
  const created = await call(designsRoute.POST, { body: { design: approval } });
  const designId: string = created.body.id;
  // A deployment as recorded before the upgrade: its own queue, no build id (the verified bundle of a real deploy).
  const verified = (await getDeployment({ id: (await deploy(designId)).id }))!;
  const legacy = await createDeployment({ designId, version: 1, workflowType: verified.workflowType, files: verified.files, bundle: verified.bundle });
  assert.deepEqual([legacy.versioning, legacy.taskQueue, legacy.buildId], ['legacy', `signalbox-${legacy.id}`, null]);
  await stack!.deploymentRunning(legacy.id);
  const workflowId = `wv-${designId}-legacy`;
  await temporal('workflow', 'start', '--task-queue', legacy.taskQueue, '--type', legacy.workflowType, '--workflow-id', workflowId, '--input', JSON.stringify({ requestId: workflowId }));
  await eventually('the legacy execution to wait', async () => {
    const d = await call(executionRoute.GET, { params: { workflowId } });
    return d.body.state?.currentStep === 'await-approval' ? d.body : undefined;
  });

  // the first deploy after the upgrade: a version on the design's stable queue; the legacy one keeps its worker while its execution runs
  const next = await deploy(designId);
  assert.equal(next.taskQueue, designTaskQueue(designId));
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const listed = async () => (await call(deploymentsRoute.GET, { url: `/api/deployments?designId=${designId}` })).body.deployments as { id: string; status: string }[];
  assert.equal((await listed()).find((d) => d.id === legacy.id)?.status, 'active');

  // the API finds the legacy execution's design from its queue: the signal goes through, it completes there, unversioned
  const signal = await call(signalRoute.POST, { body: { args: { approverName: 'Al', approved: true } }, params: { workflowId, name: 'approve' } });
  assert.equal(signal.status, 202, JSON.stringify(signal.body));
  const done = await eventually('the legacy execution to complete', async () => {
    const d = await describe(workflowId);
    return /COMPLETED/.test(d.status) ? d : undefined;
  });
  assert.equal(done.buildId, null, 'ran unversioned on its own queue');
  await stack!.worker.waitFor(new RegExp(`deployment ${legacy.id} \\(v1\\) superseded and without open executions`), 30_000);
  assert.equal((await listed()).find((d) => d.id === legacy.id)?.status, 'retired');
  assert.equal((await listed()).find((d) => d.id === next.id)?.status, 'active');
});

test('an auto-upgrade design: a deploy whose replay check fails is refused with 409 even when forced; a compatible one runs auto-upgrade', { skip, timeout: 240_000 }, async () => {
  const created = await call(designsRoute.POST, { body: { design: approval } });
  const designId: string = created.body.id;
  const d1 = await deploy(designId);
  const workflowId = `wv-${designId}-auto`;
  await cliStart(designId, d1.workflowType, workflowId);
  await ranOn(workflowId);
  assert.equal(await setDesignVersioningBehavior({ designId, behavior: 'auto-upgrade' }), true);

  assert.equal((await call(versionsRoute.POST, { body: { design: approvalWithLogFirst() }, params: { id: designId } })).status, 201);
  const refused = await call(designDeploymentsRoute.POST, { body: { force: true }, params: { id: designId } });
  assert.equal(refused.status, 409, JSON.stringify(refused.body));
  assert.equal(refused.body.error.code, 'deploy.auto-upgrade-replay');
  assert.match(refused.body.error.message, new RegExp(`would break 1 of .*${workflowId}`));
  const listed = (await call(deploymentsRoute.GET, { url: `/api/deployments?designId=${designId}` })).body.deployments;
  assert.equal(listed.length, 1, 'nothing recorded');

  assert.equal((await call(versionsRoute.POST, { body: { design: approval }, params: { id: designId } })).status, 201);
  const d2 = await deploy(designId);
  await stack!.worker.waitFor(new RegExp(`deployment ${d2.id} running on ${d2.taskQueue} as build ${d2.buildId} \\(auto-upgrade\\)`));
  await temporal('workflow', 'terminate', '--workflow-id', workflowId, '--reason', 'test over');
});
