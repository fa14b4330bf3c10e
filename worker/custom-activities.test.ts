import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { customActivitiesDir, loadCustomActivities } from './custom-activities';

/** The worker host loads a deployment's compiled custom activities by name, and nothing else. */
const deployment = `test-${process.pid}`;
const DOUBLE = 'import { createHash } from "node:crypto";\nexport async function double({ n }) { return { twice: n * 2, hash: createHash("sha256").update(String(n)).digest("hex").length }; }\n';
after(() => {
  rmSync(customActivitiesDir(deployment), { recursive: true, force: true });
  rmSync(customActivitiesDir(`${deployment}-broken`), { recursive: true, force: true });
});

test("a deployment's compiled activities are imported and returned by name, ready to register", async () => {
  const loaded = await loadCustomActivities(deployment, [
    { path: 'workflows.ts', contents: 'ignored' },
    { path: 'activities/double.ts', contents: 'export async function double() {}' },
    { path: 'activities/double.mjs', contents: DOUBLE },
  ]);
  assert.deepEqual(Object.keys(loaded), ['double']);
  assert.deepEqual(await (loaded.double as (input: { n: number }) => Promise<unknown>)({ n: 21 }), { twice: 42, hash: 64 });
  // Loading again (a worker restarted after a crash) finds the same file and the same function.
  const again = await loadCustomActivities(deployment, [{ path: 'activities/double.mjs', contents: DOUBLE }]);
  assert.equal(again.double, loaded.double);
});

test('a module that does not export its activity is refused with the deployment and the name', async () => {
  await assert.rejects(
    loadCustomActivities(`${deployment}-broken`, [{ path: 'activities/triple.mjs', contents: 'export const other = 1;\n' }]),
    /custom activity triple of deployment test-\d+-broken does not export a function named triple/,
  );
});

test('a deployment without custom activities loads nothing', async () => {
  assert.deepEqual(await loadCustomActivities(deployment, [{ path: 'activities.ts', contents: '' }]), {});
});
