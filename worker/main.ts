/**
 * The worker host: its own process. Runs one Temporal Worker per active deployment with its own
 * bundle (docs/versioning.md). A versioned deployment is a Worker Deployment Version of its design:
 * its worker polls the design's stable task queue with the deployment's build id, pinned or
 * auto-upgrade as the design says, and the server routes each task to the version it belongs to —
 * several versions of one design share the queue in one host. Polls the database every 0.2 s for
 * new deployments; a worker that stops or crashes is logged and started again on a later poll (with backoff).
 * Retirement: a versioned deployment's worker stops once Temporal reports its version drained and
 * neither current nor ramping (worker/version-retirement.ts). A legacy deployment (its own
 * `signalbox-<id>` queue, from before Worker Versioning) superseded by a newer one keeps its worker
 * while it has open executions (counted through visibility by task queue); once it has had none for
 * WORKER_RETIRE_GRACE_MS (default 60 s) it is retired and its worker stops.
 * Several hosts can run side by side (docs/operations.md): each polls every active task queue.
 *   node scripts/run-ts.mjs worker/main.ts   (tsx in the main thread only: workflow threads start faster)
 * GET http://127.0.0.1:$WORKER_HEALTH_PORT/healthz (default 3001) → { status: 'ok', workers: [...] } (liveness)
 * GET /readyz → 200 once connected and every active deployment has a running worker, else 503.
 */
import { createServer, type Server } from 'node:http';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { closeDb, getDb } from '@/db/client';
import { designVersioningBehavior, getDeployment, recordWorkerError, setDeploymentStatus, workerHostPoll, type ActiveDeployment } from '@/db/repository';
import type { WorkerStartError } from '@/db/schema';
import { temporalConnectionOptions, temporalSettings } from '@/lib/temporal-settings';
import { customActivitiesEnabled } from '@/lib/custom-activities-setting';
import { workerDeploymentName } from '@/lib/deploy/versioning-names';
import { createBuiltinActivities } from './activities';
import { runnerIdentity, runnerLimits } from './activity-runner/sandbox';
import { CustomActivityLoadError, loadCustomActivities, sweepCustomActivities } from './custom-activities';
import { describeRouting, retirableVersions } from './version-retirement';

// The poll is two small queries (the active deployments, no stored code; whether a deploy is under way). Idle,
// every 200 ms costs ~1.6 % of a core, every 50 ms ~8 % (bench/worker-poll-cost.ts). While a deploy is under
// way (a deploy intent, db/schema.ts) the host polls every 25 ms, so the new version's worker starts right
// after it is recorded rather than ~100 ms later on average (docs/benchmarks.md, "Deploy latency").
const POLL_MS = Number(process.env.WORKER_POLL_MS ?? 200);
const DEPLOY_POLL_MS = Math.min(POLL_MS, Number(process.env.WORKER_DEPLOY_POLL_MS ?? 25));
const HEALTH_PORT = Number(process.env.WORKER_HEALTH_PORT ?? 3001);
const RETIRE_GRACE_MS = Number(process.env.WORKER_RETIRE_GRACE_MS ?? 60_000);
const RETIRE_CHECK_MS = Number(process.env.WORKER_RETIRE_CHECK_MS ?? 10_000);
/** How often the folders of custom activities of deployments no longer active are removed. */
const SWEEP_CHECK_MS = 60_000;

interface Running {
  deploymentId: string;
  taskQueue: string;
  /** The Worker Deployment Version's build id; absent for a legacy deployment. */
  buildId?: string;
  workflowType: string;
  state: 'starting' | 'running' | 'stopped' | 'failed';
  startedAt: Date;
  error?: string;
  /** Consecutive failed starts, and when the next attempt may happen (backoff up to a minute). */
  failures: number;
  retryAt: number;
  worker?: Worker;
  done?: Promise<void>;
  /** Stops the deployment's custom activity runners (worker/activity-runner/). */
  closeActivities?: () => Promise<void>;
}

