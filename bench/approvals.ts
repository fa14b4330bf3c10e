/**
 * Approvals load: BENCH_EXECUTIONS (default 1,000) concurrent executions of a generated approval
 * process on a real Temporal server (TEMPORAL_ADDRESS) and 5 decisions each (5,000) sent in two
 * bursts, duplicates and a wrong user included:
 *   burst 1: a1 approves, and a1 again at the same moment (exactly one may count);
 *   burst 2: mallory (no approver), a2 and a3 at the same moment.
 * Every decision must be acknowledged ("approved") or refused with one of the validators'
 * reasons; afterwards each execution's own history must hold exactly the 3 accepted decisions
 * (none lost, none applied twice) and have moved on to level 2. Prints the figures as a table.
 *
 *   TEMPORAL_ADDRESS=127.0.0.1:7233 node --import tsx bench/approvals.ts
 */
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { startTestWorker } from '../codegen/testing/worker';
import { APPROVAL_CONTRACT as C, generateApprovalDesign, REFUSALS } from '../lib/approvals/generate';
import { ApprovalProcessSpecSchema } from '../lib/approvals/spec';

const EXECUTIONS = Number(process.env.BENCH_EXECUTIONS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const reasons = new Set<string>(Object.values(REFUSALS));

const design = generateApprovalDesign(
  ApprovalProcessSpecSchema.parse({
    name: 'Bench',
    fields: [{ name: 'amount', type: 'money', required: true }],
    levels: [
      { name: 'Team', approvers: [{ kind: 'role', name: 'approver' }], required: 3 },
      { name: 'Finance', approvers: [{ kind: 'user', name: 'fin' }] },
    ],
  }),
);

async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

type Answer = { kind: 'accepted'; ms: number } | { kind: 'refused'; reason: string; ms: number } | { kind: 'lost'; error: string; ms: number };

async function decide(handle: WorkflowHandle, actor: string, roles: string[]): Promise<Answer> {
  const started = performance.now();
  try {
    const result = await handle.executeUpdate<string, [unknown]>(C.decideUpdate, { args: [{ actor, actorRoles: roles, approve: true, comment: '' }] });
    return result === 'approved' ? { kind: 'accepted', ms: performance.now() - started } : { kind: 'lost', error: `unexpected result ${result}`, ms: 0 };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof WorkflowUpdateFailedError && reasons.has(error.cause?.message ?? '')) return { kind: 'refused', reason: error.cause!.message, ms };
    return { kind: 'lost', error: String(error), ms };
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  const env = await startTestWorker(design);
  try {
    const t0 = performance.now();
    const handles = await pool(Array.from({ length: EXECUTIONS }, (_, i) => i), CONCURRENCY, (i) =>
      env.client.workflow.start(design.name, { taskQueue: env.taskQueue, workflowId: `bench-approval-${i}-${nanoid(6)}`, args: [{ amount: '100.00', requester: 'rita' }] }),
    );
    const startMs = performance.now() - t0;
    const burst = async (decisions: [string, string[]][]) => {
      const jobs = handles.flatMap((h) => decisions.map(([actor, roles]) => ({ h, actor, roles })));
      const t = performance.now();
      const answers = await pool(jobs, CONCURRENCY, (j) => decide(j.h, j.actor, j.roles));
      return { answers, ms: performance.now() - t };
    };
    const b1 = await burst([['a1', ['approver']], ['a1', ['approver']]]);
    const b2 = await burst([['mallory', ['viewer']], ['a2', ['approver']], ['a3', ['approver']]]);
    const answers = [...b1.answers, ...b2.answers];
    const accepted = answers.filter((a) => a.kind === 'accepted').length;
    const refused = answers.filter((a) => a.kind === 'refused') as Extract<Answer, { kind: 'refused' }>[];
    const lost = answers.filter((a) => a.kind === 'lost') as Extract<Answer, { kind: 'lost' }>[];
    const byReason = new Map<string, number>();
    for (const r of refused) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);

    const checks = await pool(handles, CONCURRENCY, async (h) => {
      const actors = await h.query<string[]>(C.historyQueries.actors);
      // The flow moves on to level 2 in the workflow task after the third approval: give it a moment.
      const deadline = Date.now() + 10_000;
      while ((await h.query<number>(C.levelQuery)) !== 2) {
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return actors.length === 3 && new Set(actors).size === 3;
    });
    const consistent = checks.filter(Boolean).length;
    const latencies = answers.map((a) => a.ms);
    const rows = [
      ['executions started', `${EXECUTIONS} in ${(startMs / 1000).toFixed(1)} s (${Math.round(EXECUTIONS / (startMs / 1000))}/s)`],
      ['decisions sent', `${answers.length} in ${((b1.ms + b2.ms) / 1000).toFixed(1)} s (${Math.round(answers.length / ((b1.ms + b2.ms) / 1000))}/s, concurrency ${CONCURRENCY})`],
      ['acknowledged', String(accepted)],
      ...[...byReason].map(([reason, n]) => [`refused: ${reason}`, String(n)]),
      ['lost (no answer or another error)', String(lost.length)],
      ['decision latency p50 / p95 / max', `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} / ${Math.max(...latencies).toFixed(0)} ms`],
      ['executions with exactly 3 distinct accepted decisions, at level 2', `${consistent} of ${EXECUTIONS}`],
    ];
    console.log('| measure | value |\n| --- | --- |');
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
    if (lost.length > 0) console.error('first lost:', lost[0]!.error);
    await pool(handles, CONCURRENCY, (h) => h.terminate('benchmark done').catch(() => undefined));
    if (lost.length > 0 || consistent !== EXECUTIONS || accepted !== EXECUTIONS * 3) process.exitCode = 1;
  } finally {
    await env.stop();
  }
}

await main();
