/**
 * The supervisor (scripts/lib/supervisor.ts) with real child processes: a SIGKILLed service comes
 * back while the others keep their process; one that keeps crashing is reported failing with its
 * last output and retried slowly; stopAll stops in reverse order and restarts nothing.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startProcess, waitFor } from './processes';
import { RestartBackoff, Supervisor, type RestartPolicy, type ServiceDefinition } from './supervisor';

const fast: RestartPolicy = { initialDelayMs: 50, maxDelayMs: 400, budget: 3, windowMs: 10_000, failingRetryMs: 1_000, stableMs: 5_000 };

test('backoff doubles from the initial delay up to the maximum; past the budget it is failing and retries slowly until a stable run', () => {
  const backoff = new RestartBackoff({ ...fast, budget: 5 });
  const delays = [0, 1, 2, 3, 4, 5].map((i) => backoff.crashed(i * 100, 10));
  assert.deepEqual(delays.map((d) => d.delayMs), [50, 100, 200, 400, 400, 1_000]);
  assert.deepEqual(delays.map((d) => d.failing), [false, false, false, false, false, true]);
  // Still failing when the old crashes have left the window: only a stable run clears it.
  assert.equal(backoff.crashed(60_000, 1_000).failing, true);
  const afterStableRun = backoff.crashed(65_000, 6_000);
  assert.deepEqual(afterStableRun, { delayMs: 50, failing: false, recentCrashes: 2 });
});

/** A service that runs until killed, printing a line first; `crash` makes it exit 3 at once instead. */
function service(name: string, started: string[], options: { crash?: () => boolean } = {}): ServiceDefinition {
  return {
    name,
    graceMs: 2_000,
    async start(spawned) {
      const crash = options.crash?.() ?? false;
      const script = crash ? `console.log('${name}: bad config line'); process.exit(3)` : `console.log('${name} up'); setInterval(() => {}, 1000)`;
      const managed = startProcess(name, process.execPath, ['-e', script], { quiet: true });
      spawned(managed);
      await waitFor(async () => managed.tail().some((line) => line.includes(' up')), `${name} to start`, { process: managed, timeoutMs: 10_000, intervalMs: 20 });
      started.push(name);
    },
  };
}

test('a SIGKILLed service is restarted with its cause logged; the other keeps running; stopAll stops in reverse order', { timeout: 30_000 }, async () => {
  const messages: string[] = [];
  const started: string[] = [];
  const supervisor = new Supervisor({ policy: fast, log: (m) => messages.push(m) });
  after(() => supervisor.stopAll());
  await supervisor.start(service('db', started));
  await supervisor.start(service('web', started));
  const [db, web] = supervisor.status();
  process.kill(db!.pid!, 'SIGKILL');
  await waitFor(async () => supervisor.status()[0]!.state === 'up' && supervisor.status()[0]!.pid !== db!.pid, 'db to be back', { timeoutMs: 10_000, intervalMs: 20 });
  assert.equal(supervisor.status()[1]!.pid, web!.pid, 'web kept its process');
  assert.equal(supervisor.status()[0]!.restarts, 1);
  assert.match(messages.join('\n'), /db was killed by SIGKILL unexpectedly after .*: restarting in 0\.1 s \(restart 1\)/);
  assert.match(messages.join('\n'), /db is back: up .* after it went down \(restart 1\)/);

  const exits: string[] = [];
  for (const managed of supervisor.processes()) void managed.exited.then(() => exits.push(managed.name));
  await supervisor.stopAll();
  assert.deepEqual(exits, ['web', 'db']);
  await sleep(300);
  assert.deepEqual(supervisor.status().map((s) => s.state), ['stopped', 'stopped']);
  assert.equal(started.length, 3, 'nothing restarted after stopAll');
});

test('a service that keeps crashing is reported failing with its last output; the other stays up', { timeout: 30_000 }, async () => {
  const messages: string[] = [];
  const started: string[] = [];
  const supervisor = new Supervisor({ policy: fast, log: (m) => messages.push(m) });
  after(() => supervisor.stopAll());
  await supervisor.start(service('temporal', started));
  let broken = false;
  await supervisor.start(service('worker', started, { crash: () => broken }));
  const temporalPid = supervisor.status()[0]!.pid;
  broken = true;
  process.kill(supervisor.status()[1]!.pid!, 'SIGKILL');
  await waitFor(async () => supervisor.status()[1]!.state === 'failing', 'worker to be failing', { timeoutMs: 10_000, intervalMs: 20 });
  const report = messages.find((m) => m.startsWith('worker is FAILING'));
  assert.ok(report, messages.join('\n'));
  assert.match(report, /4 crashes within 10\.0 s\. Trying again every 1\.0 s; the other services stay up\. Last output:/);
  assert.match(report, /worker: bad config line/);
  assert.match(messages.join('\n'), /worker could not be restarted: worker exited with code 3 before worker to start was ready/);
  assert.equal(supervisor.status()[0]!.pid, temporalPid);
  assert.equal(supervisor.status()[0]!.state, 'up');

  broken = false; // fixed: the slow retry brings it back
  await waitFor(async () => supervisor.status()[1]!.state === 'up', 'worker to be back', { timeoutMs: 5_000, intervalMs: 20 });
  await supervisor.stopAll();
});