const running = new Map<string, Running>();
let connection: NativeConnection | null = null;
let stopping = false;
let pollTimer: NodeJS.Timeout | null = null;
let health: Server | null = null;
let client: Client | null = null;
let firstPollDone = false;
/** A deploy is under way somewhere: poll every DEPLOY_POLL_MS until it ends. */
let deployPending = false;
/** Superseded deployments: when they were last seen with open executions (or first seen superseded). */
const lastBusy = new Map<string, number>();
let lastRetireCheck = 0;
let retiring: Promise<void> | null = null;
let lastSweep = 0;

function log(message: string): void {
  console.log(`[worker] ${message}`);
}

async function startWorker(deploymentId: string, namespace: string): Promise<void> {
  const started = Date.now();
  const row = await getDeployment({ id: deploymentId });
  if (!row || row.status !== 'active') return;
  const previous = running.get(deploymentId);
  const entry: Running = {
    deploymentId,
    taskQueue: row.taskQueue,
    ...(row.buildId ? { buildId: row.buildId } : {}),
    workflowType: row.workflowType,
    state: 'starting',
    startedAt: new Date(),
    failures: previous?.failures ?? 0,
    retryAt: 0,
  };
  running.set(deploymentId, entry);
  const failed = (what: string, error: unknown) => {
    entry.state = 'failed';
    entry.error = error instanceof Error ? error.message : String(error);
    entry.failures += 1;
    const delay = Math.min(60_000, POLL_MS * 2 ** (entry.failures - 1));
    entry.retryAt = Date.now() + delay;
    console.error(`[worker] deployment ${deploymentId} ${what} on ${row.taskQueue}: ${entry.error} (retrying in ${Math.round(delay / 1000)} s)`);
  };
  let stage: WorkerStartError['stage'] = 'load-activities';
  try {
    // Run in sandboxed runner processes, never imported here; refused while switched off (SIGNALBOX_CUSTOM_ACTIVITIES).
    const custom = await loadCustomActivities(deploymentId, row.files);
    entry.closeActivities = custom.close;
    stage = 'create-worker';
    const behavior = row.versioning === 'versioned' ? await designVersioningBehavior({ designId: row.designId }) : null;
    const loadedMs = Date.now() - started;
    const worker = await Worker.create({
      connection: connection!,
      namespace,
      taskQueue: row.taskQueue,
      // A versioned deployment is one Worker Deployment Version of its design; a legacy one runs unversioned on its own queue.
      ...(row.versioning === 'versioned' && row.buildId
        ? {
            workerDeploymentOptions: {
              useWorkerVersioning: true,
              version: { deploymentName: workerDeploymentName(row.designId), buildId: row.buildId },
              defaultVersioningBehavior: behavior === 'auto-upgrade' ? 'AUTO_UPGRADE' : 'PINNED',
            },
          }
        : {}),
      workflowBundle: { code: row.bundle },
      // The design's custom activities beside the built-ins (their names never clash: validated).
      activities: { ...createBuiltinActivities({ db: await getDb() }), ...custom.activities },
    });
    entry.worker = worker;
    entry.state = 'running';
    entry.failures = 0;
    entry.done = worker
      .run()
      .then(
        () => {
          entry.state = 'stopped';
          if (!stopping) log(`deployment ${deploymentId} stopped on ${row.taskQueue}; restarting on the next poll`);
        },
        (error: unknown) => failed('crashed', error),
      )
      .finally(() => entry.closeActivities?.());
    const ms = `loaded in ${loadedMs} ms, Worker.create ${Date.now() - started - loadedMs} ms`;
    log(`deployment ${deploymentId} running on ${row.taskQueue}${row.buildId ? ` as build ${row.buildId} (${behavior ?? 'pinned'})` : ''}; ${ms}`);
  } catch (error) {
    await entry.closeActivities?.();
    failed('could not start', error);
    // The deploy waiting for this worker reads it and fails at once with the reason (lib/deploy/pipeline.ts).
    const activity = error instanceof CustomActivityLoadError ? { activity: error.activity } : {};
    await recordWorkerError({ id: deploymentId, error: { stage, message: entry.error!, ...activity, at: new Date().toISOString() } }).catch((recordError: unknown) =>
      console.error(`[worker] could not record the start failure of deployment ${deploymentId}: ${recordError instanceof Error ? recordError.message : String(recordError)}`),
    );
  }
}

