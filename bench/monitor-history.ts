/**
 * The monitor on a long history: one execution with ~10,000 events (a counter design receiving
 * thousands of signals while it waits), then the costs the execution page pays:
 *   - the detail (GET /api/executions/{id}): first call (scans the history once for pending
 *     timers) and after one more signal (reads only the new events);
 *   - the first page of the timeline, and paging through the whole history.
 * The page itself renders only the rows in view (virtualised), whatever the length.
 *   node --import tsx bench/monitor-history.ts [--signals 4000] [--write]
 */
import { parseArgs } from 'node:util';
import { createDesign } from '@/db/repository';
import { deployDesignVersion } from '@/lib/deploy/pipeline';
import { historyPage } from '@/lib/executions/history';
import { describeExecution, startExecution } from '@/lib/executions/service';
import { getTemporalClient } from '@/lib/temporal-client';
import { startBenchEnv, writeMonitorSection } from './monitor-env';

const { values } = parseArgs({ options: { signals: { type: 'string', default: '4000' }, write: { type: 'boolean', default: false } } });
const SIGNALS = Number(values.signals);

const counter = {
  schemaVersion: 1,
  name: 'CounterWorkflow',
  input: [],
  resultType: 'string',
  variables: [{ name: 'count', type: 'number', initial: '0' }],
  nodes: [
    { id: 'start', type: 'start', label: 'Start', position: { x: 0, y: 0 } },
    { id: 'counting', type: 'wait', label: 'Counting', condition: 'count >= 1000000', timeout: { amount: 1, unit: 'days' }, position: { x: 0, y: 100 } },
    { id: 'done', type: 'end', label: 'Done', outcome: 'complete', result: '"counted"', position: { x: 0, y: 200 } },
    { id: 'late', type: 'end', label: 'Late', outcome: 'complete', result: '"late"', position: { x: 200, y: 200 } },
    { id: 'bump', type: 'signal', label: 'Bump', name: 'bump', parameters: [], assignments: [{ variable: 'count', value: 'count + 1' }], position: { x: -200, y: 100 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'counting' },
    { id: 'e2', source: 'counting', sourceHandle: 'met', target: 'done' },
    { id: 'e3', source: 'counting', sourceHandle: 'timeout', target: 'late' },
    { id: 'e4', source: 'bump', target: 'counting' },
  ],
};

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

const env = await startBenchEnv();
try {
  const { id } = await createDesign({ design: counter });
  const deployed = await deployDesignVersion({ designId: id });
  if (!deployed.ok) throw new Error(JSON.stringify(deployed.diagnostics));
  const { workflowId } = await startExecution({ designId: id, input: {} });
  const client = await getTemporalClient();
  const handle = client.workflow.getHandle(workflowId);
  const sendStarted = Date.now();
  for (let sent = 0; sent < SIGNALS; sent += 50) {
    await Promise.all(Array.from({ length: Math.min(50, SIGNALS - sent) }, () => handle.signal('bump')));
  }
  console.log(`${SIGNALS} signals in ${Date.now() - sendStarted} ms`);
  // Let the worker catch up.
  for (;;) {
    // A query may time out while the worker works through the backlog: ask again.
    const state = await handle.query<{ variables: { count: number } }>('__signalbox_state').catch(() => null);
    if (state && state.variables.count >= SIGNALS) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const [first, firstMs] = await timed(() => describeExecution({ workflowId }));
  await handle.signal('bump');
  await new Promise((r) => setTimeout(r, 1000));
  const [, incrementalMs] = await timed(() => describeExecution({ workflowId, includeDesign: false }));
  const [, steadyMs] = await timed(() => describeExecution({ workflowId, includeDesign: false }));
  const [page1, page1Ms] = await timed(() => historyPage({ workflowId, pageSize: 256 }));
  let pages = 1;
  let events = page1.events.length;
  const [, allMs] = await timed(async () => {
    let token = page1.nextPageToken;
    while (token) {
      const page = await historyPage({ workflowId, pageSize: 256, pageToken: token });
      pages += 1;
      events += page.events.length;
      token = page.nextPageToken;
    }
  });
  const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
  const table = `Long history: one execution with **${first.historyLength} events** (${SIGNALS} signals), ${first.pendingTimers.length} pending timer. Measured ${new Date().toISOString().slice(0, 10)}, load average ${load}.

| Cost on the execution page | ms |
| --- | ---: |
| Detail, first call (scans the whole history once for pending timers) | ${firstMs.toFixed(0)} |
| Detail after one more signal (reads only the new events, newest first) | ${incrementalMs.toFixed(0)} |
| Detail, history unchanged (live stream's steady state) | ${steadyMs.toFixed(0)} |
| Timeline: first page (${page1.events.length} events) | ${page1Ms.toFixed(0)} |
| Timeline: every page (${pages} pages, ${events} events), only when scrolled to the end | ${allMs.toFixed(0)} |

The timeline renders only the ~15 rows in view plus 20 on each side (fixed-height rows in a scroll box of
the full height), fetching pages only as far as the view needs. Run: \`node --import tsx bench/monitor-history.ts --signals ${SIGNALS} --write\`.`;
  console.log(table);
  if (values.write) await writeMonitorSection('history', table);
} finally {
  await env.stop();
}
process.exit(0);
