/**
 * Custom activities end to end, as the app runs them: a design whose custom activity computes a
 * discount is deployed (validate → type-check with the user's file → compile to JS → bundle), the
 * worker host loads the compiled activity beside the built-ins on the deployment's task queue, and
 * an execution's result carries what the activity computed. A body that breaks its declared
 * signature is refused at the type-check stage, located in the user's source; one whose module
 * throws when imported passes the type-check, and the deploy fails at the start-worker stage at
 * once with the worker host's reason (not after the wait for a worker) and leaves nothing active.
 * Runs where integration tests run (TEMPORAL_ADDRESS set).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDesign, listDeployments } from '../db/repository';
import { goldenDesign } from '../codegen/testing/fixtures';
import { deployDesignVersion } from '../lib/deploy';
import { startExecution } from '../lib/executions';
import { getTemporalClient } from '../lib/temporal-client';
import { startTestStack, type TestStack } from '../lib/testing/stack';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'custom-activities' });
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
