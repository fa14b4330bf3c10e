/**
 * Approvals integrity, from outside (the app's route handlers against a real Temporal server and
 * worker host, as approvals-api.int.test.ts):
 * - a decision is bound to the task it was shown (its level): 20 double clicks by one approver
 *   and 20 races between two approvers, each pair of POSTs sent at once, never decide more than
 *   one level — the second answer is a 422 with the workflow's reason;
 * - a request row and its workflow, a decision and its audit entry never exist one without the
 *   other: hostile text is refused before anything happens, and a failure injected between the
 *   two steps leaves nothing half-done.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { getUserByUsername, listAudit } from '@/db/repository';
import { principalOf, type Principal } from '@/lib/auth/principal';
import { runAs } from '@/lib/auth/context';
import { call, signInNewUser } from '@/testing/api';
import { REFUSALS } from '@/lib/approvals/generate';
import { decide, submitRequest } from '@/lib/approvals/service';
import { getRequest } from '@/lib/approvals/store';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as processesRoute from '../processes/route';
import * as requestRoute from '../requests/[workflowId]/route';
import * as requestsRoute from '../requests/route';
import * as decisionRoute from './[workflowId]/decision/route';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'decision-integrity' });
});
after(() => stack?.stop());

type Session = Awaited<ReturnType<typeof signInNewUser>>;
const PAIRS = 20;

/** Both levels are decided by the approver role: whoever may decide level 1 may decide level 2 too. */
const spec = {
  name: 'Race',
  fields: [{ name: 'item', type: 'string', required: true }],
  levels: [
    { name: 'First', approvers: [{ kind: 'role', name: 'approver' }] },
    { name: 'Second', approvers: [{ kind: 'role', name: 'approver' }] },
  ],
};

let users: { rita: Session; ann: Session; bob: Session; admin: Session };
let processId: string;

async function principal(username: string): Promise<Principal> {
  return principalOf((await getUserByUsername({ username }))!, 'session');
}

