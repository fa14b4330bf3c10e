/**
 * The activity runner's sandbox and limits, through loadCustomActivities as the worker host uses it
 * (real runner processes, a stand-in Temporal activity context). The same attacks go through a
 * real deployment in worker/custom-activities.int.test.ts.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { customActivitiesDir, loadCustomActivities, type LoadedCustomActivities } from '../custom-activities';
import type { CallContext } from './runner-process';

const ids: string[] = [];
const opened: LoadedCustomActivities[] = [];
after(async () => {
  await Promise.all(opened.map((loaded) => loaded.close()));
  for (const id of ids) rmSync(customActivitiesDir(id), { recursive: true, force: true });
});

interface Recorded {
  heartbeats: unknown[];
  logs: string[];
  cancel(reason: string): void;
}

function contextFor(startToCloseTimeoutMs: number, recorded: Recorded): () => CallContext {
  return () => {
    let reject: (error: Error) => void = () => {};
    const cancelled = new Promise<never>((_, rejectCancelled) => (reject = rejectCancelled));
    cancelled.catch(() => {});
    recorded.cancel = (reason) => reject(new CancelledFailure(reason));
    const log = (level: string) => (message: string) => void recorded.logs.push(`${level}: ${message}`);
    return {
      info: { startToCloseTimeoutMs, activityType: 'x' } as CallContext['info'],
      cancelled,
      heartbeat: (details?: unknown) => void recorded.heartbeats.push(details),
      log: { trace: log('trace'), debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), log: (level: string, message: string) => log(level)(message) },
    };
  };
}

async function deploy(name: string, sources: Record<string, string>, startToCloseTimeoutMs = 30_000) {
  const id = `runner-test-${name}-${process.pid}`;
  ids.push(id);
  const recorded: Recorded = { heartbeats: [], logs: [], cancel: () => {} };
  const files = Object.entries(sources).map(([activity, contents]) => ({ path: `activities/${activity}.mjs`, contents }));
  const loaded = await loadCustomActivities(id, files, contextFor(startToCloseTimeoutMs, recorded));
  opened.push(loaded);
  return { activities: loaded.activities, recorded };
}

const ATTACKER = `
export async function attack() {
  const attempt = async (what) => { try { return { ok: true, value: String(await what()).slice(0, 80) }; } catch (error) { return { ok: false, error: error.code ?? error.message }; } };
  return {
    databaseUrl: process.env.DATABASE_URL ?? null,
    envNames: Object.keys(process.env),
    importPg: await attempt(async () => typeof (await new Function('return import("pg")')()).default),
    passwd: await attempt(async () => (await import('node:fs')).readFileSync('/etc/passwd', 'utf8')),
    projectFile: await attempt(async () => (await import('node:fs')).readFileSync(${JSON.stringify(`${process.cwd()}/package.json`)}, 'utf8')),
    hostEnviron: await attempt(async () => (await import('node:fs')).readFileSync('/proc/' + process.ppid + '/environ', 'utf8')),
    write: await attempt(async () => (await import('node:fs')).writeFileSync('/tmp/runner-was-here', 'x')),
    spawn: await attempt(async () => (await import('node:child_process')).execSync('id').toString()),
    worker: await attempt(async () => new (await import('node:worker_threads')).Worker('1', { eval: true })),
    signalHost: await attempt(async () => process.kill(process.ppid, 0)),
    uid: process.getuid(),
  };
}
`;

test('activity code cannot read the environment, other files or packages, nor start processes', { timeout: 60_000 }, async () => {
  process.env.DATABASE_URL ??= 'postgres://secret@127.0.0.1/signalbox';
  const { activities } = await deploy('attacker', { attack: ATTACKER });
  const report = (await activities.attack!({})) as Record<string, { ok: boolean } | unknown>;
  assert.equal(report.databaseUrl, null);
  assert.deepEqual((report.envNames as string[]).filter((name) => !['LANG', 'LC_ALL', 'TZ', 'NODE_EXTRA_CA_CERTS'].includes(name)), []);
  for (const attempt of ['importPg', 'passwd', 'projectFile', 'hostEnviron', 'write', 'spawn', 'worker']) {
    assert.deepEqual(report[attempt], { ok: false, error: 'ERR_ACCESS_DENIED' }, attempt);
  }
  if (process.getuid?.() === 0) {
    assert.notEqual(report.uid, 0, 'runs as an unprivileged user');
    assert.deepEqual(report.signalHost, { ok: false, error: 'EPERM' });
  }
});

test('an honest activity gets its context: result, heartbeats, log; failures keep their type and message', { timeout: 60_000 }, async () => {
  const { activities, recorded } = await deploy('honest', {
    add: `import { heartbeat, log, activityInfo } from '@temporalio/activity';
export async function add({ a, b }) { heartbeat({ step: 1 }); log.info('adding ' + activityInfo().activityType); return a + b; }`,
    refuse: `import { ApplicationFailure } from '@temporalio/common';
export async function refuse() { throw ApplicationFailure.nonRetryable('no such customer', 'UnknownCustomer', { id: 7 }); }`,
    crash: `export async function crash() { throw new TypeError('x is not a function'); }`,
  });
  assert.equal(await activities.add!({ a: 2, b: 3 }), 5);
  assert.deepEqual(recorded.heartbeats, [{ step: 1 }]);
  assert.deepEqual(recorded.logs, ['info: adding x']);
  await assert.rejects(activities.refuse!({}), (error: unknown) => {
    assert.ok(error instanceof ApplicationFailure);
    assert.deepEqual([error.message, error.type, error.nonRetryable, error.details], ['no such customer', 'UnknownCustomer', true, [{ id: 7 }]]);
    return true;
  });
  await assert.rejects(activities.crash!({}), (error: unknown) => error instanceof ApplicationFailure && error.type === 'TypeError' && error.message === 'x is not a function' && !error.nonRetryable);
});

test('cancellation reaches the code; code that ignores it is killed after the grace period', { timeout: 60_000 }, async () => {
  const { activities, recorded } = await deploy('cancel', {
    wait: `import { cancelled } from '@temporalio/activity';
export async function wait() { await cancelled(); }`,
    stuck: `export async function stuck() { for (;;) {} }`,
  });
  const call = activities.wait!({});
  setTimeout(() => recorded.cancel('CANCELLED'), 300);
  await assert.rejects(call, (error: unknown) => error instanceof CancelledFailure && error.message === 'CANCELLED');
  const started = Date.now();
  const stuck = activities.stuck!({});
  setTimeout(() => recorded.cancel('TIMED_OUT'), 300);
  await assert.rejects(stuck, (error: unknown) => error instanceof CancelledFailure && error.message === 'TIMED_OUT');
  assert.ok(Date.now() - started < 15_000, `killed after ${Date.now() - started} ms`);
});

test('a call that loops forever is killed at its hard limit; the next call runs in a fresh runner', { timeout: 60_000 }, async () => {
  // start-to-close 1 s: killed 5 s later at most (Temporal has timed it out by then).
  const { activities } = await deploy('loop', { spin: `export async function spin({ forever }) { while (forever) {} return 'done'; }` }, 1_000);
  const started = Date.now();
  await assert.rejects(activities.spin!({ forever: true }), (error: unknown) => error instanceof ApplicationFailure && error.type === 'CustomActivityTimeLimit' && error.nonRetryable === true && /ran longer than its hard limit of 6000 ms/.test(error.message));
  assert.ok(Date.now() - started < 15_000, `killed after ${Date.now() - started} ms`);
  assert.equal(await activities.spin!({ forever: false }), 'done');
});

test('a call that allocates without end is stopped at its memory limit', { timeout: 60_000 }, async () => {
  const { activities } = await deploy('hog', {
    hog: `export async function hog({ kind }) {
  const kept = [];
  for (;;) kept.push(kind === 'buffer' ? Buffer.alloc(16 * 1024 * 1024, 1) : new Array(1e6).fill(kept.length));
}`,
  });
  for (const kind of ['heap', 'buffer']) {
    await assert.rejects(activities.hog!({ kind }), (error: unknown) => error instanceof ApplicationFailure && error.type === 'CustomActivityMemoryLimit' && error.nonRetryable === true, kind);
  }
});
