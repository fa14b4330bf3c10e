/**
 * Signal → diagram latency: how long from sending a signal through the API (as the execution
 * page's form does) until the live stream the page listens to (GET /api/executions/{id}/events)
 * delivers the execution with its step moved on. Both are the routes' own handlers, called
 * in-process; the browser adds one React render on top.
 *   node --import tsx bench/monitor-signal-latency.ts [--runs 10] [--write]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as eventsRoute from '@/app/api/executions/[workflowId]/events/route';
import * as signalRoute from '@/app/api/executions/[workflowId]/signals/[name]/route';
import { createDesign } from '@/db/repository';
import { call, testSessionCookie } from '@/testing/api';
import { deployDesignVersion } from '@/lib/deploy/pipeline';
import { startExecution } from '@/lib/executions/service';
import { median, startBenchEnv, writeMonitorSection } from './monitor-env';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, write: { type: 'boolean', default: false } } });
const RUNS = Number(values.runs);
const approval = JSON.parse(readFileSync(new URL('../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

interface Detail {
  status: string;
  state?: { currentStep: string };
}

/** Yields the `execution` events of a server-sent-events response. */
async function* executionEvents(response: Response): AsyncGenerator<Detail> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^event: execution$/m.test(block)) yield JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as Detail;
    }
  }
}

const env = await startBenchEnv({ workerPollMs: 300 });
try {
  const { id } = await createDesign({ design: approval });
  const deployed = await deployDesignVersion({ designId: id });
  if (!deployed.ok) throw new Error(JSON.stringify(deployed.diagnostics));
  const cookie = await testSessionCookie(['admin']);
  const latencies: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { workflowId } = await startExecution({ designId: id, input: { requestId: `B${run}` } });
    const response = await eventsRoute.GET(new Request(`http://localhost/api/executions/${workflowId}/events`, { headers: { cookie } }), {
      params: Promise.resolve({ workflowId }),
    });
    const events = executionEvents(response);
    for await (const detail of events) if (detail.state?.currentStep === 'await-approval') break;
    const sent = performance.now();
    const answer = await call(signalRoute.POST, { body: { args: { approverName: 'Bench', approved: true } }, params: { workflowId, name: 'approve' } });
    if (answer.status !== 202) throw new Error(JSON.stringify(answer.body));
    for await (const detail of events) if (detail.state && detail.state.currentStep !== 'await-approval') break;
    latencies.push(performance.now() - sent);
    await events.return(undefined);
    console.log(`run ${run}: ${latencies.at(-1)!.toFixed(0)} ms`);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const table = `Signal → diagram, ${RUNS} executions of the approval example: from sending \`approve\` through the signal route to the live stream delivering the moved step (the server looks every 250 ms). Measured ${new Date().toISOString().slice(0, 10)}, load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}.

| median | min | max |
| ---: | ---: | ---: |
| **${median(latencies).toFixed(0)} ms** | ${sorted[0]!.toFixed(0)} ms | ${sorted.at(-1)!.toFixed(0)} ms |

Run: \`node --import tsx bench/monitor-signal-latency.ts --runs ${RUNS} --write\`.`;
  console.log(table);
  if (values.write) await writeMonitorSection('signal', table);
} finally {
  await env.stop();
}
process.exit(0);