async function submit(item = 'x'): Promise<string> {
  const r = await call(requestsRoute.POST, { ...users.rita, body: { processId, fields: { item } } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.request.workflowId;
}

/** The request as its workflow says now (history with each decision's level). */
async function requestNow(workflowId: string) {
  return (await call(requestRoute.GET, { ...users.admin, params: { workflowId } })).body.request;
}

test('setup: a two-level process both of whose levels the approver role decides', { skip, timeout: 240_000 }, async () => {
  users = {
    rita: await signInNewUser('rita', ['requester']),
    ann: await signInNewUser('ann', ['approver']),
    bob: await signInNewUser('bob', ['approver']),
    admin: await signInNewUser('root', ['admin']),
  };
  const created = await call(processesRoute.POST, { ...(await signInNewUser('dora', ['designer'])), body: { spec } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  processId = created.body.process.id;
  await eventually('the worker to serve the process', async () => {
    const r = await call(requestsRoute.POST, { ...users.rita, body: { processId, fields: { item: 'warm-up' } } });
    return r.status === 201 ? r : undefined;
  }, 120_000);
});

test('the decision body must name the task (its level): 400 naming the field, nothing decided', { skip, timeout: 60_000 }, async () => {
  const workflowId = await submit();
  const missing = await call(decisionRoute.POST, { ...users.ann, params: { workflowId }, body: { approve: true, comment: '' } });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.error.field, 'level');
  const shown = await call(requestRoute.GET, { ...users.ann, params: { workflowId } });
  assert.deepEqual(shown.body.request.task, { level: 1, levelName: 'First' }, 'the request page shows the task the approver decides');
  assert.equal(shown.body.request.canDecide, true);
  assert.deepEqual((await requestNow(workflowId)).status.history, []);
});

test(`${PAIRS} double clicks and ${PAIRS} races between two approvers: never more than one level decided per click, every refusal a 422 with its reason`, { skip, timeout: 300_000 }, async () => {
  const doubles = await Promise.all(Array.from({ length: PAIRS }, () => submit()));
  const races = await Promise.all(Array.from({ length: PAIRS }, () => submit()));
  const post = (who: Session, workflowId: string, level: number) => call(decisionRoute.POST, { ...who, params: { workflowId }, body: { approve: true, comment: 'ok', level } });
  const answers = await Promise.all([
    ...doubles.map(async (workflowId) => {
      const { task } = (await call(requestRoute.GET, { ...users.ann, params: { workflowId } })).body.request;
      return { workflowId, pair: await Promise.all([post(users.ann, workflowId, task.level), post(users.ann, workflowId, task.level)]) };
    }),
    ...races.map(async (workflowId) => {
      const [seenByAnn, seenByBob] = await Promise.all([users.ann, users.bob].map(async (who) => (await call(requestRoute.GET, { ...who, params: { workflowId } })).body.request.task));
      return { workflowId, pair: await Promise.all([post(users.ann, workflowId, seenByAnn.level), post(users.bob, workflowId, seenByBob.level)]) };
    }),
  ]);
  for (const { workflowId, pair } of answers) {
    const statuses = pair.map((a) => a.status).sort();
    assert.deepEqual(statuses, [200, 422], `${workflowId}: one decision applied, one refused (${JSON.stringify(pair.map((a) => a.body))})`);
    const refusal = pair.find((a) => a.status === 422)!.body.error;
    assert.equal(refusal.code, 'approval.refused');
    assert.ok([REFUSALS.levelSettled, REFUSALS.alreadyDecided].includes(refusal.message), `a reason, got "${refusal.message}"`);
  }
  // Each workflow's own decision list: exactly one decision, at level 1; level 2 open and untouched.
  for (const workflowId of [...doubles, ...races]) {
    const request = await eventually(`${workflowId} to open level 2`, async () => {
      const r = await requestNow(workflowId);
      return r.status.level === 2 ? r : undefined;
    });
    assert.deepEqual(request.status.history.map((h: { level: number; verdict: string }) => `${h.level}:${h.verdict}`), ['1:approved'], workflowId);
    assert.deepEqual(request.task, { level: 2, levelName: 'Second' });
  }
});

test('hostile text in a request field or a comment is refused with 400 naming the field before anything happens', { skip, timeout: 60_000 }, async () => {
  const before = (await call(requestsRoute.GET, users.rita)).body.total;
  for (const item of ['nul\u0000here', 'lone \ud800 surrogate']) {
    const r = await call(requestsRoute.POST, { ...users.rita, body: { processId, fields: { item } } });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.match(r.body.error.field, /item/);
  }
  assert.equal((await call(requestsRoute.GET, users.rita)).body.total, before, 'no request row (and no workflow: the row is written first)');

  const workflowId = await submit();
  for (const comment of ['nul\u0000here', 'lone \udc00 surrogate']) {
    const r = await call(decisionRoute.POST, { ...users.ann, params: { workflowId }, body: { approve: true, comment, level: 1 } });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.error.field, 'comment');
  }
  assert.deepEqual((await requestNow(workflowId)).status.history, [], 'no decision applied');
  assert.deepEqual((await listAudit({ target: `request:${workflowId}` })).map((e) => e.action), ['approval.submit'], 'and no decision audited');
  // The service itself refuses them too (whatever the route checked before).
  await assert.rejects(runAs(await principal('ann'), async () => decide(await principal('ann'), workflowId, { approve: true, comment: 'a\u0000b', level: 1 })), /comment contains a NUL/);
  await assert.rejects(runAs(await principal('rita'), async () => submitRequest(await principal('rita'), { processId, fields: { item: '\ud800' } })), /fields\.item contains/);
});

test('a workflow start that fails after the request row was written leaves no row', { skip, timeout: 60_000 }, async () => {
  const rita = await principal('rita');
  let started: string | undefined;
  await assert.rejects(
    runAs(rita, () =>
      submitRequest(rita, { processId, fields: { item: 'doomed' } }, {
        start: async (_type, options) => {
          started = options.workflowId;
          assert.ok(await getRequest({ workflowId: options.workflowId }), 'the row is written before the start');
          throw new Error('injected: Temporal unavailable');
        },
      }),
    ),
    /injected/,
  );
  assert.ok(started);
  assert.equal(await getRequest({ workflowId: started }), null, 'the row is removed again');
  assert.deepEqual((await listAudit({ target: `request:${started}` })).map((e) => e.action).reverse(), ['approval.submit', 'approval.submit-failed']);
});

test('a decision is never applied without its audit entry: the attempt is written first, the outcome after', { skip, timeout: 60_000 }, async () => {
  const ann = await principal('ann');
  const failing = (action: string) => async (name: string, target: string, details?: Record<string, unknown>) => {
    if (name === action) throw new Error(`injected: the audit log refuses ${name}`);
    const { auditAsCaller } = await import('@/lib/auth/audit');
    await auditAsCaller(name, target, details);
  };
  // The attempt cannot be written: nothing is sent to the workflow.
  const first = await submit();
  await assert.rejects(runAs(ann, () => decide(ann, first, { approve: true, comment: 'x', level: 1 }, { audit: failing('approval.decide') })), /injected/);
  assert.deepEqual((await requestNow(first)).status.history, [], 'not applied');
  // Only the outcome cannot be written: the decision stands, answered as applied, and the attempt records it.
  const second = await submit();
  assert.deepEqual(await runAs(ann, () => decide(ann, second, { approve: true, comment: 'y', level: 1 }, { audit: failing('approval.approve') })), { result: 'approved' });
  const audit = await listAudit({ target: `request:${second}` });
  const attempt = audit.find((e) => e.action === 'approval.decide');
  assert.deepEqual(attempt && { actor: attempt.actorName, details: attempt.details }, { actor: 'ann', details: { approve: true, level: 1, comment: 'y' } });
  assert.deepEqual((await requestNow(second)).status.history.map((h: { actor: string; comment: string }) => `${h.actor}:${h.comment}`), ['ann:y']);
});

/**
 * The trust model's other half (docs/security.md): whoever reaches Temporal itself, here with the
 * official `temporal` CLI, bypasses the app — so the workflow's validators must still refuse what
 * the app would, and the claim of who decides is only as good as Temporal's own authentication.
 */
test('with the temporal CLI, an attacker meets the same validators: the wrong task and self-approval are refused', { skip: skip || (process.env.TEMPORAL_CLI ? false : 'TEMPORAL_CLI is not set'), timeout: 60_000 }, async () => {
  const workflowId = await submit();
  const decideWithCli = async (args: Record<string, unknown>) => {
    const command = ['workflow', 'update', 'execute', '--address', process.env.TEMPORAL_ADDRESS!, '--namespace', process.env.TEMPORAL_NAMESPACE ?? 'default'];
    command.push('--workflow-id', workflowId, '--name', 'decide', '--input', JSON.stringify(args));
    return promisify(execFile)(process.env.TEMPORAL_CLI!, command).then(
      ({ stdout }) => ({ ok: true, output: stdout }),
      (error: { stdout?: string; stderr?: string }) => ({ ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );
  };
  const base = { actor: 'ann', actorRoles: ['approver'], approve: true, comment: 'from the CLI' };
  const wrongTask = await decideWithCli({ ...base, level: 2 });
  assert.equal(wrongTask.ok, false);
  assert.ok(wrongTask.output.includes(REFUSALS.levelSettled), wrongTask.output);
  const selfApproval = await decideWithCli({ ...base, actor: 'rita', level: 1 });
  assert.equal(selfApproval.ok, false);
  assert.match(selfApproval.output, /requesters may not approve their own requests/);
  assert.deepEqual((await requestNow(workflowId)).status.history, [], 'nothing was decided');
  // A claim the validators accept is accepted: only protecting Temporal (mTLS, an authorizer, API keys) stops it.
  const claimed = await decideWithCli({ ...base, level: 1 });
  assert.equal(claimed.ok, true, claimed.output);
  assert.deepEqual((await requestNow(workflowId)).status.history.map((h: { actor: string }) => h.actor), ['ann']);
});
