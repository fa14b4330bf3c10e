/**
 * The live monitor's load on Temporal, from outside: concurrent server-sent-event streams opened
 * through the events route (GET /api/executions/{id}/events) against a real Temporal server, read
 * continuously as pages would, while the app's Temporal client counts its calls
 * (lib/temporal-calls.ts). The calls follow the number of executions watched, not of viewers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import * as eventsRoute from '@/app/api/executions/[workflowId]/events/route';
import * as designDeploymentsRoute from '@/app/api/designs/[id]/deployments/route';
import * as designsRoute from '@/app/api/designs/route';
import { call, testSessionCookie } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import { startExecution } from './service';
import { executionWatchers } from './stream';
import { temporalCalls, temporalCallsSince } from '../temporal-calls';

const approvalExample = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
const WINDOW_MS = 2500;
let stack: TestStack | undefined;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'watcher' });
});

after(() => stack?.stop());

/** A page following an execution: reads the stream continuously, counting its `execution` events. */
async function openViewer(workflowId: string, cookie: string) {
  const controller = new AbortController();
  const response = await eventsRoute.GET(new Request(`http://localhost/api/executions/${workflowId}/events`, { headers: { cookie }, signal: controller.signal }), {
    params: Promise.resolve({ workflowId }),
  });
  assert.equal(response.status, 200);
  const reader = response.body!.getReader();
  let received = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      received += new TextDecoder().decode(value);
    }
  })().catch(() => undefined);
  return {
    executions: () => received.split('event: execution\n').length - 1,
    async close() {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      await reading;
    },
  };
}

/** Opens `perExecution` viewers on each execution at once, then counts Temporal's calls for WINDOW_MS. */
async function callsWhileWatching(workflowIds: string[], perExecution: number, cookie: string) {
  const viewers = await Promise.all(workflowIds.flatMap((id) => Array.from({ length: perExecution }, () => openViewer(id, cookie))));
  await eventually('every viewer to get its first detail', async () => viewers.every((v) => v.executions() >= 1) || undefined);
  assert.equal(executionWatchers().size, workflowIds.length, 'one watcher per execution');
  const before = temporalCalls();
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  const calls = temporalCallsSince(before);
  await Promise.all(viewers.map((v) => v.close()));
  await eventually('the watchers to stop once everyone left', async () => executionWatchers().size === 0 || undefined);
  return calls;
}

test('20 viewers of 2 executions cost Temporal what 2 viewers do: the calls follow executions, not viewers', { skip, timeout: 180_000 }, async (t) => {
  const cookie = await testSessionCookie(['admin']);
  const created = await call(designsRoute.POST, { body: { design: approvalExample } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const deployed = await call(designDeploymentsRoute.POST, { body: {}, params: { id: created.body.id } });
  assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
  await stack!.deploymentRunning(deployed.body.deployment.id);
  const workflowIds: string[] = [];
  for (const requestId of ['W1', 'W2']) workflowIds.push((await startExecution({ designId: created.body.id, input: { requestId } })).workflowId);

  const oneExecution = await callsWhileWatching(workflowIds.slice(0, 1), 10, cookie);
  const twoViewers = await callsWhileWatching(workflowIds, 1, cookie);
  const twentyViewers = await callsWhileWatching(workflowIds, 10, cookie);
  const figures = JSON.stringify({ oneExecution, twoViewers, twentyViewers });
  t.diagnostic(figures);

  // A watcher polls every 250 ms after its last answer: at most WINDOW_MS / 250 + 1 polls per execution.
  const maxPolls = 2 * (WINDOW_MS / 250 + 1);
  const describes = twentyViewers.byMethod.DescribeWorkflowExecution ?? 0;
  assert.ok(describes >= 2 && describes <= maxPolls, `20 viewers of 2 executions: ${describes} describes in ${WINDOW_MS} ms, at most ${maxPolls} (${figures})`);
  assert.ok(twentyViewers.total <= twoViewers.total * 1.5 + 4, `20 viewers cost about what 2 do (${figures})`);
  assert.ok(twentyViewers.total >= oneExecution.total * 1.3, `2 executions cost more than 1, whatever the viewers (${figures})`);
});
