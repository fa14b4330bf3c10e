/**
 * Approvals load: BENCH_EXECUTIONS (default 1,000) concurrent executions of a generated approval
 * process on a real Temporal server (TEMPORAL_ADDRESS), and 9 decisions each sent in two bursts
 * with double clicks, races and a wrong user mixed in. Every decision names the task it was shown
 * (its level), as the inbox sends it. Levels 1 and 2 are both decided by the approver role, so a
 * late click on level 1 could decide level 2 if decisions were not bound to their level:
 *   burst 1, level 1 (2 approvals needed), all at once: a1 twice (a double click), a2 and a3 (racing);
 *   burst 2, once level 2 is open, all at once: a4 twice (a double click), a5 (racing), mallory
 *   (no approver), and a3 again with level 1 (a slow click on the task it saw before).
 * Every decision must be acknowledged ("approved") or refused with one of the validators' reasons;
 * afterwards each execution's own decision lists must hold exactly the accepted decisions, each at
 * the level it was sent for (none lost, none applied twice, none to another level), 2 at level 1
 * and 1 at level 2, and the execution must wait at level 3. Prints the figures as a table.
 *
 *   TEMPORAL_ADDRESS=127.0.0.1:7233 BENCH_EXECUTIONS=200 node --import tsx bench/approvals.ts
 */
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { startTestWorker } from '@/codegen/testing/worker';
import { APPROVAL_CONTRACT as C, generateApprovalDesign, REFUSALS } from '@/lib/approvals/generate';
import { ApprovalProcessSpecSchema } from '@/lib/approvals/spec';

