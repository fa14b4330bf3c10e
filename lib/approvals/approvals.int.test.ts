import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { startTestWorker, type TestWorker } from '@/codegen/testing/worker';
import { eventually, until } from '@/testing/eventually';
import { APPROVAL_CONTRACT as C, generateApprovalDesign, REFUSALS } from './generate';
import { ApprovalProcessSpecSchema, type ApprovalProcessInput } from './spec';

/**
 * Generated two-level approval processes on a real Temporal server: who may decide is enforced by
 * the decide update's validators inside the workflow; deadlines (seconds here) escalate or decide.
 */
const fields: ApprovalProcessInput['fields'] = [{ name: 'amount', type: 'money', required: true }];
const processes = {
  main: { name: 'Main', fields, levels: [
    { name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }] },
    { name: 'Finance', approvers: [{ kind: 'role', name: 'approver' }], required: 2, condition: 'input.amount >= money("100")' },
  ] },
  escalating: { name: 'Escalating', fields, levels: [
    { name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }], deadline: { amount: 1, unit: 'seconds' }, onDeadline: { action: 'escalate', to: { kind: 'user', name: 'boss' } } },
    { name: 'Finance', approvers: [{ kind: 'user', name: 'fin' }] },
  ] },
  automatic: { name: 'Automatic', fields, levels: [
    { name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }], deadline: { amount: 1, unit: 'seconds' }, onDeadline: { action: 'approve' } },
    { name: 'Finance', approvers: [{ kind: 'user', name: 'fin' }], deadline: { amount: 1, unit: 'seconds' }, onDeadline: { action: 'reject' } },
  ] },
  board: { name: 'Board', fields, levels: [
    { name: 'Board', approvers: [{ kind: 'user', name: 'ann' }, { kind: 'user', name: 'bob' }, { kind: 'user', name: 'cy' }], required: 2 },
  ] },
  boardInTurn: { name: 'Board in turn', fields, levels: [
    { name: 'Board', mode: 'sequential', approvers: [{ kind: 'user', name: 'ann' }, { kind: 'user', name: 'bob' }, { kind: 'user', name: 'cy' }], required: 2 },
  ] },
  secondDeadline: { name: 'Second deadline', fields, levels: [
    { name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }], deadline: { amount: 1, unit: 'seconds' },
      onDeadline: { action: 'escalate', to: { kind: 'user', name: 'boss' }, deadline: { amount: 1, unit: 'seconds' }, then: { action: 'approve' } } },
    { name: 'Finance', approvers: [{ kind: 'user', name: 'fin' }], deadline: { amount: 1, unit: 'seconds' },
      onDeadline: { action: 'escalate', to: { kind: 'user', name: 'boss' }, deadline: { amount: 1, unit: 'seconds' }, then: { action: 'escalate', to: { kind: 'role', name: 'admin' } } } },
  ] },
  escalatedReject: { name: 'Escalated reject', fields, levels: [
    { name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }], deadline: { amount: 1, unit: 'seconds' },
      onDeadline: { action: 'escalate', to: { kind: 'user', name: 'boss' }, deadline: { amount: 1, unit: 'seconds' }, then: { action: 'reject' } } },
  ] },
} satisfies Record<string, ApprovalProcessInput>;

const designs = Object.fromEntries(Object.entries(processes).map(([key, p]) => [key, generateApprovalDesign(ApprovalProcessSpecSchema.parse(p))])) as Record<keyof typeof processes, ReturnType<typeof generateApprovalDesign>>;

let env: TestWorker;
before(async () => {
  env = await startTestWorker(Object.values(designs));
});
after(() => env?.stop());

function submit(process: keyof typeof processes, amount: string, requester = 'rita'): Promise<WorkflowHandle> {
  return env.client.workflow.start(designs[process].name, { taskQueue: env.taskQueue, workflowId: `${process}-${nanoid(8)}`, args: [{ amount, requester }] });
}

/** A decision on the task shown: the open level unless `level` says which task the approver saw. */
async function decide(handle: WorkflowHandle, actor: string, actorRoles: string[], approve = true, comment = '', level?: number) {
  const shown = level ?? (await handle.query<number>(C.levelQuery));
  return handle.executeUpdate<string, [unknown]>(C.decideUpdate, { args: [{ actor, actorRoles, level: shown, approve, comment }] });
}

async function refused(promise: Promise<unknown>, reason: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof WorkflowUpdateFailedError, `expected a rejected update, got ${String(error)}`);
    assert.equal(error.cause?.message, reason);
    return true;
  });
}

/** Escalations and automatic decisions happen on 1-second timers: ask again for a few seconds. */
const deadlines = { timeoutMs: 15_000, intervalMs: 200 };

