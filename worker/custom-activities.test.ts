import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ApplicationFailure } from '@temporalio/common';
import type { CallContext } from './activity-runner/runner-process';
import { customActivitiesDir, loadCustomActivities, SWEEP_AFTER_MS, sweepCustomActivities, type LoadedCustomActivities } from './custom-activities';

/** The worker host loads a deployment's compiled custom activities by name, and nothing else. */
const deployment = `test-${process.pid}`;
/** A Temporal activity context as the worker gives one (never cancelled). */
const context = (): CallContext => ({
  info: { startToCloseTimeoutMs: 30_000, activityType: 'double' } as CallContext['info'],
  cancelled: new Promise<never>(() => {}),
  heartbeat: () => {},
  log: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
});
const opened: LoadedCustomActivities[] = [];
const load = async (id: string, files: Parameters<typeof loadCustomActivities>[1]) => {
  const loaded = await loadCustomActivities(id, files, context);
  opened.push(loaded);
  return loaded;
};
const DOUBLE = 'import { createHash } from "node:crypto";\nexport async function double({ n }) { return { twice: n * 2, hash: createHash("sha256").update(String(n)).digest("hex").length }; }\n';
after(async () => {
  await Promise.all(opened.map((loaded) => loaded.close()));
  rmSync(customActivitiesDir(deployment), { recursive: true, force: true });
  rmSync(customActivitiesDir(`${deployment}-broken`), { recursive: true, force: true });
});

test("a deployment's compiled activities are loaded in a runner and returned by name, ready to register", async () => {
  const { activities: loaded } = await load(deployment, [
    { path: 'workflows.ts', contents: 'ignored' },
    { path: 'activities/double.ts', contents: 'export async function double() {}' },
    { path: 'activities/double.mjs', contents: DOUBLE },
  ]);
  assert.deepEqual(Object.keys(loaded), ['double']);
  assert.deepEqual(await loaded.double!({ n: 21 }), { twice: 42, hash: 64 });
  // Loading again (a worker restarted after a crash) finds the same file and runs the same code.
  const { activities: again } = await load(deployment, [{ path: 'activities/double.mjs', contents: DOUBLE }]);
  assert.deepEqual(await again.double!({ n: 2 }), { twice: 4, hash: 64 });
});

test('a module that does not export its activity is refused with the deployment and the name', async () => {
  await assert.rejects(
    load(`${deployment}-broken`, [{ path: 'activities/triple.mjs', contents: 'export const other = 1;\n' }]),
    /custom activity triple of deployment test-\d+-broken does not export a function named triple/,
  );
});

test('a deployment without custom activities loads nothing', async () => {
  assert.deepEqual((await load(deployment, [{ path: 'activities.ts', contents: '' }])).activities, {});
});

test('the sweep removes the folders of deployments no longer active once untouched for a while, and keeps the rest', async () => {
  const root = mkdtempSync(join(tmpdir(), 'signalbox-activities-'));
  try {
    for (const id of ['active-1', 'retired-old', 'retired-new']) {
      mkdirSync(customActivitiesDir(id, root));
      writeFileSync(join(customActivitiesDir(id, root), 'x.mjs'), 'export const x = 1;\n');
    }
    const old = new Date(Date.now() - SWEEP_AFTER_MS - 60_000);
    utimesSync(customActivitiesDir('retired-old', root), old, old);
    utimesSync(customActivitiesDir('active-1', root), old, old);
    assert.deepEqual(await sweepCustomActivities(['active-1'], root), ['retired-old']);
    assert.deepEqual(readdirSync(root).sort(), ['active-1', 'retired-new']);
    // Later, the recently touched one goes too.
    assert.deepEqual(await sweepCustomActivities(['active-1'], root, Date.now() + SWEEP_AFTER_MS + 1), ['retired-new']);
    assert.deepEqual(await sweepCustomActivities([], join(root, 'missing')), [], 'no folder yet: nothing to do');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('loading a deployment touches its folder, so a sweep by a host that does not know it leaves it alone', async () => {
  const dir = customActivitiesDir(deployment);
  await load(deployment, [{ path: 'activities/double.mjs', contents: DOUBLE }]);
  const old = new Date(Date.now() - SWEEP_AFTER_MS - 60_000);
  utimesSync(dir, old, old);
  await load(deployment, [{ path: 'activities/double.mjs', contents: DOUBLE }]);
  // (Not swept here: the real folder may hold other deployments of a running worker host.)
  assert.ok(Date.now() - statSync(dir).mtimeMs < 60_000, 'the folder was touched by the load');
});

test('switched off (SIGNALBOX_CUSTOM_ACTIVITIES=off), the worker host writes and runs nothing: each activity fails retryably, saying so', async () => {
  const id = `${deployment}-off`;
  process.env.SIGNALBOX_CUSTOM_ACTIVITIES = 'off';
  try {
    const { activities } = await load(id, [{ path: 'activities/double.mjs', contents: DOUBLE }]);
    await assert.rejects(activities.double!({ n: 1 }), (error: unknown) => {
      assert.ok(error instanceof ApplicationFailure);
      assert.equal(error.type, 'CustomActivitiesOff');
      assert.equal(error.nonRetryable, false);
      assert.match(error.message, /Custom activity "double" cannot run: custom activities are switched off on this installation \(SIGNALBOX_CUSTOM_ACTIVITIES=off\)/);
      return true;
    });
    assert.equal(existsSync(customActivitiesDir(id)), false, 'no code written');
  } finally {
    delete process.env.SIGNALBOX_CUSTOM_ACTIVITIES;
  }
});