const EXECUTIONS = Number(process.env.BENCH_EXECUTIONS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const reasons = new Set<string>(Object.values(REFUSALS));

const design = generateApprovalDesign(
  ApprovalProcessSpecSchema.parse({
    name: 'Bench',
    fields: [{ name: 'amount', type: 'money', required: true }],
    levels: [
      { name: 'Team', approvers: [{ kind: 'role', name: 'approver' }], required: 2 },
      { name: 'Finance', approvers: [{ kind: 'role', name: 'approver' }] },
      // Nobody decides here: the execution stays running, so late clicks meet a running workflow.
      { name: 'Board', approvers: [{ kind: 'user', name: 'board' }] },
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

interface Click {
  actor: string;
  roles: string[];
  /** The level of the task the click was made on. */
  level: number;
  kind: 'double click' | 'race' | 'wrong user' | 'late click';
}

type Answer = { kind: 'accepted'; ms: number } | { kind: 'refused'; reason: string; ms: number } | { kind: 'lost'; error: string; ms: number };

async function decide(handle: WorkflowHandle, click: Click): Promise<Answer> {
  const started = performance.now();
  try {
    const result = await handle.executeUpdate<string, [unknown]>(C.decideUpdate, {
      args: [{ actor: click.actor, actorRoles: click.roles, [C.taskLevelParameter]: click.level, approve: true, comment: click.kind }],
    });
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

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

const approver = (actor: string, level: number, kind: Click['kind']): Click => ({ actor, roles: ['approver'], level, kind });
const BURST_1: Click[] = [approver('a1', 1, 'double click'), approver('a1', 1, 'double click'), approver('a2', 1, 'race'), approver('a3', 1, 'race')];
const BURST_2: Click[] = [
  approver('a4', 2, 'double click'),
  approver('a4', 2, 'double click'),
  approver('a5', 2, 'race'),
  { actor: 'mallory', roles: ['viewer'], level: 2, kind: 'wrong user' },
  approver('a3', 1, 'late click'),
];

async function main() {
  const env = await startTestWorker(design);
  try {
    const t0 = performance.now();
    const handles = await pool(Array.from({ length: EXECUTIONS }, (_, i) => i), CONCURRENCY, (i) =>
      env.client.workflow.start(design.name, { taskQueue: env.taskQueue, workflowId: `bench-approval-${i}-${nanoid(6)}`, args: [{ amount: '100.00', requester: 'rita' }] }),
    );
    const startMs = performance.now() - t0;
    // Each execution's clicks of a burst are sent at the same moment (Promise.all), executions `CONCURRENCY` at a time.
    const burst = async (clicks: Click[], before?: (h: WorkflowHandle) => Promise<unknown>) => {
      const t = performance.now();
      const perExecution = await pool(handles, Math.max(1, Math.floor(CONCURRENCY / clicks.length)), async (h) => {
        await before?.(h);
        return Promise.all(clicks.map(async (click) => ({ click, answer: await decide(h, click) })));
      });
      return { perExecution, ms: performance.now() - t };
    };
    const b1 = await burst(BURST_1);
    // The task of level 2 is shown once level 2 is open (as the inbox shows it).
    const b2 = await burst(BURST_2, (h) => until(async () => (await h.query<number>(C.levelQuery)) === 2));
    const all = [...b1.perExecution.flat(), ...b2.perExecution.flat()];
    const answers = all.map((a) => a.answer);
    const accepted = answers.filter((a) => a.kind === 'accepted').length;
    const lost = answers.filter((a) => a.kind === 'lost') as Extract<Answer, { kind: 'lost' }>[];
    const byReason = new Map<string, number>();
    for (const { click, answer } of all) {
      if (answer.kind !== 'refused') continue;
      const key = `${click.kind}: ${answer.reason}`;
      byReason.set(key, (byReason.get(key) ?? 0) + 1);
    }

    // Each execution's own decision lists against what was acknowledged.
    let exact = 0;
    let appliedTwice = 0;
    let otherLevel = 0;
    let missing = 0;
    await pool(
      handles.map((h, i) => ({ h, clicks: [...b1.perExecution[i]!, ...b2.perExecution[i]!] })),
      CONCURRENCY,
      async ({ h, clicks }) => {
        const atLevel3 = await until(async () => (await h.query<number>(C.levelQuery)) === 3);
        const [levels, actors] = await Promise.all([h.query<number[]>(C.historyQueries.levels), h.query<string[]>(C.historyQueries.actors)]);
        const recorded = levels.map((level, k) => `${level}:${actors[k]}`);
        const acknowledged = clicks.filter((c) => c.answer.kind === 'accepted').map((c) => `${c.click.level}:${c.click.actor}`);
        appliedTwice += recorded.length - new Set(recorded).size;
        missing += acknowledged.filter((a) => !recorded.includes(a)).length;
        // Recorded, but at a level its click was not sent for (or never acknowledged).
        otherLevel += recorded.filter((r) => !acknowledged.includes(r)).length;
        const shape = levels.filter((l) => l === 1).length === 2 && levels.filter((l) => l === 2).length === 1 && levels.length === 3;
        if (atLevel3 && shape && recorded.length === acknowledged.length && new Set(recorded).size === recorded.length && acknowledged.every((a) => recorded.includes(a))) exact++;
      },
    );
    const latencies = answers.map((a) => a.ms);
    const rows = [
      ['executions started', `${EXECUTIONS} in ${(startMs / 1000).toFixed(1)} s (${Math.round(EXECUTIONS / (startMs / 1000))}/s)`],
      ['decisions sent', `${answers.length} in ${((b1.ms + b2.ms) / 1000).toFixed(1)} s (${Math.round(answers.length / ((b1.ms + b2.ms) / 1000))}/s, concurrency ${CONCURRENCY})`],
      ['acknowledged', String(accepted)],
      ...[...byReason].sort().map(([reason, n]) => [`refused (${reason})`, String(n)]),
      ['lost (no answer or another error)', String(lost.length)],
      ['acknowledged but not recorded at the level clicked', String(missing)],
      ['applied twice', String(appliedTwice)],
      ['applied to another level than the one clicked', String(otherLevel)],
      ['decision latency p50 / p95 / max', `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} / ${Math.max(...latencies).toFixed(0)} ms`],
      ['executions whose history is exactly what was acknowledged (2 at level 1, 1 at level 2, now at level 3)', `${exact} of ${EXECUTIONS}`],
    ];
    console.log('| measure | value |\n| --- | --- |');
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
    if (lost.length > 0) console.error('first lost:', lost[0]!.error);
    await pool(handles, CONCURRENCY, (h) => h.terminate('benchmark done').catch(() => undefined));
    if (lost.length > 0 || missing > 0 || appliedTwice > 0 || otherLevel > 0 || exact !== EXECUTIONS || accepted !== EXECUTIONS * 3) process.exitCode = 1;
  } finally {
    await env.stop();
  }
}

await main();
