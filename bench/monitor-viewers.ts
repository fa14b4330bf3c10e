/**
 * Viewers vs Temporal calls: 10 running executions of the approval example watched by 1, 10 and
 * 100 open execution pages — live streams opened through the events route
 * (GET /api/executions/{id}/events, in-process) and read continuously, spread evenly over the
 * executions — and the gRPC calls the app's Temporal client makes per second while they watch
 * (lib/temporal-calls.ts), with the app process's CPU and the load average.
 *
 * `--baseline` adds the same cases with per-viewer polling (each stream its own watcher, as every
 * stream did before lib/executions/watcher.ts) for comparison.
 *   node --import tsx bench/monitor-viewers.ts [--seconds 10] [--baseline]
 * Prints the markdown for docs/benchmarks.md, "Monitor: viewers vs Temporal calls".
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as eventsRoute from '@/app/api/executions/[workflowId]/events/route';
import { createDesign } from '@/db/repository';
import type { Principal } from '@/lib/auth/principal';
import { deployDesignVersion } from '@/lib/deploy/pipeline';
import { readableExecution } from '@/lib/executions/access';
import { describeExecution, startExecution } from '@/lib/executions/service';
import { executionWatchers, streamExecution } from '@/lib/executions/stream';
import { WatcherRegistry } from '@/lib/executions/watcher';
import { temporalCalls, temporalCallsSince } from '@/lib/temporal-calls';
import { testSessionCookie } from '@/testing/api';
import { startBenchEnv } from './monitor-env';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, baseline: { type: 'boolean', default: false } } });
const WINDOW_MS = Number(values.seconds) * 1000;
const EXECUTIONS = 10;
const VIEWER_COUNTS = [1, 10, 100];
const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

interface Viewer {
  details(): number;
  close(): Promise<void>;
}

/** Reads a live stream as the page's EventSource would, counting its `execution` events. */
function reading(body: ReadableStream<Uint8Array>, abort: () => void): Viewer {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let details = 0;
  let tail = '';
  const done = (async () => {
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) return;
      const text = tail + decoder.decode(value, { stream: true });
      details += text.split('event: execution\n').length - 1;
      tail = text.slice(-20);
    }
  })().catch(() => undefined);
  return {
    details: () => details,
    async close() {
      abort();
      await reader.cancel().catch(() => undefined);
      await done;
    },
  };
}

type Opener = (workflowId: string) => Promise<Viewer>;

interface CaseResult {
  viewers: number;
  callsPerSecond: number;
  byMethod: Record<string, number>;
  cpuPercent: number;
  load: number;
  watchers: number;
}

async function measure(workflowIds: string[], viewers: number, open: Opener, watchersNow: () => number): Promise<CaseResult> {
  const opened = await Promise.all(Array.from({ length: viewers }, (_, i) => open(workflowIds[i % workflowIds.length]!)));
  for (let waited = 0; opened.some((v) => v.details() === 0); waited += 50) {
    if (waited > 30_000) throw new Error('viewers got no first detail within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000)); // past the opening checks
  const watchers = watchersNow();
  const before = temporalCalls();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const calls = temporalCallsSince(before);
  const load = loadavg()[0]!;
  await Promise.all(opened.map((v) => v.close()));
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the watchers stop
  return {
    viewers,
    callsPerSecond: calls.total / seconds,
    byMethod: Object.fromEntries(Object.entries(calls.byMethod).map(([m, n]) => [m, n / seconds])),
    cpuPercent: ((cpu.user + cpu.system) / 1000 / (seconds * 1000)) * 100,
    load,
    watchers,
  };
}

const env = await startBenchEnv({ workerPollMs: 300 });
try {
  const { id } = await createDesign({ design: approval });
  const deployed = await deployDesignVersion({ designId: id });
  if (!deployed.ok) throw new Error(JSON.stringify(deployed.diagnostics));
  const workflowIds: string[] = [];
  for (let i = 0; i < EXECUTIONS; i++) workflowIds.push((await startExecution({ designId: id, input: { requestId: `V${i}` } })).workflowId);
  const cookie = await testSessionCookie(['admin']);
  // The per-viewer baseline checks access as an admin, as the route does for the cookie's user.
  const admin: Principal = { id: 'bench', username: 'bench', displayName: 'Bench', roles: ['admin'], via: 'session' };

  const shared: Opener = async (workflowId) => {
    const controller = new AbortController();
    const response = await eventsRoute.GET(new Request(`http://localhost/api/executions/${workflowId}/events`, { headers: { cookie }, signal: controller.signal }), {
      params: Promise.resolve({ workflowId }),
    });
    if (response.status !== 200) throw new Error(`events route answered ${response.status}: ${await response.text()}`);
    return reading(response.body!, () => controller.abort());
  };
  const perViewerRegistries = new Set<WatcherRegistry>();
  const perViewer: Opener = async (workflowId) => {
    const watchers = new WatcherRegistry({ describe: describeExecution, pollMs: 250, retryMs: 2000 });
    perViewerRegistries.add(watchers);
    const controller = new AbortController();
    const body = await streamExecution({
      workflowId,
      signal: controller.signal,
      watchers,
      readableRun: async (runId) => (await readableExecution(admin, workflowId, runId)).description.runId,
    });
    return reading(body, () => {
      controller.abort();
      perViewerRegistries.delete(watchers);
    });
  };

  const rows: string[] = [];
  const results: { mode: string; result: CaseResult }[] = [];
  const modes: [string, Opener, () => number][] = [['shared watcher', shared, () => executionWatchers().size]];
  if (values.baseline) modes.push(['per-viewer polling (before)', perViewer, () => [...perViewerRegistries].reduce((n, r) => n + r.size, 0)]);
  for (const [mode, open, watchersNow] of modes) {
    for (const viewers of VIEWER_COUNTS) {
      const result = await measure(workflowIds, viewers, open, watchersNow);
      results.push({ mode, result });
      const methods = Object.entries(result.byMethod).map(([m, r]) => `${m} ${r.toFixed(1)}`).join(', ');
      console.log(`${mode}, ${viewers} viewers: ${result.callsPerSecond.toFixed(1)} calls/s (${methods}), ${result.watchers} watchers, app CPU ${result.cpuPercent.toFixed(0)} %, load ${result.load.toFixed(2)}`);
      rows.push(
        `| ${mode} | ${viewers} | ${Math.min(viewers, EXECUTIONS)} | ${result.watchers} | **${result.callsPerSecond.toFixed(1)}** | ${(result.byMethod.DescribeWorkflowExecution ?? 0).toFixed(1)} / ${(result.byMethod.QueryWorkflow ?? 0).toFixed(1)} | ${result.cpuPercent.toFixed(0)} % | ${result.load.toFixed(2)} |`,
      );
    }
  }
  const sharedAt = (n: number) => results.find((r) => r.mode === 'shared watcher' && r.result.viewers === n)!.result.callsPerSecond;
  console.log(`\n${EXECUTIONS} running executions of the approval example; viewers spread evenly over them (1 viewer: one execution watched). Each case: ${values.seconds} s after every stream got its first detail. Measured ${new Date().toISOString().slice(0, 10)}.

| polling | viewers | executions watched | watchers | Temporal calls/s | describe / query per s | app CPU | load avg (1 min) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

100 viewers / 10 viewers (shared): ${(sharedAt(100) / sharedAt(10)).toFixed(2)}×.`);
} finally {
  await env.stop();
}
process.exit(0);
