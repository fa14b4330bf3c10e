/**
 * Custom activities end to end, as the app runs them: a design whose custom activity computes a
 * discount is deployed (validate → type-check with the user's file → compile to JS → bundle), the
 * worker host loads the compiled activity beside the built-ins on the deployment's task queue, and
 * an execution's result carries what the activity computed. A body that breaks its declared
 * signature is refused at the type-check stage, located in the user's source; one whose module
 * throws when imported passes the type-check, and the deploy fails at the start-worker stage at
 * once with the worker host's reason (not after the wait for a worker) and leaves nothing active.
 * The sandbox from outside: an attacker's activity deployed over HTTP finds no credentials, no
 * packages, no files and no processes; a runaway activity is killed and fails its execution while
 * the worker host keeps serving others; with SIGNALBOX_CUSTOM_ACTIVITIES=off, deploys and rollbacks
 * of designs with custom activities are refused (422) naming the activity.
 * Runs where integration tests run (TEMPORAL_ADDRESS set).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import * as rollbackRoute from '@/app/api/deployments/[id]/rollback/route';
import * as designDeploymentsRoute from '@/app/api/designs/[id]/deployments/route';
import * as designsRoute from '@/app/api/designs/route';
import * as executionsRoute from '@/app/api/executions/route';
import type { Design } from '@/codegen/design';
import { createDesign, listDeployments } from '@/db/repository';
import { goldenDesign } from '@/codegen/testing/fixtures';
import { call } from '@/testing/api';
import { deployDesignVersion } from '@/lib/deploy/pipeline';
import { startExecution } from '@/lib/executions/service';
import { getTemporalClient } from '@/lib/temporal-client';
import { startTestStack, type TestStack } from '@/testing/stack';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;

before(async () => {
  // A lower hard limit and heap than the defaults, so the runaway cases end in seconds.
  if (!skip) stack = await startTestStack({ name: 'custom-activities', workerEnv: { SIGNALBOX_CUSTOM_ACTIVITY_MAX_MS: '5000', SIGNALBOX_CUSTOM_ACTIVITY_MEMORY_MB: '128' } });
});

after(() => stack?.stop());

test("a deployed custom activity runs in the worker host and its result reaches the workflow", { skip, timeout: 180_000 }, async () => {
  const design = goldenDesign('custom-activity');
  const created = await createDesign({ design });
  const deployed = await deployDesignVersion({ designId: created.id });
  assert.ok(deployed.ok, JSON.stringify(deployed));
  const started = await startExecution({ designId: created.id, workflowId: `quote-${process.pid}`, input: { orderId: 'Q-1', total: '250.00', loyaltyYears: 3 } });
  const client = await getTemporalClient();
  // 3 years: 6 % of 250.00 is 15.00 (computed by the user's code in the worker host).
  assert.equal(await client.workflow.getHandle(started.workflowId).result(), '235.00');
  const history = await client.workflow.getHandle(started.workflowId).fetchHistory();
  const scheduled = history.events?.flatMap((e) => (e.activityTaskScheduledEventAttributes?.activityType?.name ? [e.activityTaskScheduledEventAttributes.activityType.name] : []));
  assert.deepEqual(scheduled, ['computeDiscount', 'archiveQuote']);
});

test('a body that breaks its declared signature is refused at the type-check, located in its source', { skip, timeout: 180_000 }, async () => {
  const design = goldenDesign('custom-activity');
  const activity = design.activities!.find((a) => a.name === 'computeDiscount')!;
  activity.source = activity.source.replace('.toFixed(2)', '');
  const created = await createDesign({ design });
  const refused = await deployDesignVersion({ designId: created.id });
  assert.ok(!refused.ok);
  assert.equal(refused.stage, 'typecheck');
  const finding = refused.diagnostics.find((d) => d.activity === 'computeDiscount');
  assert.ok(finding, JSON.stringify(refused.diagnostics));
  assert.match(finding.message, /line 4, column \d+: Type 'number' is not assignable to type 'string'/);
});

test('an activity whose module throws when imported fails the deploy at start-worker at once, with its error, and is withdrawn', { skip, timeout: 180_000 }, async () => {
  const design = goldenDesign('custom-activity');
  const activity = design.activities!.find((a) => a.name === 'computeDiscount')!;
  // Type-checks, but throws as soon as the worker host imports the module.
  activity.source = `((): void => {\n  throw new Error('discount table is missing');\n})();\n${activity.source}`;
  const created = await createDesign({ design });
  const stages: string[] = [];
  const refused = await deployDesignVersion({ designId: created.id, onProgress: (p) => stages.push(`${p.stage}:${p.state}`) });
  assert.ok(!refused.ok, JSON.stringify(refused));
  assert.equal(refused.stage, 'start-worker', JSON.stringify(refused.diagnostics));
  assert.ok(stages.includes('typecheck:done') && stages.includes('start-worker:failed'), stages.join(' '));
  // The worker host's reason, not the generic timeout after SIGNALBOX_WORKER_WAIT_MS (30 s by default).
  assert.ok(refused.timings.startWorker! < 15_000, `start-worker took ${refused.timings.startWorker} ms`);
  const [finding] = refused.diagnostics;
  assert.equal(finding?.code, 'deploy.worker-failed', JSON.stringify(refused.diagnostics));
  assert.equal(finding.activity, 'computeDiscount');
  assert.match(finding.message, /custom activity "computeDiscount" threw while loading: discount table is missing/);
  // Nothing half-deployed: the deployment is retired, so no worker host keeps trying to start it.
  const deployments = await listDeployments({ designId: created.id });
  assert.deepEqual(deployments.map((d) => d.status), ['retired']);
  assert.equal(deployments[0]!.workerError?.activity, 'computeDiscount');
});

/** A design whose one custom activity `name(kind)` returns a string that becomes the execution's result. */
function oneActivityDesign(workflow: string, name: string, source: string): Design {
  return {
    schemaVersion: 1,
    name: workflow,
    input: [{ name: 'kind', type: 'string' }],
    resultType: 'string',
    variables: [{ name: 'answer', type: 'string', initial: '""' }],
    activities: [{ name, parameters: [{ name: 'kind', type: 'string' }], result: { type: 'string' }, source }],
    nodes: [
      { id: 'start', type: 'start', label: 'Start', position: { x: 0, y: 0 } },
      { id: 'run', type: 'activity', label: 'Run', activity: name, args: { kind: 'input.kind' }, resultVariable: 'answer', position: { x: 0, y: 100 } },
      { id: 'end', type: 'end', label: 'Done', outcome: 'complete', result: 'answer', position: { x: 0, y: 200 } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'run' },
      { id: 'e2', source: 'run', target: 'end' },
    ],
  } as Design;
}

