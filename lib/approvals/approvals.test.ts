import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDesign } from '@/codegen';
import type { NodeOfType } from '@/codegen/design';
import { buildApprovalDesign } from './build';
import { APPROVAL_CONTRACT, generateApprovalDesign, REFUSALS, workflowTypeFor } from './generate';
import { ApprovalProcessSpecSchema, describeRule, rejectionLimit, type ApprovalProcessInput } from './spec';
import { multiLevelApprovalTemplate } from './templates';

function spec(overrides: Partial<ApprovalProcessInput> = {}): ApprovalProcessInput {
  return {
    name: 'Expense claim',
    fields: [
      { name: 'amount', type: 'money', required: true },
      { name: 'reason', type: 'string', required: false },
    ],
    levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }] }],
    ...overrides,
  };
}

function decideNode(input: ApprovalProcessInput): NodeOfType<'update'> {
  const design = generateApprovalDesign(ApprovalProcessSpecSchema.parse(input));
  const node = design.nodes.find((n): n is NodeOfType<'update'> => n.type === 'update' && n.name === APPROVAL_CONTRACT.decideUpdate);
  assert.ok(node, 'the design has the decide update');
  return node;
}

test('every kind of level compiles without errors: modes, N of M, roles, conditions, each deadline action, notify, self-approval', async () => {
  const actions = [undefined, { action: 'approve' }, { action: 'reject' }, { action: 'escalate', to: { kind: 'user', name: 'boss' } }, { action: 'escalate', to: { kind: 'role', name: 'admin' } }] as const;
  let variant = 0;
  for (const mode of ['parallel', 'sequential'] as const) {
    for (const onDeadline of actions) {
      variant++;
      const input = spec({
        allowSelfApproval: variant % 2 === 0,
        notify: variant % 3 === 0,
        levels: [
          {
            name: 'Team',
            approvers: [{ kind: 'user', name: 'ann' }, { kind: 'role', name: 'approver' }, { kind: 'user', name: 'bo.b' }],
            mode,
            required: 2,
            ...(variant % 2 === 0 ? { condition: 'input.amount >= money("1000")' } : {}),
            ...(onDeadline ? { deadline: { amount: 2, unit: 'hours' as const }, onDeadline } : {}),
          },
          { name: 'Finance', approvers: [{ kind: 'role', name: 'approver' }], mode, required: 1 },
        ],
      });
      const result = await buildApprovalDesign(input);
      assert.ok(result.ok, `variant ${mode}/${onDeadline?.action ?? 'none'}: ${JSON.stringify(!result.ok && result.issues)}`);
      const compiled = await compileDesign(result.design);
      assert.deepEqual(compiled.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.equal(compiled.workflowType, 'ExpenseClaimApproval');
    }
  }
});

test("the chapter's multi-level approval is one call: manager; + director from 1,000; + VP from 10,000", async () => {
  const result = await buildApprovalDesign(multiLevelApprovalTemplate({ manager: 'mia', director: 'dan', vp: 'val' }));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  assert.deepEqual(
    result.spec.levels.map((l) => [l.name, l.approvers[0]?.name, l.condition ?? null]),
    [
      ['Manager', 'mia', null],
      ['Director', 'dan', 'input.amount >= money("1000")'],
      ['VP', 'val', 'input.amount >= money("10000")'],
    ],
  );
  assert.equal(result.design.name, 'PurchaseRequestApproval');
  const conditions = result.design.variables.filter((v) => v.name.startsWith('appliesLevel')).map((v) => v.initial);
  assert.deepEqual(conditions, ['true', 'input.amount >= money("1000")', 'input.amount >= money("10000")']);
  assert.ok(result.design.input.some((f) => f.name === 'requester' && f.required), 'the requester is recorded in the input');
});

test('the decide validators check, in order: still pending, the task shown is the open level, level open, not self, eligible, not twice', () => {
  const node = decideNode(spec());
  const messages = node.validators.map((v) => v.message);
  assert.deepEqual(messages, [
    REFUSALS.notPending,
    REFUSALS.levelSettled,
    REFUSALS.levelSettled,
    REFUSALS.selfApproval,
    REFUSALS.notEligible,
    REFUSALS.alreadyDecided,
    REFUSALS.alreadyRejected,
    REFUSALS.tooManyDecisions,
  ]);
  assert.equal(node.validators[1]?.condition, 'args.level == level', 'a decision is bound to the level it was shown at');
  assert.ok(node.checks?.some((c) => c.condition === 'args.level == level'), 'checked again inside the handler');
  assert.ok(node.parameters.some((p) => p.name === APPROVAL_CONTRACT.taskLevelParameter && p.required));
  assert.ok(!decideNode(spec({ allowSelfApproval: true })).validators.some((v) => v.message === REFUSALS.selfApproval), 'no self-approval rule when allowed');
  const eligible = decideNode(spec({ levels: [{ name: 'L', approvers: [{ kind: 'user', name: 'ann' }, { kind: 'role', name: 'approver' }], mode: 'sequential', required: 2 }] })).validators.find(
    (v) => v.message === REFUSALS.notEligible,
  );
  assert.equal(
    eligible?.condition,
    'level == 1 && ((len(approvals) + len(rejections) == 0 && args.actor == "ann") || (len(approvals) + len(rejections) == 1 && contains(args.actorRoles, "approver")))',
    'a sequential position decides once, approving or rejecting, then the next one is due',
  );
});

test('bad specs are refused with the field that is wrong', async () => {
  const cases: [ApprovalProcessInput, string, RegExp][] = [
    [spec({ levels: [{ name: 'L', approvers: [{ kind: 'user', name: 'al' }], required: 2 }] }), 'levels.0.required', /needs 2 approvals but only 1 approver is listed/],
    [spec({ levels: [{ name: 'L', approvers: [{ kind: 'role', name: 'manager' }] }] }), 'levels.0.approvers.0.name', /is not a role/],
    [spec({ levels: [{ name: 'L', approvers: [{ kind: 'user', name: 'a" || true || "' }] }] }), 'levels.0.approvers.0.name', /must be a username or role/],
    [spec({ fields: [{ name: 'requester', type: 'string' }] }), 'fields.0.name', /reserved/],
    [spec({ fields: [{ name: 'a', type: 'string' }, { name: 'a', type: 'number' }] }), 'fields.1.name', /used by two fields/],
    [spec({ levels: [{ name: 'L', approvers: [{ kind: 'user', name: 'al' }], deadline: { amount: 1, unit: 'days' } }] }), 'levels.0.onDeadline', /escalate, approve or reject/],
    [spec({ levels: [] }), 'levels', /at least one level/],
    [spec({ levels: [{ name: 'L', approvers: [{ kind: 'user', name: 'al' }], condition: 'input.amont >= money("5")' }] }), 'levels.0.condition', /Condition of level 1 \(L\): input has no field 'amont'.*did you mean 'amount'/],
  ];
  for (const [input, path, message] of cases) {
    const result = await buildApprovalDesign(input);
    assert.ok(!result.ok, `expected ${path} to be refused`);
    const issue = result.issues.find((i) => i.path === path);
    assert.ok(result.issues.every((i) => i.path !== ''), `only located issues: ${JSON.stringify(result.issues)}`);
    assert.ok(issue, `no issue at ${path}: ${JSON.stringify(result.issues)}`);
    assert.match(issue.message, message);
  }
});

test('names and text from the form stay data: a hostile process name and labels still compile', async () => {
  const result = await buildApprovalDesign(
    spec({ name: '</script><b>"; process.exit(1); //', description: '`${x}`', levels: [{ name: '"); throw 1; ("', approvers: [{ kind: 'user', name: 'O.Neil' }] }] }),
  );
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  assert.equal(workflowTypeFor('</script><b>"; process.exit(1); //'), 'ScriptBProcessExit1Approval');
  const compiled = await compileDesign(result.design);
  assert.ok(compiled.ok);
  const eligible = result.design.nodes.find((n): n is NodeOfType<'update'> => n.type === 'update')?.validators.find((v) => v.message === REFUSALS.notEligible);
  assert.equal(eligible?.condition, 'level == 1 && (args.actor == "o.neil")', 'usernames are matched as accounts spell them (lower case)');
});

test('N of M: a level is rejected once N approvals can no longer be reached (M − N + 1 rejections); a parallel role level keeps the veto', () => {
  const users = (n: number) => Array.from({ length: n }, (_, k) => ({ kind: 'user' as const, name: `user${k}` }));
  const role = { kind: 'role' as const, name: 'approver' };
  assert.equal(rejectionLimit({ approvers: users(3), mode: 'parallel', required: 2 }), 2);
  assert.equal(rejectionLimit({ approvers: users(3), mode: 'parallel', required: 3 }), 1);
  assert.equal(rejectionLimit({ approvers: users(5), mode: 'parallel', required: 1 }), 5);
  assert.equal(rejectionLimit({ approvers: [role, ...users(2)], mode: 'sequential', required: 2 }), 2, 'sequential: each position is one of M');
  assert.equal(rejectionLimit({ approvers: [role, ...users(2)], mode: 'parallel', required: 2 }), 1, 'who else holds the role is not known');
  assert.equal(describeRule({ approvers: users(3), mode: 'parallel', required: 2 }), '2 of 3 must approve; the level is rejected at the second rejection (then 2 approvals can no longer be reached)');
  assert.equal(describeRule({ approvers: [role], mode: 'parallel', required: 2 }), '2 of role approver must approve; any rejection rejects the level');

  const design = generateApprovalDesign(
    ApprovalProcessSpecSchema.parse(
      spec({
        levels: [
          { name: 'Board', approvers: users(3), required: 2, condition: 'input.amount >= money("10")' },
          { name: 'Lead', approvers: [role], required: 1 },
        ],
      }),
    ),
  );
  const variable = design.variables.find((v) => v.name === 'rejectLimit');
  assert.equal(variable?.initial, '(input.amount >= money("10")) ? 2 : (1)', 'the first applicable level is open from the start with its limit');
  const open = design.nodes.find((n): n is NodeOfType<'assign'> => n.id === 'level-1-open');
  assert.ok(open?.assignments.some((a) => a.variable === 'rejectLimit' && a.value === '2'));
  const wait = design.nodes.find((n): n is NodeOfType<'wait'> => n.id === 'level-1-wait');
  assert.equal(wait?.condition, '(len(rejections) >= rejectLimit || escalationRejected) || len(approvals) >= required || escalationApproved');
  const verdict = design.nodes.find((n): n is NodeOfType<'decision'> => n.id === 'level-1-verdict');
  assert.equal(verdict?.branches[0]?.condition, '(len(rejections) >= rejectLimit || escalationRejected)', 'not "any rejection"');
});

test("an escalated task has its own deadline: auto-approve, auto-reject or escalate further once, each compiled into the level's wait logic", async () => {
  const escalating = (then: Record<string, unknown> | undefined, deadline: boolean) =>
    spec({
      levels: [
        {
          name: 'Lead',
          approvers: [{ kind: 'user', name: 'lead' }],
          deadline: { amount: 1, unit: 'days' },
          onDeadline: { action: 'escalate', to: { kind: 'user', name: 'boss' }, ...(deadline ? { deadline: { amount: 2, unit: 'hours' } } : {}), ...(then ? { then } : {}) } as never,
        },
      ],
    });
  for (const [then, node, target] of [
    [{ action: 'approve' }, 'level-1-escalated-auto-approve', 'finish-approved'],
    [{ action: 'reject' }, 'level-1-escalated-auto-reject', 'finish-rejected'],
    [{ action: 'escalate', to: { kind: 'role', name: 'admin' } }, 'level-1-escalate-again', 'level-1-wait-escalated-again'],
  ] as const) {
    const result = await buildApprovalDesign(escalating(then, true));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
    const wait = result.design.nodes.find((n): n is NodeOfType<'wait'> => n.id === 'level-1-wait-escalated');
    assert.deepEqual(wait?.timeout, { amount: 2, unit: 'hours' }, `${then.action}: the escalated wait has the second deadline`);
    assert.ok(result.design.edges.some((e) => e.source === 'level-1-wait-escalated' && e.sourceHandle === 'timeout' && e.target === node), `${then.action}: timeout → ${node}`);
    assert.ok(result.design.edges.some((e) => e.source === node && e.target === target), `${node} → ${target}`);
  }
  const further = decideNode(escalating({ action: 'escalate', to: { kind: 'role', name: 'admin' } }, true));
  assert.equal(
    further.validators.find((v) => v.message === REFUSALS.notEligible)?.condition,
    'level == 1 && ((args.actor == "lead") || ((escalated && args.actor == "boss") || (escalatedAgain && contains(args.actorRoles, "admin"))))',
    'the second target may decide once escalated again; the first keeps the right',
  );
  const noSecond = await buildApprovalDesign(escalating(undefined, false));
  assert.ok(noSecond.ok);
  assert.equal(noSecond.design.nodes.find((n): n is NodeOfType<'wait'> => n.id === 'level-1-wait-escalated')?.timeout, undefined, 'without a second deadline the escalated task waits');

  const refusals: [ApprovalProcessInput, string, RegExp][] = [
    [escalating({ action: 'approve' }, false), 'levels.0.onDeadline.deadline', /is needed for what happens at the escalated task's deadline/],
    [escalating(undefined, true), 'levels.0.onDeadline.then', /escalate further, approve or reject/],
    [escalating({ action: 'escalate', to: { kind: 'user', name: 'boss' } }, true), 'levels.0.onDeadline.then.to.name', /already who the task was escalated to/],
  ];
  for (const [input, path, message] of refusals) {
    const result = await buildApprovalDesign(input);
    assert.ok(!result.ok, `expected ${path} to be refused`);
    assert.match(result.issues.find((i) => i.path === path)?.message ?? JSON.stringify(result.issues), message);
  }
});