test('eligible approvers approve level by level; wrong users, the requester and a second approval are refused with the exact reason', async () => {
  const handle = await submit('main', '250.00');
  assert.deepEqual(await handle.query(C.levelsApplyingQuery), [true, true]);
  assert.equal(await handle.query(C.canDecideQuery, { actor: 'mallory', actorRoles: ['viewer'], level: 1 }), false);
  assert.equal(await handle.query(C.canDecideQuery, { actor: 'lead', actorRoles: [], level: 1 }), true);
  assert.equal(await handle.query(C.canDecideQuery, { actor: 'lead', actorRoles: [], level: 2 }), false, 'not a task of level 2: it is not open');
  await refused(decide(handle, 'mallory', ['viewer']), REFUSALS.notEligible);
  await refused(decide(handle, 'fin', ['approver']), REFUSALS.notEligible); // level 2's role, but level 1 is open
  assert.equal(await decide(handle, 'lead', [], true, 'fine'), 'approved');
  assert.equal(await handle.query(C.levelQuery), 2);
  await refused(decide(handle, 'rita', ['approver']), REFUSALS.selfApproval);
  await refused(decide(handle, 'lead', []), REFUSALS.notEligible);
  assert.equal(await decide(handle, 'fin', ['approver']), 'approved');
  await refused(decide(handle, 'fin', ['approver']), REFUSALS.alreadyDecided);
  assert.deepEqual(await handle.query(C.approvalsQuery), ['fin']);
  assert.equal(await handle.query(C.statusQuery), 'pending', 'two of the approver role must agree');
  assert.equal(await decide(handle, 'fay', ['approver'], true, 'ok'), 'approved');
  assert.equal(await handle.result(), 'approved');
  assert.equal(await handle.query(C.statusQuery), 'approved');
  assert.deepEqual(await handle.query(C.historyQueries.actors), ['lead', 'fin', 'fay']);
  assert.deepEqual(await handle.query(C.historyQueries.levels), [1, 2, 2]);
  assert.deepEqual(await handle.query(C.historyQueries.comments), ['fine', '', 'ok']);
});

test('a level whose condition is false is skipped; a rejection ends the request', async () => {
  const small = await submit('main', '99.99');
  assert.deepEqual(await small.query(C.levelsApplyingQuery), [true, false]);
  assert.equal(await decide(small, 'lead', []), 'approved');
  assert.equal(await small.result(), 'approved');

  const rejected = await submit('main', '500');
  assert.equal(await decide(rejected, 'lead', [], false, 'no budget'), 'rejected');
  assert.equal(await rejected.result(), 'rejected');
  assert.deepEqual(await rejected.query(C.historyQueries.verdicts), ['rejected']);
});

test('at the deadline the level escalates: the escalation target may decide from then on', async () => {
  const handle = await submit('escalating', '10');
  await refused(decide(handle, 'boss', []), REFUSALS.notEligible);
  await eventually('the escalation (within 15 s of a 1 s deadline)', until(() => handle.query<boolean>(C.escalatedQuery)), deadlines);
  assert.equal(await decide(handle, 'boss', [], true, 'covering for lead'), 'approved');
  assert.equal(await handle.query(C.levelQuery), 2);
  assert.equal(await decide(handle, 'fin', []), 'approved');
  assert.equal(await handle.result(), 'approved');
  assert.deepEqual(await handle.query(C.historyQueries.verdicts), ['escalated', 'approved', 'approved']);
  assert.deepEqual(await handle.query(C.historyQueries.actors), ['deadline', 'boss', 'fin']);
});

test('at the deadline a level approves or rejects automatically, as configured', async () => {
  const handle = await submit('automatic', '10');
  assert.equal(await handle.result(), 'rejected');
  assert.deepEqual(await handle.query(C.historyQueries.verdicts), ['auto-approved', 'auto-rejected']);
  assert.deepEqual(await handle.query(C.historyQueries.levels), [1, 2]);
});

test('a decision that arrives with the start (before the first step ran) counts: the first level is open from the start', async () => {
  const startWorkflowOperation = new WithStartWorkflowOperation(designs.main.name, {
    taskQueue: env.taskQueue,
    workflowId: `main-early-${nanoid(8)}`,
    args: [{ amount: '250.00', requester: 'rita' }],
    workflowIdConflictPolicy: 'FAIL',
  });
  const result = await env.client.workflow.executeUpdateWithStart(C.decideUpdate, {
    args: [{ actor: 'lead', actorRoles: [], level: 1, approve: true, comment: 'early' }],
    startWorkflowOperation,
  });
  assert.equal(result as unknown, 'approved');
  const handle = await startWorkflowOperation.workflowHandle();
  await eventually('the move to level 2', until(async () => (await handle.query<number>(C.levelQuery)) === 2), { timeoutMs: 10_000, intervalMs: 100 });
  assert.deepEqual(await handle.query(C.historyQueries.actors), ['lead']);
});

