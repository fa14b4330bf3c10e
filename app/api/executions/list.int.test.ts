/**
 * The executions list from outside (issue 13): the app's route handlers against a real Temporal
 * server and worker host. Rows name steps by label; a closed execution shows the End it finished
 * on (not the wait it passed, which is all visibility recorded); the deployed designs come told
 * apart; the status counts follow the filters; and bulk cancel/terminate is for operators, refuses
 * bad input naming the field before touching anything, checks each execution with the read rule
 * (an approval request the caller may not read is "not found", as on the single routes) and
 * audits each success like the single route.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { nanoid } from 'nanoid';
import { listAudit } from '@/db/repository';
import { call, signInNewUser } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as designDeploymentsRoute from '../designs/[id]/deployments/route';
import * as designsRoute from '../designs/route';
import * as processesRoute from '../processes/route';
import * as requestsRoute from '../requests/route';
import * as executionRoute from './[workflowId]/route';
import * as signalRoute from './[workflowId]/signals/[name]/route';
import * as bulkRoute from './bulk/route';
import * as executionsRoute from './route';

const approvalExample = JSON.parse(readFileSync(new URL('../../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'execlist' });
});

after(() => stack?.stop());

type Session = Awaited<ReturnType<typeof signInNewUser>>;
interface Row {
  workflowId: string;
  status: string;
  step: string | null;
  stepLabel: string | null;
  stepSource: string;
}

async function deploy(designer: Session, design: unknown): Promise<string> {
  const created = await call(designsRoute.POST, { ...designer, body: { design } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const deployed = await call(designDeploymentsRoute.POST, { ...designer, body: {}, params: { id: created.body.id } });
  assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
  await stack!.deploymentRunning(deployed.body.deployment.id);
  return created.body.id;
}

async function list(who: Session, query: string) {
  const answer = await call(executionsRoute.GET, { ...who, url: `/api/executions?${query}` });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as { executions: Row[]; statusCounts?: Record<string, number>; designs?: { id: string; name: string; version: number; lastDeployedAt: string }[] };
}

test('the list names steps, shows where closed runs ended, counts by status, and operates in bulk', { skip, timeout: 300_000 }, async () => {
  const dora = await signInNewUser('dora', ['designer']);
  const olga = await signInNewUser('olga', ['operator']);
  const vic = await signInNewUser('vic', ['viewer']);
  const rita = await signInNewUser('rita', ['requester', 'viewer']);

  // Two designs with one name: the design filter must tell them apart.
  const designId = await deploy(dora, approvalExample);
  const twinId = await deploy(dora, approvalExample);

  const start = async (label: string) => {
    const started = await eventually('the worker to serve the design', async () => {
      const r = await call(executionsRoute.POST, { ...olga, body: { designId, workflowId: `${label}-${nanoid(6)}`, input: { requestId: label } } });
      return r.status === 201 ? r : undefined;
    });
    return started.body.workflowId as string;
  };
  const approved = await start('approved');
  const rejected = await start('rejected');
  const waiting = await start('waiting');
  const other = await start('other');
  for (const [workflowId, yes] of [[approved, true], [rejected, false]] as const) {
    const sent = await call(signalRoute.POST, { ...olga, params: { workflowId, name: 'approve' }, body: { args: { approverName: 'olga', approved: yes } } });
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
  }

  // ---- steps by label; closed runs at the End they finished on
  const rows = await eventually('both decided runs to be listed as completed', async () => {
    const page = await list(vic, `designId=${designId}&counts=1&designs=1`);
    const completed = page.executions.filter((r) => r.status === 'COMPLETED');
    return completed.length === 2 && page.statusCounts?.Completed === 2 ? page : undefined;
  });
  const byId = new Map(rows.executions.map((r) => [r.workflowId, r]));
  assert.deepEqual(
    [approved, rejected, waiting].map((id) => { const r = byId.get(id)!; return [r.step, r.stepLabel, r.stepSource]; }),
    [
      ['end-approved', 'Approved', 'ended'],
      ['end-rejected', 'Rejected', 'ended'],
      ['await-approval', 'Await approval', 'live'],
    ],
  );
  assert.deepEqual(rows.statusCounts, { Running: 2, Completed: 2, Failed: 0, Canceled: 0, Terminated: 0, TimedOut: 0, ContinuedAsNew: 0 });
  // The counts ignore the status filter (they are what a status is picked from); the rows do not.
  const runningOnly = await list(vic, `designId=${designId}&status=Running&counts=1`);
  assert.deepEqual(runningOnly.executions.map((r) => r.workflowId).sort(), [waiting, other].sort());
  assert.equal(runningOnly.statusCounts?.Completed, 2);
  // The step filter finds running executions at the step whose label the list offers.
  const atWait = await list(vic, `designId=${designId}&step=await-approval&status=Running`);
  assert.deepEqual(atWait.executions.map((r) => r.stepLabel), ['Await approval', 'Await approval']);

  // ---- the deployed designs, told apart
  const twins = rows.designs!.filter((d) => d.id === designId || d.id === twinId);
  assert.equal(twins.length, 2);
  assert.equal(twins[0]!.name, twins[1]!.name, 'the same name');
  assert.deepEqual(twins.map((d) => d.id), [twinId, designId], 'the most recently deployed first');
  assert.ok(twins[0]!.lastDeployedAt > twins[1]!.lastDeployedAt, 'each with when it was last deployed');
  assert.ok(twins.every((d) => d.version === 1));

  // ---- bulk: operators only, bad input refused before anything happens
  const refusedRole = await call(bulkRoute.POST, { ...vic, body: { action: 'cancel', workflowIds: [waiting] } });
  assert.equal(refusedRole.status, 403);
  for (const [body, field] of [
    [{ action: 'explode', workflowIds: [waiting] }, 'action'],
    [{ action: 'cancel', workflowIds: [] }, 'workflowIds'],
    [{ action: 'cancel', workflowIds: [waiting, waiting] }, 'workflowIds'],
    [{ action: 'cancel', workflowIds: [waiting, ''] }, 'workflowIds.1'],
    [{ action: 'cancel', workflowIds: [waiting], reason: 'why' }, 'reason'],
    [{ action: 'terminate', workflowIds: Array.from({ length: 101 }, (_, i) => `w-${i}`) }, 'workflowIds'],
  ] as const) {
    const bad = await call(bulkRoute.POST, { ...olga, body });
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    assert.equal(bad.body.error.field, field, JSON.stringify(bad.body));
  }
  assert.equal((await call(executionRoute.GET, { ...vic, params: { workflowId: waiting } })).body.status, 'RUNNING', 'nothing was cancelled');

  // An approval request olga may not read: "not found" in bulk as on its own route.
  const created = await call(processesRoute.POST, {
    ...dora,
    body: { spec: { name: `Laptop ${nanoid(4)}`, fields: [{ name: 'model', type: 'string', required: true }], levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'ann' }] }] } },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const submitted = await eventually('the worker to serve the process', async () => {
    const r = await call(requestsRoute.POST, { ...rita, body: { processId: created.body.process.id, fields: { model: 'X1' } } });
    return r.status === 201 ? r : undefined;
  });
  const requestId: string = submitted.body.request.workflowId;

  const cancelled = await call(bulkRoute.POST, { ...olga, body: { action: 'cancel', workflowIds: [waiting, requestId, 'no-such-execution'] } });
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  assert.deepEqual([cancelled.body.succeeded, cancelled.body.failed], [1, 2]);
  assert.deepEqual(
    cancelled.body.results.map((r: { workflowId: string; ok: boolean; status?: number; error?: { code: string } }) => [r.workflowId, r.ok, r.status, r.error?.code]),
    [
      [waiting, true, undefined, undefined],
      [requestId, false, 404, 'execution.not-found'],
      ['no-such-execution', false, 404, 'execution.not-found'],
    ],
  );
  const terminated = await call(bulkRoute.POST, { ...olga, body: { action: 'terminate', workflowIds: [other], reason: 'bulk test' } });
  assert.deepEqual([terminated.status, terminated.body.succeeded], [200, 1], JSON.stringify(terminated.body));

  const closed = await eventually('the bulk actions to show in the counts', async () => {
    const page = await list(vic, `designId=${designId}&counts=1`);
    return page.statusCounts?.Canceled === 1 && page.statusCounts.Terminated === 1 ? page : undefined;
  });
  assert.equal(closed.statusCounts?.Running, 0);
  assert.equal((await call(executionRoute.GET, { ...rita, params: { workflowId: requestId } })).body.status, 'RUNNING', 'the request was not touched');

  // Audited like the single routes: who, which action, under the execution's own path.
  const audited = async (workflowId: string, action: string) =>
    (await listAudit({ target: `/api/executions/${workflowId}/${action}` })).map((e) => [e.action, e.actorName, (e.details as { bulk?: boolean }).bulk]);
  assert.deepEqual(await audited(waiting, 'cancel'), [['execution.cancel', 'olga', true]]);
  assert.deepEqual(await audited(other, 'terminate'), [['execution.terminate', 'olga', true]]);
  assert.deepEqual(await audited(requestId, 'cancel'), [], 'nothing done, nothing audited');
});
