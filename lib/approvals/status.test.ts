import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApprovalProcessSpecSchema } from './spec';
import { isApproverOf, openTask, requestStatus } from './status';

const spec = ApprovalProcessSpecSchema.parse({
  name: 'Spend',
  fields: [],
  levels: [
    { name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }], deadline: { amount: 1, unit: 'days' }, onDeadline: { action: 'escalate', to: { kind: 'user', name: 'boss' } } },
    { name: 'Pair', approvers: [{ kind: 'user', name: 'ann' }, { kind: 'user', name: 'bob' }, { kind: 'role', name: 'approver' }], mode: 'sequential', required: 2 },
    { name: 'Big', approvers: [{ kind: 'user', name: 'vp' }], condition: 'true' },
  ],
});

const history = (entries: [number, string, string, string][]) => ({
  decisionLevels: entries.map((e) => e[0]),
  decisionActors: entries.map((e) => e[1]),
  decisionVerdicts: entries.map((e) => e[2]),
  decisionComments: entries.map((e) => e[3]),
});

test('who approved, who is pending (in order for a sequential level), what is skipped or waiting', () => {
  const status = requestStatus(spec, { outcome: 'pending', level: 2, escalated: false, approvals: ['ann'], appliesLevel1: true, appliesLevel2: true, appliesLevel3: false, ...history([[1, 'deadline', 'escalated', 'escalated to boss'], [1, 'boss', 'approved', 'ok'], [2, 'ann', 'approved', '']]) });
  assert.deepEqual(status.levels.map((l) => [l.name, l.state, l.approvedBy, l.pending]), [
    ['Lead', 'approved', ['boss'], []],
    ['Pair', 'open', ['ann'], ['bob']],
    ['Big', 'skipped', [], []],
  ]);
  assert.equal(status.history[0]?.levelName, 'Lead');
});

test('an escalated open level lists the escalation target; a rejection marks the level and leaves the rest unreached', () => {
  const escalated = requestStatus(spec, { outcome: 'pending', level: 1, escalated: true, approvals: [], ...history([[1, 'deadline', 'escalated', '']]) });
  assert.deepEqual(escalated.levels[0]?.pending, ['lead', 'boss']);
  assert.equal(escalated.levels[0]?.escalatedTo, 'boss');
  const rejected = requestStatus(spec, { outcome: 'rejected', level: 1, escalated: false, approvals: [], ...history([[1, 'lead', 'rejected', 'no']]) });
  assert.deepEqual(rejected.levels.map((l) => l.state), ['rejected', 'not reached', 'not reached']);
});

test('without the workflow state the outcome comes from the result', () => {
  assert.equal(requestStatus(spec, null, 'approved').outcome, 'approved');
  assert.equal(requestStatus(spec, null, undefined).outcome, 'unknown');
});

test('approvers of a process: listed users, holders of a listed role, escalation targets', () => {
  assert.equal(isApproverOf(spec, { username: 'boss', roles: [] }), true);
  assert.equal(isApproverOf(spec, { username: 'zed', roles: ['approver'] }), true);
  assert.equal(isApproverOf(spec, { username: 'zed', roles: ['viewer'] }), false);
});

test('the open task: who may decide now, as the eligibility validator counts it', () => {
  const at = (vars: Record<string, unknown>) => openTask(spec, { outcome: 'pending', approvals: [], rejections: [], escalated: false, ...vars });
  assert.deepEqual(at({ level: 1, required: 1 }), { assignees: ['user:lead'], decidedBy: [], inTransition: false });
  assert.deepEqual(at({ level: 1, required: 1, escalated: true }).assignees, ['user:lead', 'user:boss'], 'the escalation target joins the level');
  assert.deepEqual(at({ level: 2, required: 2 }).assignees, ['user:ann'], 'a sequential level: only the first in order');
  assert.deepEqual(at({ level: 2, required: 2, approvals: ['ann'] }), { assignees: ['user:bob'], decidedBy: ['ann'], inTransition: false });
  assert.deepEqual(at({ level: 2, required: 2, rejections: ['ann'], rejectLimit: 2 }), { assignees: ['user:bob'], decidedBy: ['ann'], inTransition: false }, 'N of M: a rejection passes the turn on');
  assert.deepEqual(at({ level: 3, required: 1 }).assignees, ['user:vp']);
  assert.deepEqual(at({ level: 1, required: 1, approvals: ['lead'] }), { assignees: [], decidedBy: ['lead'], inTransition: true }, 'settled: the workflow moves on');
  assert.equal(at({ level: 1, required: 1, rejections: ['lead'], rejectLimit: 1 }).inTransition, true);
  assert.equal(at({ level: 1, required: 1, escalated: true, escalationRejected: true }).inTransition, true);
  assert.deepEqual(openTask(spec, { outcome: 'approved', level: 3 }).assignees, [], 'decided: nobody');
  assert.deepEqual(openTask(spec, null).assignees, []);
  assert.deepEqual(at({ level: 0 }).assignees, [], 'no level applies');
});

test('N of M: a rejection that leaves approval reachable keeps the level open, counts as "rejected so far" and passes the turn on', () => {
  const board = ApprovalProcessSpecSchema.parse({
    name: 'Board',
    fields: [],
    levels: [
      {
        name: 'Board',
        approvers: [{ kind: 'user', name: 'ann' }, { kind: 'user', name: 'bob' }, { kind: 'user', name: 'cy' }],
        required: 2,
        deadline: { amount: 1, unit: 'hours' },
        onDeadline: { action: 'escalate', to: { kind: 'user', name: 'boss' }, deadline: { amount: 1, unit: 'hours' }, then: { action: 'escalate', to: { kind: 'role', name: 'admin' } } },
      },
    ],
  });
  const open = requestStatus(board, { outcome: 'pending', level: 1, approvals: ['ann'], rejections: ['bob'], ...history([[1, 'ann', 'approved', ''], [1, 'bob', 'rejected', 'too much']]) });
  const level = open.levels[0]!;
  assert.equal(level.state, 'open', 'one rejection of 2-of-3 does not reject the level');
  assert.deepEqual([level.approvedBy, level.rejectedBy, level.pending, level.rejectLimit], [['ann'], ['bob'], ['cy'], 2]);
  assert.match(level.rule, /^2 of 3 must approve; the level is rejected at the second rejection/);
  const rejected = requestStatus(board, { outcome: 'rejected', level: 1, approvals: [], rejections: ['bob', 'cy'], ...history([[1, 'bob', 'rejected', ''], [1, 'cy', 'rejected', '']]) });
  assert.equal(rejected.levels[0]?.state, 'rejected');
  const further = requestStatus(board, { outcome: 'pending', level: 1, escalated: true, escalatedAgain: true, approvals: [], rejections: [], ...history([]) });
  assert.equal(further.levels[0]?.escalatedTo, 'boss, then role admin');
  assert.deepEqual(further.levels[0]?.pending, ['ann', 'bob', 'cy', 'boss', 'role admin']);
  assert.equal(isApproverOf(board, { username: 'zed', roles: ['admin'] }), true, 'the second escalation target is an approver of the process');
});
