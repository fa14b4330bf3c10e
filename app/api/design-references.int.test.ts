/**
 * A design that names another design runs as drawn, through the REST API against a real Temporal
 * server and worker host: the orchestrator of chapter 6.4.3 names its worker design by name (no
 * task queue typed anywhere); deploying it before the worker is refused, naming the worker; once
 * both are deployed it starts, signals and awaits its workers on the worker design's queue.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { call } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as designDeploymentsRoute from './designs/[id]/deployments/route';
import * as designsRoute from './designs/route';
import * as executionRoute from './executions/[workflowId]/route';
import * as executionsRoute from './executions/route';

const golden = (name: string) => JSON.parse(readFileSync(new URL(`../../codegen/__golden__/${name}/design.json`, import.meta.url), 'utf8'));
const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';

let stack: TestStack | undefined;

before(async () => {
  if (skip) return;
  stack = await startTestStack({ name: 'design-references' });
});

after(() => stack?.stop());

async function deploy(designId: string) {
  return call(designDeploymentsRoute.POST, { body: {}, params: { id: designId } });
}

test('the orchestrator names its worker design; refused until the worker is deployed, then runs end to end', { skip, timeout: 240_000 }, async () => {
  const orchestrator = golden('orchestrator');
  for (const node of orchestrator.nodes) assert.equal(node.taskQueue, undefined, 'no task queue typed into the design');
  const orchestratorId: string = (await call(designsRoute.POST, { body: { design: orchestrator } })).body.id;
  const workerId: string = (await call(designsRoute.POST, { body: { design: golden('task-worker') } })).body.id;

  const refused = await deploy(orchestratorId);
  assert.equal(refused.status, 422, JSON.stringify(refused.body));
  assert.match(
    refused.body.error.message,
    /Child workflow "Start a worker" refers to the design "TaskWorkerWorkflow", which is not deployed; deploy it first/,
  );
  assert.equal(refused.body.error.nodeId, 'start-worker');
  assert.equal(refused.body.error.field, 'design');

  const worker = await deploy(workerId);
  assert.equal(worker.status, 201, JSON.stringify(worker.body));
  await stack!.deploymentRunning(worker.body.deployment.id);
  const deployed = await deploy(orchestratorId);
  assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
  await stack!.deploymentRunning(deployed.body.deployment.id);
  // Each deployment's worker registers only its own design's workflow, so a child started on the
  // orchestrator's queue would never run: it completes only on the worker design's queue.
  assert.notEqual(deployed.body.deployment.taskQueue, worker.body.deployment.taskQueue);

  const started = await call(executionsRoute.POST, { body: { designId: orchestratorId, input: { workers: 2 } } });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const { workflowId } = started.body;
  const done = await eventually('the orchestrator to complete', async () => {
    const described = await call(executionRoute.GET, { params: { workflowId } });
    assert.ok(!['FAILED', 'TERMINATED', 'TIMED_OUT'].includes(described.body.status), JSON.stringify(described.body));
    return described.body.status === 'COMPLETED' ? described.body : undefined;
  }, 120_000);
  assert.equal(done.result, 'Coordinated 2 workers, 3 reports; audit: Processed 1 task(s)');

  const child = await call(executionRoute.GET, { params: { workflowId: `${workflowId}-audit` } });
  assert.equal(child.body.status, 'COMPLETED', JSON.stringify(child.body));
  assert.equal(child.body.workflowType, 'TaskWorkerWorkflow');
});
