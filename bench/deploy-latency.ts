/**
 * Deploy latency: from the Deploy click (POST /api/designs/{id}/deployments, the route's own code
 * path) to the new Worker Deployment Version polling the design's queue and made current — the
 * route answers only then — next to the raw cost of doing the same by hand: bundleWorkflowCode on
 * the same generated files plus a versioned Worker.create, run until the server lists the queue
 * under the version, and setWorkerDeploymentCurrentVersion.
 *   node scripts/run-ts.mjs bench/deploy-latency.ts [--runs 5] [--poll-ms 200] [--write]
 * (run-ts as the worker host is run, so the by-hand Worker.create starts its workflow thread the same way)
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NativeConnection, Worker } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { createDesign, saveVersion } from '@/db/repository';
import { deployDesignVersion, type DeployTimings } from '@/lib/deploy/pipeline';
import { buildsDir } from '@/lib/paths';
import { getTemporalClient } from '@/lib/temporal-client';
import { bundleWorkflows } from '@/worker/bundle';
import { http, log } from '@/worker/activities';
import { median, startBenchEnv, writeMonitorSection } from './monitor-env';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'poll-ms': { type: 'string', default: '200' }, write: { type: 'boolean', default: false } } });
const RUNS = Number(values.runs);
const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

/** Polls until the version lists the queue for workflow tasks, then makes it current (the same two calls the deploy makes). */
async function pollingAndCurrent(deploymentName: string, buildId: string, taskQueue: string): Promise<void> {
  const client = await getTemporalClient();
  for (;;) {
    const r = await client.workflowService.describeWorkerDeploymentVersion({ namespace: 'default', deploymentVersion: { deploymentName, buildId } }).catch(() => null);
    // The same check as the deploy's (lib/deploy/version-rollout.ts versionPolled): server 1.32 lists the queue in taskQueueInfos first.
    const queues = [...(r?.versionTaskQueues ?? []), ...(r?.workerDeploymentVersionInfo?.taskQueueInfos ?? [])];
    if (queues.some((q) => q.name === taskQueue && q.type === 1 /* TASK_QUEUE_TYPE_WORKFLOW */)) break;
    await new Promise((r2) => setTimeout(r2, 20));
  }
  // As the deploy does: the server's missing-task-queues check is redundant after the poll check above (and costs ~1.2 s).
  await client.workflowService.setWorkerDeploymentCurrentVersion({ namespace: 'default', deploymentName, buildId, identity: 'bench', ignoreMissingTaskQueues: true });
}

const loadBefore = (await import('node:os')).loadavg()[0]!.toFixed(1);
const env = await startBenchEnv({ workerPollMs: Number(values['poll-ms']) });
try {
  const { id } = await createDesign({ design: approval });
  const clicks: { total: number; timings: DeployTimings }[] = [];
  let cold = 0;
  let lastDir = '';
  for (let run = 0; run <= RUNS; run++) {
    const design = structuredClone(approval);
    design.nodes.find((n: { id: string }) => n.id === 'await-approval').label = `Await approval ${run}`;
    const { version } = (await saveVersion({ id, design }))!;
    const started = Date.now();
    const result = await deployDesignVersion({ designId: id, version });
    const total = Date.now() - started;
    if (!result.ok) throw new Error(`deploy failed: ${JSON.stringify(result.diagnostics)}`);
    lastDir = join(buildsDir(), result.deployment.id);
    if (run === 0) cold = total; // the first deploy also starts the warm verifier
    else clicks.push({ total, timings: result.timings });
    console.log(`deploy ${run}: ${total} ms ${JSON.stringify(result.timings)}`);
  }

  // By hand: bundle the same files, create a worker, run it until it polls. Its design calls no
  // notify, which alone needs the database.
  const connection = await NativeConnection.connect({ address: env.temporal.address });
  const raw: { bundle: number; create: number; polling: number; total: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = Date.now();
    const { code } = await bundleWorkflows({ workflowsPath: join(lastDir, 'workflows.ts') });
    const t1 = Date.now();
    const taskQueue = `bench-raw-${process.pid}`;
    const deploymentName = `bench-raw-${process.pid}`;
    const buildId = `run-${run}`;
    const worker = await Worker.create({
      connection,
      taskQueue,
      workflowBundle: { code },
      activities: { log, http },
      workerDeploymentOptions: { useWorkerVersioning: true, version: { deploymentName, buildId }, defaultVersioningBehavior: 'PINNED' },
    });
    const t2 = Date.now();
    const running = worker.run();
    await pollingAndCurrent(deploymentName, buildId, taskQueue);
    const t3 = Date.now();
    worker.shutdown();
    await running;
    raw.push({ bundle: t1 - t0, create: t2 - t1, polling: t3 - t2, total: t3 - t0 });
    console.log(`raw ${run}: ${JSON.stringify(raw.at(-1))}`);
  }
  await connection.close();

  const m = (f: (x: { total: number; timings: DeployTimings }) => number) => median(clicks.map(f));
  const table = `Deploy latency, median of ${RUNS} deploys of the approval example (a changed label each time, so every deploy compiles, type-checks and bundles anew), worker host polling the database every ${env.workerPollMs} ms; first deploy (starts the warm verifier): ${cold} ms. Measured ${new Date().toISOString().slice(0, 10)} on the shared 2-core machine, load average ${loadBefore} before, ${(await import('node:os')).loadavg()[0]!.toFixed(1)} after.

| Path | compile | type-check | bundle | replay check | version polling and current, after recording | **click → current and polling (total)** |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| Signalbox deploy (route code path) | ${m((x) => x.timings.compile)} | ${m((x) => x.timings.typecheck)} | ${m((x) => x.timings.bundle)} | ${m((x) => x.timings.replay)} | ${m((x) => x.timings.startWorker)} | **${m((x) => x.total)}** |
| By hand: bundleWorkflowCode + versioned Worker.create + run + set current | — | — | ${median(raw.map((r) => r.bundle))} | — | ${median(raw.map((r) => r.create + r.polling))} (create ${median(raw.map((r) => r.create))}) | **${median(raw.map((r) => r.total))}** |

Times in ms. Run: \`node scripts/run-ts.mjs bench/deploy-latency.ts --runs ${RUNS} --poll-ms ${env.workerPollMs} --write\`.`;
  console.log(table);
  if (values.write) await writeMonitorSection(`deploy-${env.workerPollMs}`, table);
} finally {
  await env.stop();
}
process.exit(0);
