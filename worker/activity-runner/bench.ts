/**
 * The runner's cost per call: a trivial custom activity called N times in a row through the
 * runner (IPC both ways), against the same function called in-process; and a runner's cold start
 * (process + permission model + @temporalio/activity + the module). Figures: docs/custom-activities.md.
 *   node --import tsx worker/activity-runner/bench.ts [calls=2000]
 */
import { rmSync } from 'node:fs';
import { customActivitiesDir, loadCustomActivities } from '../custom-activities';
import type { CallContext } from './runner-process';

const CALLS = Number(process.argv[2] ?? 2000);
const id = `bench-${process.pid}`;
const context = (): CallContext => ({
  info: { startToCloseTimeoutMs: 60_000 } as CallContext['info'],
  cancelled: new Promise<never>(() => {}),
  heartbeat: () => {},
  log: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
});
const SOURCE = 'export async function echo({ n }) { return { n, twice: n * 2 }; }\n';
const inProcess = async ({ n }: { n: number }) => ({ n, twice: n * 2 });

const coldStarted = performance.now();
const loaded = await loadCustomActivities(id, [{ path: 'activities/echo.mjs', contents: SOURCE }], context);
const coldMs = performance.now() - coldStarted;
try {
  const echo = loaded.activities.echo!;
  for (let n = 0; n < 100; n += 1) await echo({ n }); // warm-up
  let started = performance.now();
  for (let n = 0; n < CALLS; n += 1) await echo({ n });
  const runnerUs = ((performance.now() - started) * 1000) / CALLS;
  started = performance.now();
  for (let n = 0; n < CALLS; n += 1) await inProcess({ n });
  const directUs = ((performance.now() - started) * 1000) / CALLS;
  console.log(`cold start (spawn + load): ${coldMs.toFixed(0)} ms`);
  console.log(`${CALLS} sequential calls: ${runnerUs.toFixed(0)} µs per call through the runner, ${directUs.toFixed(1)} µs in-process → overhead ≈ ${(runnerUs - directUs).toFixed(0)} µs`);
} finally {
  await loaded.close();
  rmSync(customActivitiesDir(id), { recursive: true, force: true });
}
