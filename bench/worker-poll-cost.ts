/**
 * What the worker host's database poll costs while nothing happens: CPU time of the worker host and
 * of the embedded database server (PGlite over the wire, as `npm start` runs it) over an
 * idle window, for each poll period. The period sits on
 * the deploy's critical path (bench/deploy-latency.ts), so it is a trade: latency against idle CPU.
 *   node --import tsx bench/worker-poll-cost.ts [--seconds 20] [--periods 200,50] [--write]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startBenchEnv, writeMonitorSection } from './monitor-env';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, periods: { type: 'string', default: '200,50' }, write: { type: 'boolean', default: false } } });
const SECONDS = Number(values.seconds);
const periods = values.periods.split(',').map(Number);
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** user + system CPU seconds of a process, from /proc. */
function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

const rows: string[] = [];
for (const period of periods) {
  const env = await startBenchEnv({ workerPollMs: period });
  try {
    // Nothing is deployed: the poll reads an empty result, as on an idle install (the query and round trip dominate).
    await new Promise((r) => setTimeout(r, 3000));
    const worker0 = processCpuSeconds(env.workerPid);
    const db0 = processCpuSeconds(env.databasePid);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const worker = (processCpuSeconds(env.workerPid) - worker0) / SECONDS;
    const db = (processCpuSeconds(env.databasePid) - db0) / SECONDS;
    const line = `| ${period} ms | ${(1000 / period).toFixed(0)} | ${(worker * 100).toFixed(1)} % | ${(db * 100).toFixed(1)} % | **${((worker + db) * 100).toFixed(1)} %** |`;
    console.log(line);
    rows.push(line);
  } finally {
    await env.stop();
  }
}

const table = `Worker host's database poll while idle: CPU share of one core over ${SECONDS} s, worker host and embedded database server (db/server.ts). Measured ${new Date().toISOString().slice(0, 10)} on the shared 2-core machine, load average ${loadavg()[0]!.toFixed(1)}.

| Poll period | Polls / s | Worker host | Database | **Total** |
| --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Run: \`node --import tsx bench/worker-poll-cost.ts --seconds ${SECONDS} --periods ${values.periods} --write\`.`;
console.log(table);
if (values.write) await writeMonitorSection('worker-poll-cost', table);