/** The deployments of each design that a newer active one replaced (new executions no longer start on them). */
function superseded(deployments: ActiveDeployment[]): ActiveDeployment[] {
  const newest = new Map<string, ActiveDeployment>();
  for (const d of deployments) newest.set(d.designId, d); // ordered oldest first: the last one wins
  return deployments.filter((d) => newest.get(d.designId)!.id !== d.id);
}

/** Retires versioned deployments whose Worker Deployment Version Temporal reports drained and no longer routed to. */
async function retireDrained(deployments: ActiveDeployment[]): Promise<void> {
  const byDesign = new Map<string, ActiveDeployment[]>();
  for (const d of deployments) {
    if (d.versioning !== 'versioned') continue;
    byDesign.set(d.designId, [...(byDesign.get(d.designId) ?? []), d]);
  }
  for (const [designId, versioned] of byDesign) {
    const routing = await describeRouting(client!, designId);
    for (const d of retirableVersions(versioned, routing, { now: Date.now(), graceMs: RETIRE_GRACE_MS })) {
      // Another host may have retired it already: setting the status again is harmless.
      await setDeploymentStatus({ id: d.id, status: 'retired' });
      log(`deployment ${d.id} (v${d.version}, build ${d.buildId}) drained and neither current nor ramping: retired`);
    }
  }
}

/** Retires drained versions, and superseded legacy deployments that have had no open execution for the grace period. */
async function retireIdle(deployments: ActiveDeployment[]): Promise<void> {
  if (!client || Date.now() - lastRetireCheck < RETIRE_CHECK_MS) return;
  lastRetireCheck = Date.now();
  await retireDrained(deployments);
  const candidates = superseded(deployments).filter((d) => d.versioning === 'legacy');
  const ids = new Set(candidates.map((d) => d.id));
  for (const id of lastBusy.keys()) if (!ids.has(id)) lastBusy.delete(id);
  for (const d of candidates) {
    const query = `TaskQueue = '${d.taskQueue}' AND ExecutionStatus = 'Running'`;
    const open = (await client.workflow.count(query)).count;
    if (open > 0 || !lastBusy.has(d.id)) {
      lastBusy.set(d.id, Date.now());
      continue;
    }
    if (Date.now() - lastBusy.get(d.id)! < RETIRE_GRACE_MS) continue;
    // Another host may have retired it already: setting the status again is harmless.
    await setDeploymentStatus({ id: d.id, status: 'retired' });
    lastBusy.delete(d.id);
    log(`deployment ${d.id} (v${d.version}) superseded and without open executions for ${Math.round(RETIRE_GRACE_MS / 1000)} s: retired`);
  }
}

