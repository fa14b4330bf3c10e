/**
 * Inbox page latency with many running requests: BENCH_REQUESTS (default 1,000) requests of a
 * one-level process, all waiting for the same approver, submitted through the REST API against a
 * real Temporal server (TEMPORAL_ADDRESS) with a worker host and the embedded database (the test stack,
 * testing/stack.ts: a database of its own on TEST_DATABASE_URL's server when that is set). Then:
 *   before — the previous inbox (kept below as `perRequestInbox`): every running execution of the
 *            process from visibility, a canDecide query for each, then describe + designer-state
 *            query + pending timers (history) for each task: ~4 Temporal calls per running request,
 *            every task in one answer;
 *   after  — GET /api/inbox?page=…&pageSize=25 (lib/approvals/tasks.ts): the task projection in
 *            SQL, one canDecide query per task shown.
 * Prints a table of medians / p95 over BENCH_RUNS runs (default 10 after, 3 before).
 *
 *   TEMPORAL_ADDRESS=127.0.0.1:7233 node --import tsx bench/inbox.ts
 */
import { DESIGNER_STATE_QUERY, SEARCH_ATTRIBUTES, type DesignerState } from '@/codegen/design';
import { call, signInNewUser } from '@/testing/api';
import { APPROVAL_CONTRACT } from '@/lib/approvals/generate';
import { requestStatus } from '@/lib/approvals/status';
import { getProcess, getRequests } from '@/lib/approvals/store';
import { pendingTimers } from '@/lib/executions/history';
import { visibilityLiteral } from '@/lib/executions/list';
import { getTemporalClient } from '@/lib/temporal-client';
import { startTestStack } from '@/testing/stack';
import * as inboxRoute from '@/app/api/inbox/route';
import * as processesRoute from '@/app/api/processes/route';
import * as requestsRoute from '@/app/api/requests/route';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const BEFORE_RUNS = Number(process.env.BENCH_BEFORE_RUNS ?? 3);
const CONCURRENCY = 16;
const PAGE_SIZE = 25;

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; p95: number; max: number; last: unknown }> {
  const ms: number[] = [];
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  return { median: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms), last };
}

/** The inbox as it was before the task projection (lib/approvals/service.ts `inbox`, one process). */
async function perRequestInbox(processId: string, actor: { username: string; roles: string[] }): Promise<number> {
  const process = (await getProcess({ id: processId }))!;
  const client = await getTemporalClient();
  const ids: string[] = [];
  const query = `${SEARCH_ATTRIBUTES.design.name} = ${visibilityLiteral(process.designId)} AND ExecutionStatus = 'Running'`;
  for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
  const mine = (
    await Promise.all(
      ids.map(async (id) =>
        (await client.workflow.getHandle(id).query<boolean, [unknown]>(APPROVAL_CONTRACT.canDecideQuery, { actor: actor.username, actorRoles: actor.roles, level: 1 /* its process has one level */ }).catch(() => false)) ? id : null,
      ),
    )
  ).filter((id): id is string => id !== null);
  const requests = await getRequests({ workflowIds: mine });
  const views = await Promise.all(
    requests.map(async (r) => {
      const handle = client.workflow.getHandle(r.workflowId);
      const description = await handle.describe();
      const state = await handle.query<DesignerState>(DESIGNER_STATE_QUERY).catch(() => null);
      const timers = await pendingTimers({ workflowId: description.workflowId, runId: description.runId, historyLength: description.historyLength }).catch(() => []);
      return { r, deadline: timers[0]?.firesAt ?? null, status: requestStatus(process.spec, state?.variables ?? null) };
    }),
  );
  return views.length;
}

async function main() {
  if (!process.env.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is not set');
  const stack = await startTestStack({ name: 'bench-inbox' });
  try {
    const designer = await signInNewUser('bench-dora', ['designer']);
    const rita = await signInNewUser('bench-rita', ['requester']);
    const ann = await signInNewUser('bench-ann', ['approver']);
    const spec = { name: 'Bench inbox', fields: [{ name: 'item', type: 'string', required: true }], levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'bench-ann' }] }] };
    const created = await call(processesRoute.POST, { ...designer, body: { spec } });
    if (created.status !== 201) throw new Error(`process: ${JSON.stringify(created.body)}`);
    const processId: string = created.body.process.id;

    const t0 = performance.now();
    let failed = 0;
    await pool(Array.from({ length: REQUESTS }, (_, i) => i), CONCURRENCY, async (i) => {
      for (let attempt = 0; attempt < 50; attempt++) {
        const r = await call(requestsRoute.POST, { ...rita, body: { processId, fields: { item: `item ${i}` } } });
        if (r.status === 201) return;
        await new Promise((resolve) => setTimeout(resolve, 300)); // the worker may not serve the process yet
      }
      failed += 1;
    });
    const submitMs = performance.now() - t0;

    const page = (n: number, extra = '') => async () => {
      const r = await call(inboxRoute.GET, { ...ann, url: `http://localhost/api/inbox?page=${n}&pageSize=${PAGE_SIZE}${extra}` });
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
      return r.body;
    };
    await page(1)(); // warm-up (and any stale rows read once)
    const first = await timed(RUNS, page(1));
    const lastPage = Math.ceil(REQUESTS / PAGE_SIZE);
    const last = await timed(RUNS, page(lastPage, '&sort=deadline'));
    const search = await timed(RUNS, page(1, '&q=item%2042'));
    const mine = await timed(RUNS, async () => (await call(requestsRoute.GET, { ...rita, url: `http://localhost/api/requests?pageSize=20` })).body);
    const before = await timed(BEFORE_RUNS, () => perRequestInbox(processId, { username: 'bench-ann', roles: ['approver'] }));

    const body = first.last as { total: number; tasks: unknown[] };
    const matches = (search.last as { total: number }).total;
    const rows: [string, string][] = [
      ['requests submitted (through POST /api/requests, concurrency 16)', `${REQUESTS - failed} of ${REQUESTS} in ${(submitMs / 1000).toFixed(1)} s`],
      ['inbox total / tasks on page 1', `${body.total} / ${body.tasks.length}`],
      [`before: whole inbox, ~4 Temporal calls per running request (median / p95 / max of ${BEFORE_RUNS})`, `${before.median.toFixed(0)} / ${before.p95.toFixed(0)} / ${before.max.toFixed(0)} ms (${String(before.last)} tasks)`],
      [`after: GET /api/inbox page 1 of ${lastPage}, ${PAGE_SIZE} per page (median / p95 / max of ${RUNS})`, `${first.median.toFixed(0)} / ${first.p95.toFixed(0)} / ${first.max.toFixed(0)} ms`],
      [`after: page ${lastPage}, sorted by deadline`, `${last.median.toFixed(0)} / ${last.p95.toFixed(0)} / ${last.max.toFixed(0)} ms`],
      [`after: page 1 with a text filter (${matches} matches)`, `${search.median.toFixed(0)} / ${search.p95.toFixed(0)} / ${search.max.toFixed(0)} ms`],
      ['after: GET /api/requests page 1 (20 per page, the requester)', `${mine.median.toFixed(0)} / ${mine.p95.toFixed(0)} / ${mine.max.toFixed(0)} ms`],
    ];
    console.log('\n| measure | value |\n| --- | --- |');
    for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
