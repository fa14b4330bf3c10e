/**
 * Approvals through the REST API against a real Temporal server and a worker host (as
 * app/api/api.int.test.ts): a designer creates a two-level process (deployed in one call), a
 * requester submits, the inbox shows the task to its approver only, a wrong approver gets the
 * validator's exact reason, a forged actor on the generic update route is refused, the second
 * level's deadline (seconds) escalates to the admin role, and the requester sees the outcome.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listAudit } from '@/db/repository';
import { call, signInNewUser } from '@/testing/api';
import { REFUSALS } from '@/lib/approvals/generate';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as updateRoute from '../executions/[workflowId]/updates/[name]/route';
import * as executionsRoute from '../executions/route';
import * as updateWithStartRoute from '../executions/update-with-start/route';
import * as processesRoute from '../processes/route';
import * as requestRoute from '../requests/[workflowId]/route';
import * as requestsRoute from '../requests/route';
import * as decisionRoute from './[workflowId]/decision/route';
import * as inboxRoute from './route';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'approvals' });
});

after(() => stack?.stop());

test('set up, submit, inbox, refusals, approval, deadline escalation, outcome — all through the API', { skip, timeout: 240_000 }, async () => {
  const designer = await signInNewUser('dora', ['designer']);
  const rita = await signInNewUser('rita', ['requester']);
  const ann = await signInNewUser('ann', ['approver']);
  const mal = await signInNewUser('mal', ['approver']);
  const boss = await signInNewUser('boss', ['admin']);

  const invalid = await call(processesRoute.POST, { ...designer, body: { spec: { name: 'Bad', fields: [], levels: [{ name: 'L', approvers: [{ kind: 'user', name: 'ann' }], required: 2 }] } } });
  assert.equal(invalid.status, 400);
  assert.equal(invalid.body.error.field, 'levels.0.required');
  assert.equal((await call(processesRoute.POST, { ...rita, body: { spec: {} } })).status, 403, 'requesters cannot deploy');

  const spec = {
    name: 'Laptop',
    fields: [{ name: 'model', type: 'string', required: true }, { name: 'price', type: 'money', required: true }],
    levels: [
      { name: 'Lead', approvers: [{ kind: 'user', name: 'ann' }] },
      { name: 'IT', approvers: [{ kind: 'user', name: 'ivan' }], deadline: { amount: 3, unit: 'seconds' }, onDeadline: { action: 'escalate', to: { kind: 'role', name: 'admin' } } },
    ],
  };
  const created = await call(processesRoute.POST, { ...designer, body: { spec } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const processId: string = created.body.process.id;
  assert.equal(created.body.deployment.designId, created.body.process.designId);

  const listed = await call(processesRoute.GET, rita);
  assert.deepEqual(listed.body.processes.map((p: { id: string; deployed: boolean }) => [p.id, p.deployed]), [[processId, true]]);

  const forged = await call(requestsRoute.POST, { ...rita, body: { processId, fields: { model: 'X1', price: '1200.00', requester: 'ann' } } });
  assert.equal(forged.status, 400);
  assert.equal(forged.body.error.code, 'request.requester-given');
  const submitted = await eventually('the worker to serve the process', async () => {
    const r = await call(requestsRoute.POST, { ...rita, body: { processId, fields: { model: '<b>X1</b>', price: '1200.00' } } });
    return r.status === 201 ? r : (assert.equal(r.status, 201, JSON.stringify(r.body)), undefined);
  });
  const workflowId: string = submitted.body.request.workflowId;

  const annInbox = await eventually('the task in ann\'s inbox', async () => {
    const { body } = await call(inboxRoute.GET, ann);
    return body.tasks.length > 0 ? body.tasks : undefined;
  });
  assert.equal(annInbox[0].workflowId, workflowId);
  assert.equal(annInbox[0].fields.model, '<b>X1</b>');
  assert.deepEqual(annInbox[0].task, { level: 1, levelName: 'Lead' }, 'the task the approver decides');
  assert.deepEqual((await call(inboxRoute.GET, mal)).body.tasks, [], 'not in the inbox of an approver of nothing here');
  assert.equal((await call(inboxRoute.GET, rita)).status, 403);

  const notListed = await call(decisionRoute.POST, { ...mal, params: { workflowId }, body: { approve: true, level: 1 } });
  assert.equal(notListed.status, 403);
  assert.equal(notListed.body.error.code, 'approval.not-an-approver');
  const tooEarly = await call(decisionRoute.POST, { ...boss, params: { workflowId }, body: { approve: true, comment: 'me first', level: 1 } });
  assert.deepEqual([tooEarly.status, tooEarly.body.error.message], [422, REFUSALS.notEligible]);
  const withActor = await call(decisionRoute.POST, { ...mal, params: { workflowId }, body: { approve: true, actor: 'ann', level: 1 } });
  assert.equal(withActor.status, 400, 'a body naming the actor is refused');
  const generic = await call(updateRoute.POST, { ...boss, params: { workflowId, name: 'decide' }, body: { args: { actor: 'ann', actorRoles: [], approve: true, comment: '' } } });
  assert.equal(generic.status, 403);
  assert.equal(generic.body.error.code, 'approval.use-inbox');

  const designId: string = created.body.process.designId;
  const directStart = await call(executionsRoute.POST, { ...boss, body: { designId, input: { model: 'x', price: '1.00', requester: 'ann' } } });
  assert.equal(directStart.status, 403, 'no request with a made-up requester through the generic start');
  assert.equal(directStart.body.error.code, 'approval.use-requests');
  const withStart = await call(updateWithStartRoute.POST, { ...boss, body: { designId, workflowId: 'forged-with-start', input: { model: 'x', price: '1.00', requester: 'rita' }, update: 'decide', args: { actor: 'ann', actorRoles: [], approve: true, comment: '' } } });
  assert.equal(withStart.status, 403, JSON.stringify(withStart.body));

  const approved = await call(decisionRoute.POST, { ...ann, params: { workflowId }, body: { approve: true, comment: 'needed', level: 1 } });
  assert.deepEqual(approved, { status: 200, body: { result: 'approved' } });
  const again = await call(decisionRoute.POST, { ...ann, params: { workflowId }, body: { approve: true, level: 1 } });
  assert.deepEqual([again.status, again.body.error.message], [422, REFUSALS.levelSettled], 'level 1 is decided: a second click is refused, not moved on');
  const atLevel2 = await call(decisionRoute.POST, { ...ann, params: { workflowId }, body: { approve: true, level: 2 } });
  assert.deepEqual([atLevel2.status, atLevel2.body.error.message], [422, REFUSALS.notEligible], 'level 2 is open now');

  const mine = await call(requestsRoute.GET, rita);
  const status = mine.body.requests[0].status;
  assert.deepEqual(status.levels.map((l: { state: string; approvedBy: string[]; pending: string[] }) => [l.state, l.approvedBy, l.pending]), [
    ['approved', ['ann'], []],
    ['open', [], ['ivan']],
  ]);
  assert.ok(mine.body.requests[0].deadline, 'the open level shows its deadline');
  assert.equal((await call(requestRoute.GET, { ...mal, params: { workflowId } })).status, 404, 'others cannot see the request');

  const escalated = await eventually('the escalation to the admin role', async () => {
    const { body } = await call(inboxRoute.GET, boss);
    return body.tasks.find((t: { workflowId: string }) => t.workflowId === workflowId);
  });
  assert.equal(escalated.status.levels[1].escalatedTo, 'role admin');
  assert.equal(escalated.task.level, 2);
  const final = await call(decisionRoute.POST, { ...boss, params: { workflowId }, body: { approve: true, comment: 'ivan is away', level: escalated.task.level } });
  assert.equal(final.status, 200, JSON.stringify(final.body));

  const outcome = await eventually('the outcome', async () => {
    const { body } = await call(requestRoute.GET, { ...rita, params: { workflowId } });
    return body.request.executionStatus === 'COMPLETED' ? body.request : undefined;
  });
  assert.equal(outcome.status.outcome, 'approved');
  assert.deepEqual(outcome.status.history.map((h: { actor: string; verdict: string }) => `${h.actor}:${h.verdict}`), ['ann:approved', 'deadline:escalated', 'boss:approved']);

  const late = await call(decisionRoute.POST, { ...ann, params: { workflowId }, body: { approve: false, level: 2 } });
  assert.deepEqual([late.status, late.body.error.message], [422, REFUSALS.notPending], 'a decided request takes no more decisions');

  const audit = (await listAudit({ target: `request:${workflowId}` })).map((e) => `${e.actorName}:${e.action}`).reverse();
  // Every decision sent to the workflow is audited before (approval.decide) and after (its outcome).
  assert.deepEqual(audit, [
    'rita:approval.submit',
    'mal:approval.refused',
    'boss:approval.decide', 'boss:approval.refused',
    'ann:approval.decide', 'ann:approval.approve',
    'ann:approval.decide', 'ann:approval.refused',
    'ann:approval.decide', 'ann:approval.refused',
    'boss:approval.decide', 'boss:approval.approve',
    'ann:approval.decide', 'ann:approval.refused',
  ]);
});