async function poll(namespace: string): Promise<void> {
  const { deployments, deployPending: pending } = await workerHostPoll();
  deployPending = pending;
  // In the background: new workers must not wait for the visibility counts of old deployments.
  if (!retiring) {
    retiring = retireIdle(deployments)
      .catch((error: unknown) => console.error(`[worker] retirement check failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        retiring = null;
      });
  }
  const active = new Set(deployments.map((d) => d.id));
  if (Date.now() - lastSweep >= SWEEP_CHECK_MS) {
    lastSweep = Date.now();
    void sweepCustomActivities(active).then(
      (removed) => removed.length > 0 && log(`removed the custom activities of ${removed.length} deployment(s) no longer active: ${removed.join(', ')}`),
      (error: unknown) => console.error(`[worker] removing old custom activities failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  for (const deployment of deployments) {
    const current = running.get(deployment.id);
    if (current && (current.state === 'running' || current.state === 'starting')) continue;
    if (current && current.retryAt > Date.now()) continue;
    if (current?.done) await current.done; // a stopped / crashed worker: make sure it is gone first
    if (stopping) return;
    await startWorker(deployment.id, namespace);
  }
  // Retired deployments: stop their workers (their executions can no longer make progress here).
  for (const [id, entry] of running) {
    if (active.has(id) || entry.state === 'starting') continue;
    if (entry.state !== 'running') {
      running.delete(id); // failed or stopped: nothing runs; forgetting it keeps /readyz from waiting for it
      continue;
    }
    log(`deployment ${id} retired: stopping its worker on ${entry.taskQueue}`);
    entry.worker?.shutdown();
    await entry.done;
    running.delete(id);
  }
  firstPollDone = true;
}

function schedule(namespace: string): void {
  if (stopping) return;
  pollTimer = setTimeout(() => {
    poll(namespace)
      .catch((error: unknown) => console.error(`[worker] poll failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => schedule(namespace));
  }, deployPending ? DEPLOY_POLL_MS : POLL_MS);
}

function serveHealth(): Promise<void> {
  health = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/healthz') {
      const workers = [...running.values()].map(({ deploymentId, taskQueue, buildId, workflowType, state, startedAt, error }) => ({
        deploymentId,
        taskQueue,
        ...(buildId ? { buildId } : {}),
        workflowType,
        state,
        startedAt,
        ...(error ? { error } : {}),
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', workers }));
      return;
    }
    if (req.method === 'GET' && req.url?.split('?')[0] === '/readyz') {
      const notRunning = [...running.values()].filter((e) => e.state !== 'running').map((e) => `${e.deploymentId}: ${e.state}${e.error ? ` (${e.error})` : ''}`);
      const ready = Boolean(connection) && firstPollDone && !stopping && notRunning.length === 0;
      res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: ready ? 'ready' : 'not-ready',
          ...(ready ? {} : { reasons: [...(connection ? [] : ['not connected to Temporal']), ...(firstPollDone ? [] : ['deployments not loaded yet']), ...(stopping ? ['shutting down'] : []), ...notRunning] }),
        }),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'not found', code: 'not-found' } }));
  });
  return new Promise((resolve, reject) => {
    health!.once('error', reject);
    health!.listen(HEALTH_PORT, process.env.WORKER_HEALTH_HOST || '127.0.0.1', () => resolve()); // another host's web app reads it (docs/operations.md)
  });
}

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down ${running.size} worker(s)`);
  if (pollTimer) clearTimeout(pollTimer);
  for (const entry of running.values()) {
    if (entry.state === 'running') entry.worker?.shutdown();
  }
  await Promise.allSettled([...running.values()].map((e) => e.done));
  await connection?.close().catch(() => {});
  await closeDb().catch(() => {});
  await new Promise<void>((resolve) => (health ? health.close(() => resolve()) : resolve()));
  log('stopped');
  process.exit(0);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const settings = temporalSettings();
  // Bad settings stop the host at once, named, rather than at the first deployment with custom activities.
  if (customActivitiesEnabled()) {
    const { memoryMb, maxCallMs, processes } = runnerLimits();
    const user = runnerIdentity()?.label ?? "the worker host's user";
    log(`custom activities run in sandboxed runner processes as ${user} (heap ${memoryMb} MB, at most ${maxCallMs} ms a call, ${processes} per deployment)`);
  } else log('custom activities are switched off (SIGNALBOX_CUSTOM_ACTIVITIES=off): they are not run');
  await serveHealth();
  log(`health on http://127.0.0.1:${HEALTH_PORT}/healthz`);
  connection = await NativeConnection.connect(temporalConnectionOptions(settings));
  client = new Client({ connection, namespace: settings.namespace });
  log(`connected to Temporal at ${settings.address}, namespace ${settings.namespace}`);
  await poll(settings.namespace);
  schedule(settings.namespace);
}

main().catch((error: unknown) => {
  console.error(`[worker] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
