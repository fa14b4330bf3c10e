/**
 * Resilience of the worker host and of executions, against a Temporal dev server this test runs
 * itself (with a persistent SQLite file, so it can restart it):
 * 1. SIGKILL the worker host while 20 executions wait — 10 on a signal, 10 on timers; signal the
 *    10 while no worker runs; restart the host: all 20 complete, each signalled one with its own
 *    signal's value (none lost).
 * 2. Two worker hosts run two Worker Deployment Versions of one design; SIGKILL one while pinned
 *    executions of both versions wait: all complete on the survivor, each on its own version.
 * 3. Stop and restart the Temporal server on the same file: waiting executions resume and complete.
 * Runs where integration tests run (TEMPORAL_ADDRESS set: a temporal CLI is available).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Client, Connection } from '@temporalio/client';
import { closeDb } from '@/db/client';
import { createDesign, saveVersion } from '@/db/repository';
import { deployDesignVersion } from '@/lib/deploy/pipeline';
import { startExecution } from '@/lib/executions/service';
import { closeTemporalClient } from '@/lib/temporal-client';
import { serveInMemoryDatabase } from '@/testing/database';
import { eventually } from '@/testing/eventually';
import { freePort, projectDir, startTs, type Child } from '@/testing/processes';
import { SIGNALBOX_SEARCH_ATTRIBUTES, startTemporalDevServer, type TemporalDevServer } from '@/scripts/lib/temporal-server';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

/** start → wait 4 s → end: an execution that only waits on a timer. */
const pause = {
  schemaVersion: 1,
  name: 'PauseWorkflow',
  input: [{ name: 'tag', type: 'string', required: true }],
  resultType: 'string',
  variables: [],
  nodes: [
    { id: 'start', type: 'start', label: 'Start', position: { x: 0, y: 0 } },
    { id: 'pause', type: 'timer', label: 'Pause', duration: { amount: 4, unit: 'seconds' }, position: { x: 0, y: 100 } },
    { id: 'done', type: 'end', label: 'Done', outcome: 'complete', result: '"paused " + input.tag', position: { x: 0, y: 200 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'pause' },
    { id: 'e2', source: 'pause', target: 'done' },
  ],
};

let temporal: TemporalDevServer | null = null;
let temporalPort = 0;
let dbServer: Child | null = null;
let worker: Child | null = null;
let databaseUrl = '';
let client: Client | null = null;
const dir = mkdtempSync(join(tmpdir(), 'signalbox-resilience-'));
const dataDir = `.data-test-resilience-${process.pid}`;

async function startTemporal(): Promise<TemporalDevServer> {
  return startTemporalDevServer({
    port: temporalPort,
    dbFile: join(dir, 'temporal.db'),
    searchAttributes: SIGNALBOX_SEARCH_ATTRIBUTES,
    name: 'temporal-resilience',
    quiet: true,
  });
}

function startWorkerHost(): Child {
  return startTs('worker/main.ts', { DATABASE_URL: databaseUrl, WORKER_HEALTH_PORT: '0', WORKER_POLL_MS: '300' }, 'worker');
}

before(async () => {
  if (skip) return;
  temporalPort = await freePort();
  temporal = await startTemporal();
  process.env.TEMPORAL_ADDRESS = temporal.address;
  process.env.SIGNALBOX_DATA_DIR = dataDir;
  const database = await serveInMemoryDatabase();
  dbServer = database.server;
  databaseUrl = database.url;
  process.env.DATABASE_URL = databaseUrl;
  worker = startWorkerHost();
  await worker.waitFor(/connected to Temporal/);
});

after(async () => {
  await client?.connection.close().catch(() => {});
  await closeTemporalClient();
  await closeDb();
  await worker?.stop();
  await dbServer?.stop();
  await temporal?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(projectDir, dataDir), { recursive: true, force: true });
});

async function appClient(): Promise<Client> {
  client ??= new Client({ connection: await Connection.connect({ address: temporal!.address }) });
  return client;
}

/** Queries and results fail while a worker or the server restarts: ask again until they answer. */
const acrossRestarts = { timeoutMs: 60_000, intervalMs: 250, retryErrors: true };

test('SIGKILL of the worker host: 20 waiting executions complete after its restart, no signal lost', { skip, timeout: 300_000 }, async () => {
  const approvalDesign = await createDesign({ design: approval });
  const pauseDesign = await createDesign({ design: pause });
  for (const id of [approvalDesign.id, pauseDesign.id]) {
    const deployed = await deployDesignVersion({ designId: id });
    assert.ok(deployed.ok, JSON.stringify(deployed));
  }
  const signalled: string[] = [];
  const timed: string[] = [];
  for (let i = 0; i < 10; i++) {
    signalled.push((await startExecution({ designId: approvalDesign.id, workflowId: `res-sig-${process.pid}-${i}`, input: { requestId: `R${i}` } })).workflowId);
    timed.push((await startExecution({ designId: pauseDesign.id, workflowId: `res-timer-${process.pid}-${i}`, input: { tag: `T${i}` } })).workflowId);
  }
  const temporalClient = await appClient();
  // Every signal-waiting execution has reached its wait (its workflow task ran on the worker).
  for (const id of signalled) {
    await eventually(`${id} to wait`, async () => {
      const state = await temporalClient.workflow.getHandle(id).query<{ currentStep: string }>('__signalbox_state');
      return state.currentStep === 'await-approval' ? true : undefined;
    }, acrossRestarts);
  }

  worker!.process.kill('SIGKILL');
  await new Promise((r) => worker!.process.once('exit', r));
  // With no worker: every signal is accepted by the server and waits in history.
  for (const [i, id] of signalled.entries()) {
    await temporalClient.workflow.getHandle(id).signal('approve', { approverName: `Approver ${i}`, approved: true, comment: '' });
  }
  await new Promise((r) => setTimeout(r, 4500)); // the timers fire while no worker runs

  worker = startWorkerHost();
  await worker.waitFor(/connected to Temporal/);
  for (const [i, id] of signalled.entries()) {
    assert.equal(await temporalClient.workflow.getHandle(id).result(), `Request approved by Approver ${i}`);
  }
  for (const [i, id] of timed.entries()) {
    assert.equal(await temporalClient.workflow.getHandle(id).result(), `paused T${i}`);
  }
});