/** Creates and deploys a design over HTTP (as an admin); its id and deployment. */
async function deployOverHttp(design: Design): Promise<{ designId: string; deploymentId: string }> {
  const created = await call(designsRoute.POST, { body: { design } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const deployed = await call(designDeploymentsRoute.POST, { body: {}, params: { id: created.body.id } });
  assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
  return { designId: created.body.id, deploymentId: deployed.body.deployment.id };
}

async function runOverHttp(designId: string, workflowId: string, kind: string): Promise<unknown> {
  const started = await call(executionsRoute.POST, { body: { designId, workflowId, input: { kind } } });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  return (await getTemporalClient()).workflow.getHandle(workflowId).result();
}

// What the probe found (`refused: <code>` or `read: <start>`), as the execution's result.
const SNOOP = `import { readFileSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';

export async function snoop({ kind }: { kind: string }): Promise<string> {
  const attempt = async (what: () => unknown): Promise<string> => {
    try {
      return \`read: \${String(await what()).slice(0, 40)}\`;
    } catch (error) {
      return \`refused: \${(error as { code?: string }).code ?? String(error)}\`;
    }
  };
  const importPg = new Function('return import("pg")') as () => Promise<{ default: unknown }>;
  return JSON.stringify({
    kind,
    databaseUrl: process.env.DATABASE_URL ?? null,
    environment: Object.keys(process.env).filter((name) => !['LANG', 'LC_ALL', 'TZ', 'NODE_EXTRA_CA_CERTS'].includes(name)),
    pg: await attempt(async () => typeof (await importPg()).default),
    passwd: await attempt(() => readFileSync('/etc/passwd', 'utf8')),
    dataDir: await attempt(() => readdirSync(\`\${process.cwd()}/../..\`).join(',')),
    project: await attempt(() => readFileSync(\`\${process.cwd()}/../../../package.json\`, 'utf8')),
    spawn: await attempt(() => execSync('id').toString()),
    root: process.getuid?.() === 0,
  });
}
`;

test("an attacker's custom activity finds no credentials, packages, files or processes; an honest one still runs", { skip, timeout: 240_000 }, async () => {
  const attacker = await deployOverHttp(oneActivityDesign('SnoopWorkflow', 'snoop', SNOOP));
  await stack!.deploymentRunning(attacker.deploymentId);
  const report = JSON.parse((await runOverHttp(attacker.designId, `snoop-${process.pid}`, 'probe')) as string) as Record<string, unknown>;
  assert.equal(report.kind, 'probe', 'the activity ran');
  assert.equal(report.databaseUrl, null);
  assert.deepEqual(report.environment, []);
  for (const probe of ['pg', 'passwd', 'dataDir', 'project', 'spawn']) assert.equal(report[probe], 'refused: ERR_ACCESS_DENIED', probe);
  if (process.getuid?.() === 0) assert.equal(report.root, false, 'the worker host runs as root: activity code does not');

  const honest = await deployOverHttp(goldenDesign('custom-activity'));
  const started = await call(executionsRoute.POST, { body: { designId: honest.designId, workflowId: `honest-${process.pid}`, input: { orderId: 'Q-2', total: '100.00', loyaltyYears: 1 } } });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  assert.equal(await (await getTemporalClient()).workflow.getHandle(`honest-${process.pid}`).result(), '98.00');
});

const RUNAWAY = `export async function runaway({ kind }: { kind: string }): Promise<string> {
  const kept: unknown[] = [];
  while (kind === 'loop' || kind === 'memory') {
    if (kind === 'memory') kept.push(new Array(1_000_000).fill(kept.length));
  }
  return \`finished \${kind}\`;
}
`;

/** The failure an execution ended with: the activity's ApplicationFailure. */
async function activityFailure(result: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await result.then(
    () => assert.fail('the execution completed'),
    (failed: unknown) => failed,
  );
  assert.ok(error instanceof WorkflowFailedError && error.cause instanceof ActivityFailure, String(error));
  assert.ok(error.cause.cause instanceof ApplicationFailure, String(error.cause.cause));
  return error.cause.cause;
}

test('a runaway custom activity is killed and fails its execution; the worker host keeps serving others', { skip, timeout: 240_000 }, async () => {
  const { designId, deploymentId } = await deployOverHttp(oneActivityDesign('RunawayWorkflow', 'runaway', RUNAWAY));
  await stack!.deploymentRunning(deploymentId);
  const started = Date.now();
  const loop = runOverHttp(designId, `loop-${process.pid}`, 'loop');
  // While it spins, another execution of the same deployment completes (another runner process).
  assert.equal(await runOverHttp(designId, `quick-${process.pid}`, 'quick'), 'finished quick');
  const looped = await activityFailure(loop);
  assert.equal(looped.type, 'CustomActivityTimeLimit');
  assert.match(looped.message, /custom activity "runaway" ran longer than its hard limit of 5000 ms and was stopped/);
  assert.ok(Date.now() - started < 60_000, `ended after ${Date.now() - started} ms`);

  const hog = await activityFailure(runOverHttp(designId, `memory-${process.pid}`, 'memory'));
  assert.equal(hog.type, 'CustomActivityMemoryLimit', hog.message);

  assert.equal(await runOverHttp(designId, `after-${process.pid}`, 'after'), 'finished after');
  const health = (await (await fetch(stack!.healthUrl)).json()) as { workers: { deploymentId: string; state: string }[] };
  assert.equal(health.workers.find((w) => w.deploymentId === deploymentId)?.state, 'running');
});

test('with SIGNALBOX_CUSTOM_ACTIVITIES=off, deploys and rollbacks of designs with custom activities are refused, naming the activity', { skip, timeout: 240_000 }, async () => {
  const { deploymentId } = await deployOverHttp(oneActivityDesign('BeforeOffWorkflow', 'beforeOff', RUNAWAY.replaceAll('runaway', 'beforeOff')));
  process.env.SIGNALBOX_CUSTOM_ACTIVITIES = 'off';
  try {
    const created = await call(designsRoute.POST, { body: { design: goldenDesign('custom-activity') } });
    assert.equal(created.status, 201);
    const refused = await call(designDeploymentsRoute.POST, { body: {}, params: { id: created.body.id } });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.match(refused.body.error.message, /Custom activity "computeDiscount" cannot run: custom activities are switched off on this installation \(SIGNALBOX_CUSTOM_ACTIVITIES=off\)/);
    assert.equal(refused.body.diagnostics[0].activity, 'computeDiscount');
    assert.deepEqual(await listDeployments({ designId: created.body.id }), [], 'nothing deployed');
    const rollback = await call(rollbackRoute.POST, { body: {}, params: { id: deploymentId } });
    assert.equal(rollback.status, 422, JSON.stringify(rollback.body));
    assert.equal(rollback.body.diagnostics[0].activity, 'beforeOff');
  } finally {
    delete process.env.SIGNALBOX_CUSTOM_ACTIVITIES;
  }
});
