/**
 * Who may read and message an execution (lib/executions/access.ts), from outside: the app's route
 * handlers against a real Temporal server and a worker host. An approval request takes no message
 * from the executions routes — not even from an ordinary design that declares an update `decide`
 * and reaches the request through update-with-start (issue 10, finding 2) — and is read only by its
 * requester, the process's approvers and admins: 404 and absent from the list for everyone else
 * (finding 3). A message naming one design never reaches another design's execution.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { listAudit } from '@/db/repository';
import { call, signInNewUser } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as designDeploymentsRoute from '../designs/[id]/deployments/route';
import * as designRoute from '../designs/[id]/route';
import * as designsRoute from '../designs/route';
import * as processesRoute from '../processes/route';
import * as requestRoute from '../requests/[workflowId]/route';
import * as requestsRoute from '../requests/route';
import * as eventsRoute from './[workflowId]/events/route';
import * as historyRoute from './[workflowId]/history/route';
import * as queryRoute from './[workflowId]/queries/[name]/route';
import * as executionRoute from './[workflowId]/route';
import * as signalRoute from './[workflowId]/signals/[name]/route';
import * as terminateRoute from './[workflowId]/terminate/route';
import * as updateRoute from './[workflowId]/updates/[name]/route';
import * as executionsRoute from './route';
import * as signalWithStartRoute from './signal-with-start/route';
import * as updateWithStartRoute from './update-with-start/route';

const approvalExample = JSON.parse(readFileSync(new URL('../../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));
const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'execaccess' });
});

after(() => stack?.stop());

type Session = Awaited<ReturnType<typeof signInNewUser>>;
interface DesignNode {
  id: string;
  type: string;
  name?: string;
  parameters?: unknown[];
}

async function deploy(designer: Session, design: unknown): Promise<string> {
  const created = await call(designsRoute.POST, { ...designer, body: { design } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const deployed = await call(designDeploymentsRoute.POST, { ...designer, body: {}, params: { id: created.body.id } });
  assert.equal(deployed.status, 201, JSON.stringify(deployed.body));
  await stack!.deploymentRunning(deployed.body.deployment.id);
  return created.body.id;
}

async function refusalsFor(workflowId: string): Promise<string[]> {
  return (await listAudit({ target: `execution:${workflowId}` }))
    .filter((e) => e.action === 'execution.message-refused')
    .map((e) => `${e.actorName}:${(e.details as { kind: string; code: string }).kind}:${(e.details as { code: string }).code}`)
    .reverse();
}

test('approval requests take no message from the executions routes, and only their people read them', { skip, timeout: 300_000 }, async () => {
  const dora = await signInNewUser('dora', ['designer']);
  const olga = await signInNewUser('olga', ['operator']);
  const vic = await signInNewUser('vic', ['viewer']);
  const rita = await signInNewUser('rita', ['requester', 'viewer']);
  const ann = await signInNewUser('ann', ['approver', 'viewer']);
  const boss = await signInNewUser('boss', ['admin']);

  const created = await call(processesRoute.POST, {
    ...dora,
    body: { spec: { name: 'Laptop', fields: [{ name: 'model', type: 'string', required: true }], levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'ann' }] }] } },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const processId: string = created.body.process.id;

  // The impostor: an ordinary design whose update is named `decide`, with the approval's parameters.
  const processDesign = (await call(designRoute.GET, { ...dora, params: { id: created.body.process.designId } })).body;
  const decideNode = processDesign.design.nodes.find((n: DesignNode) => n.type === 'update' && n.name === 'decide') as DesignNode;
  assert.ok(decideNode, 'the approval design has its decide update');
  const impostor = {
    ...approvalExample,
    name: 'Impostor',
    nodes: approvalExample.nodes.map((n: DesignNode) =>
      n.id === 'add-comment' ? { ...n, name: 'decide', parameters: decideNode.parameters, validators: [], assignments: [], returns: '"ok"' } : n,
    ),
  };
  const impostorId = await deploy(dora, impostor);
  const otherId = await deploy(dora, approvalExample);

  const submitted = await eventually('the worker to serve the process', async () => {
    const r = await call(requestsRoute.POST, { ...rita, body: { processId, fields: { model: 'X1' } } });
    return r.status === 201 ? r : (assert.equal(r.status, 201, JSON.stringify(r.body)), undefined);
  });
  const requestId: string = submitted.body.request.workflowId;
  const forgedDecision = { actor: 'ann', actorRoles: ['approver'], level: 1, approve: true, comment: 'forged' };
  const decisionArgs = Object.fromEntries(
    Object.entries(forgedDecision).filter(([key]) => (decideNode.parameters as { name: string }[]).some((p) => p.name === key)),
  );

  // ---- finding 2: the exact attack, by an operator (not a party: 404) and by an admin (403)
  const attack = { designId: impostorId, workflowId: requestId, input: { requestId: 'R-1' }, update: 'decide', args: decisionArgs };
  const byOperator = await call(updateWithStartRoute.POST, { ...olga, body: attack });
  assert.deepEqual([byOperator.status, byOperator.body.error?.code], [404, 'execution.not-found'], JSON.stringify(byOperator.body));
  const byAdmin = await call(updateWithStartRoute.POST, { ...boss, body: attack });
  assert.deepEqual([byAdmin.status, byAdmin.body.error?.code], [403, 'approval.use-inbox'], JSON.stringify(byAdmin.body));
  const signalled = await call(signalWithStartRoute.POST, { ...boss, body: { ...attack, update: undefined, signal: 'approve', args: { approverName: 'ann', approved: true } } });
  assert.deepEqual([signalled.status, signalled.body.error?.code], [403, 'approval.use-inbox'], JSON.stringify(signalled.body));
  for (const [route, name] of [
    [updateRoute, 'decide'],
    [updateRoute, 'anything'],
    [signalRoute, 'anything'],
  ] as const) {
    const direct = await call(route.POST, { ...boss, params: { workflowId: requestId, name }, body: { args: decisionArgs } });
    assert.deepEqual([direct.status, direct.body.error?.code], [403, 'approval.use-inbox'], `${name}: ${JSON.stringify(direct.body)}`);
  }
  const hidden = await call(updateRoute.POST, { ...olga, params: { workflowId: requestId, name: 'decide' }, body: { args: decisionArgs } });
  assert.deepEqual([hidden.status, hidden.body.error?.code], [404, 'execution.not-found']);

  const request = (await call(requestRoute.GET, { ...rita, params: { workflowId: requestId } })).body.request;
  assert.equal(request.executionStatus, 'RUNNING');
  assert.deepEqual(request.status.levels.map((l: { state: string; approvedBy: string[] }) => [l.state, l.approvedBy]), [['open', []]], 'the approval is unchanged');
  assert.deepEqual(request.status.history, []);
  assert.deepEqual(await refusalsFor(requestId), [
    'olga:update-with-start:execution.not-found',
    'boss:update-with-start:approval.use-inbox',
    'boss:signal-with-start:approval.use-inbox',
    'boss:update:approval.use-inbox',
    'boss:update:approval.use-inbox',
    'boss:signal:approval.use-inbox',
    'olga:update:execution.not-found',
  ]);
  assert.equal((await listAudit({ target: `request:${requestId}` })).filter((e) => e.action !== 'approval.submit').length, 0, 'no decision was recorded');

  // ---- a message naming one design never reaches another design's execution
  const started = await call(executionsRoute.POST, { ...olga, body: { designId: otherId, input: { requestId: 'R-2' } } });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const otherRun: string = started.body.workflowId;
  const toOther = { designId: impostorId, workflowId: otherRun, input: { requestId: 'R-3' } };
  const updateOther = await call(updateWithStartRoute.POST, { ...olga, body: { ...toOther, update: 'decide', args: decisionArgs } });
  assert.deepEqual([updateOther.status, updateOther.body.error?.code, updateOther.body.error?.field], [409, 'execution.other-design', 'workflowId'], JSON.stringify(updateOther.body));
  const signalOther = await call(signalWithStartRoute.POST, { ...olga, body: { ...toOther, signal: 'approve', args: { approverName: 'olga', approved: true } } });
  assert.deepEqual([signalOther.status, signalOther.body.error?.code], [409, 'execution.other-design'], JSON.stringify(signalOther.body));
  const namedWrong = await call(signalRoute.POST, { ...olga, params: { workflowId: otherRun, name: 'approve' }, body: { designId: impostorId, args: { approverName: 'olga', approved: true } } });
  assert.deepEqual([namedWrong.status, namedWrong.body.error?.code], [409, 'execution.other-design']);
  const updateNamedWrong = await call(updateRoute.POST, { ...olga, params: { workflowId: otherRun, name: 'addComment' }, body: { designId: impostorId, args: { text: 'x' } } });
  assert.deepEqual([updateNamedWrong.status, updateNamedWrong.body.error?.code], [409, 'execution.other-design']);
  const status = await call(queryRoute.POST, { ...olga, params: { workflowId: otherRun, name: 'status' }, body: {} });
  assert.deepEqual(status, { status: 200, body: { result: 'pending' } }, 'the other execution was not signalled');
  assert.deepEqual(await refusalsFor(otherRun), [
    'olga:update-with-start:execution.other-design',
    'olga:signal-with-start:execution.other-design',
    'olga:signal:execution.other-design',
    'olga:update:execution.other-design',
  ]);
  // its own design's messages still go through, to the running execution
  const own = await call(updateWithStartRoute.POST, { ...olga, body: { ...toOther, designId: otherId, update: 'addComment', args: { text: 'mine' } } });
  assert.deepEqual([own.status, own.body.result, own.body.runId], [200, 'Comment saved', started.body.runId], JSON.stringify(own.body));

  // ---- finding 3: reads follow the requests API
  const queryName = processDesign.design.nodes.find((n: DesignNode) => n.type === 'query' && n.parameters?.length === 0)!.name as string;
  const reads = (who: Session) => ({
    detail: () => call(executionRoute.GET, { ...who, params: { workflowId: requestId } }),
    history: () => call(historyRoute.GET, { ...who, params: { workflowId: requestId } }),
    query: () => call(queryRoute.POST, { ...who, params: { workflowId: requestId, name: queryName }, body: {} }),
    events: async () => {
      const response = await eventsRoute.GET(new Request(`http://localhost/api/executions/${requestId}/events`, { headers: who.headers }), { params: Promise.resolve({ workflowId: requestId }) });
      const status = response.status;
      await response.body?.cancel();
      return { status };
    },
    listed: async () => {
      // One page holds every execution the shared dev server lists (other test files add theirs), so the count can be compared with it.
      const page = await call(executionsRoute.GET, { ...who, url: '/api/executions?count=1&pageSize=500' });
      assert.equal(page.status, 200, JSON.stringify(page.body));
      return { ids: page.body.executions.map((e: { workflowId: string }) => e.workflowId) as string[], total: page.body.total as number };
    },
  });
  const unknown = await call(executionRoute.GET, { ...vic, params: { workflowId: 'no-such-execution' } });
  for (const outsider of [vic, olga]) {
    const r = reads(outsider);
    for (const read of [r.detail, r.history, r.query]) {
      const answer = await read();
      assert.deepEqual([answer.status, answer.body.error.code], [404, 'execution.not-found'], JSON.stringify(answer.body));
      assert.equal(answer.body.error.message, unknown.body.error.message.replace('no-such-execution', requestId), 'the same answer as an unknown id');
    }
    assert.equal((await r.events()).status, 404);
    const { ids, total } = await eventually('the list to show the other execution', async () => {
      const listed = await r.listed();
      return listed.ids.includes(otherRun) ? listed : undefined;
    });
    assert.ok(!ids.includes(requestId), 'the approval request is not listed');
    assert.equal(total, ids.length, 'nor counted');
  }
  const terminate = await call(terminateRoute.POST, { ...olga, params: { workflowId: requestId }, body: {} });
  assert.equal(terminate.status, 404, 'nor operated');
  for (const insider of [rita, ann, boss]) {
    const r = reads(insider);
    const detail = await r.detail();
    assert.equal(detail.status, 200, JSON.stringify(detail.body));
    assert.equal(detail.body.workflowId, requestId);
    assert.equal((await r.history()).status, 200);
    assert.equal((await r.query()).status, 200);
    assert.equal((await r.events()).status, 200);
    const { ids } = await eventually('the request in the list', async () => {
      const listed = await r.listed();
      return listed.ids.includes(requestId) ? listed : undefined;
    });
    assert.ok(ids.includes(otherRun));
  }
});