/** The approval example with a log step before the wait: a second version whose code differs. */
function approvalWithLogFirst() {
  const design = structuredClone(approval);
  design.nodes.push({ id: 'note', type: 'activity', label: 'Note', activity: 'log', args: { message: '"waiting"' }, position: { x: 200, y: 60 } });
  design.edges = design.edges.map((e: { id: string; source: string; target: string }) => (e.id === 'e-start' ? { ...e, target: 'note' } : e));
  design.edges.push({ id: 'e-note', source: 'note', target: 'await-approval' });
  return design;
}

test('two worker hosts, two versions: SIGKILL one while executions of both versions wait, all complete on the survivor on their own version', { skip, timeout: 300_000 }, async () => {
  const { id: designId } = await createDesign({ design: approval });
  const first = await deployDesignVersion({ designId });
  assert.ok(first.ok, JSON.stringify(first));
  const temporalClient = await appClient();
  const waitingOn = async (workflowId: string) =>
    eventually(`${workflowId} to wait`, async () => {
      const description = await temporalClient.workflow.getHandle(workflowId).describe();
      const state = await temporalClient.workflow.getHandle(workflowId).query<{ currentStep: string }>('__signalbox_state');
      return state.currentStep === 'await-approval' ? description.raw.workflowExecutionInfo?.versioningInfo?.deploymentVersion?.buildId || undefined : undefined;
    }, acrossRestarts);
  const started: { workflowId: string; buildId: string }[] = [];
  for (let i = 0; i < 5; i++) {
    const { workflowId } = await startExecution({ designId, workflowId: `res-two-v1-${process.pid}-${i}`, input: { requestId: `A${i}` } });
    started.push({ workflowId, buildId: await waitingOn(workflowId) });
  }
  await saveVersion({ id: designId, design: approvalWithLogFirst() });
  const second = await deployDesignVersion({ designId, force: true });
  assert.ok(second.ok, JSON.stringify(second));
  for (let i = 0; i < 5; i++) {
    const { workflowId } = await startExecution({ designId, workflowId: `res-two-v2-${process.pid}-${i}`, input: { requestId: `B${i}` } });
    started.push({ workflowId, buildId: await waitingOn(workflowId) });
  }
  assert.deepEqual(
    started.map((s) => s.buildId),
    [...Array(5).fill(first.deployment.buildId), ...Array(5).fill(second.deployment.buildId)],
  );

  // a second host runs both versions too; then the first dies without a word
  const survivor = startWorkerHost();
  for (const d of [first.deployment, second.deployment]) await survivor.waitFor(new RegExp(`deployment ${d.id} running on ${d.taskQueue} as build ${d.buildId}`));
  worker!.process.kill('SIGKILL');
  await new Promise((r) => worker!.process.once('exit', r));
  worker = survivor;

  for (const [i, { workflowId }] of started.entries()) {
    await temporalClient.workflow.getHandle(workflowId).signal('approve', { approverName: `Approver ${i}`, approved: true, comment: '' });
  }
  for (const [i, { workflowId, buildId }] of started.entries()) {
    assert.equal(await temporalClient.workflow.getHandle(workflowId).result(), `Request approved by Approver ${i}`);
    const done = await temporalClient.workflow.getHandle(workflowId).describe();
    assert.equal(done.raw.workflowExecutionInfo?.versioningInfo?.deploymentVersion?.buildId, buildId, `${workflowId} completed on the version it started on`);
  }
});

test('restarting the Temporal server on its persistent file: executions resume', { skip, timeout: 300_000 }, async () => {
  const longer = structuredClone(pause);
  longer.name = 'PauseAcrossRestart';
  longer.nodes[1]!.duration = { amount: 8, unit: 'seconds' };
  const design = await createDesign({ design: longer });
  const deployed = await deployDesignVersion({ designId: design.id });
  assert.ok(deployed.ok, JSON.stringify(deployed));
  const started = await startExecution({ designId: design.id, workflowId: `res-restart-${process.pid}`, input: { tag: 'across a restart' } });
  await eventually('the execution to start its timer', async () => {
    const history = await (await appClient()).workflow.getHandle(started.workflowId).fetchHistory();
    return history.events?.some((e) => e.timerStartedEventAttributes) ? true : undefined;
  }, acrossRestarts);

  const before = await (await appClient()).workflow.getHandle(started.workflowId).describe();
  assert.equal(before.status.name, 'RUNNING', 'still waiting when the server stops');
  await client?.connection.close().catch(() => {});
  client = null;
  await closeTemporalClient();
  await temporal!.stop();
  temporal = await startTemporal();

  const result = await eventually('the execution to complete after the restart', async () =>
    (await appClient()).workflow.getHandle(started.workflowId).result(), acrossRestarts,
  );
  assert.equal(result, 'paused across a restart');
});