test('2 of 3: one rejection leaves the level open (approval still reachable), the rejecter may not decide again; a second rejection rejects', async () => {
  const continues = await submit('board', '10');
  assert.equal(await decide(continues, 'bob', [], false, 'too much'), 'rejected');
  assert.equal(await continues.query(C.statusQuery), 'pending', 'one rejection of 2-of-3 does not reject');
  await refused(decide(continues, 'bob', []), REFUSALS.alreadyRejected);
  assert.equal(await decide(continues, 'ann', []), 'approved');
  assert.equal(await decide(continues, 'cy', []), 'approved');
  assert.equal(await continues.result(), 'approved');
  assert.deepEqual(await continues.query(C.historyQueries.verdicts), ['rejected', 'approved', 'approved']);

  const rejected = await submit('board', '10');
  assert.equal(await decide(rejected, 'ann', []), 'approved');
  assert.equal(await decide(rejected, 'bob', [], false), 'rejected');
  assert.equal(await decide(rejected, 'cy', [], false, 'no'), 'rejected');
  assert.equal(await rejected.result(), 'rejected', 'two rejections: 2 approvals can no longer be reached');

  // Sequential: a rejection passes the turn on to the next position.
  const inTurn = await submit('boardInTurn', '10');
  assert.equal(await decide(inTurn, 'ann', [], false), 'rejected');
  await refused(decide(inTurn, 'cy', []), REFUSALS.notEligible);
  assert.equal(await decide(inTurn, 'bob', []), 'approved');
  assert.equal(await decide(inTurn, 'cy', []), 'approved');
  assert.equal(await inTurn.result(), 'approved');
});

test("an escalated task's own deadline decides (auto-approve) or escalates once more; the second target decides", async () => {
  const handle = await submit('secondDeadline', '10');
  // Level 1: escalated to boss at 1 s, nobody decides, auto-approved at the second deadline.
  await eventually('level 1 auto-approved after its escalated deadline and level 2 opened', until(async () => (await handle.query<number>(C.levelQuery)) === 2), deadlines);
  await refused(decide(handle, 'zed', ['admin']), REFUSALS.notEligible); // not yet escalated further
  await eventually('level 2 escalated twice', until(async () => (await handle.query<string[]>(C.historyQueries.verdicts)).filter((v) => v === 'escalated').length === 3), deadlines);
  assert.equal(await decide(handle, 'zed', ['admin'], true, 'second escalation'), 'approved');
  assert.equal(await handle.result(), 'approved');
  assert.deepEqual(await handle.query(C.historyQueries.verdicts), ['escalated', 'auto-approved', 'escalated', 'escalated', 'approved']);
  assert.deepEqual(await handle.query(C.historyQueries.comments), [
    'escalated to boss',
    'no decision by the escalated deadline',
    'escalated to boss',
    'escalated further to role admin',
    'second escalation',
  ]);

  const rejected = await submit('escalatedReject', '10');
  assert.equal(await rejected.result(), 'rejected');
  assert.deepEqual(await rejected.query(C.historyQueries.verdicts), ['escalated', 'auto-rejected']);
});

test('the escalation target decides the level alone, also by rejecting', async () => {
  const handle = await submit('escalating', '10');
  await eventually('the escalation', until(() => handle.query<boolean>(C.escalatedQuery)), deadlines);
  assert.equal(await decide(handle, 'boss', [], false, 'no'), 'rejected');
  assert.equal(await handle.result(), 'rejected');
});

test('a decision is bound to the level it was shown at: a second click (or a slower approver) on a decided level never decides the next one', async () => {
  // Two approvals of the same 2-of-3 task at once both count: binding keeps legitimate races.
  const handle = await submit('board', '10');
  const raced = await Promise.allSettled([decide(handle, 'ann', [], true, '', 1), decide(handle, 'bob', [], true, '', 1)]);
  assert.deepEqual(raced.map((r) => r.status), ['fulfilled', 'fulfilled']);
  assert.equal(await handle.result(), 'approved');

  // lead with the approver role may decide level 1 (by name) and level 2 (by role): a double click stays on level 1.
  const twoLevels = await submit('main', '250.00');
  const clicks = await Promise.allSettled([decide(twoLevels, 'lead', ['approver'], true, 'a', 1), decide(twoLevels, 'lead', ['approver'], true, 'b', 1)]);
  assert.equal(clicks.filter((c) => c.status === 'fulfilled').length, 1, 'exactly one click counts');
  const refusal = clicks.find((c) => c.status === 'rejected') as PromiseRejectedResult;
  assert.ok(refusal.reason instanceof WorkflowUpdateFailedError);
  assert.ok([REFUSALS.levelSettled, REFUSALS.alreadyDecided].includes(refusal.reason.cause?.message as never), String(refusal.reason.cause?.message));
  await eventually('level 2 to open', until(async () => (await twoLevels.query<number>(C.levelQuery)) === 2), deadlines);
  await refused(decide(twoLevels, 'lead', ['approver'], true, 'late', 1), REFUSALS.levelSettled);
  await refused(decide(twoLevels, 'lead', ['approver'], true, 'ahead', 3), REFUSALS.levelSettled);
  assert.deepEqual(await twoLevels.query(C.historyQueries.levels), [1], 'level 2 untouched by the level-1 clicks');
  assert.equal(await decide(twoLevels, 'lead', ['approver'], true, 'now level 2', 2), 'approved', 'at level 2 its own task is decided');
});
