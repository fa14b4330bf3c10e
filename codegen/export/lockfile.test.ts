import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { exportDesignFiles } from './design-files';
import { exportProject } from './index';
import { lockfileFor, lockKey, lockPath } from './lockfile';

interface Lock {
  name: string;
  lockfileVersion: number;
  packages: Record<string, { name?: string; version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
}

test("every golden and example export ships a package-lock.json resolving exactly its package.json's pins", async () => {
  let checked = 0;
  for (const file of exportDesignFiles()) {
    const result = await exportProject(JSON.parse(readFileSync(file, 'utf8')));
    if (!result.ok) continue; // export.test.ts reports designs that do not compile
    const manifest = JSON.parse(result.files.find((f) => f.path === 'package.json')!.contents);
    const lock = JSON.parse(result.files.find((f) => f.path === 'package-lock.json')!.contents) as Lock;
    assert.equal(lock.name, manifest.name, file);
    assert.ok(lock.lockfileVersion >= 3, file);
    const root = lock.packages[''];
    assert.equal(root.name, manifest.name);
    assert.deepEqual(root.dependencies, manifest.dependencies, `${file}: the lock's dependencies drifted from package.json`);
    assert.deepEqual(root.devDependencies, manifest.devDependencies, `${file}: the lock's devDependencies drifted from package.json`);
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      assert.equal(lock.packages[`node_modules/${name}`]?.version, version, `${file}: ${name} is locked at another version`);
    }
    checked += 1;
  }
  assert.ok(checked >= 10, `only ${checked} designs exported`);
});

test('each stored lock sits under the key of the dependency set it resolves (no hand-edited or stale lock)', () => {
  const dir = dirname(lockPath('x'));
  const names = readdirSync(dir);
  assert.ok(names.length >= 1);
  for (const name of names) {
    const root = (JSON.parse(readFileSync(join(dir, name), 'utf8')) as Lock).packages[''];
    assert.equal(`${lockKey({ dependencies: root.dependencies ?? {}, devDependencies: root.devDependencies ?? {} })}.json`, name);
  }
});

test('a dependency set without a resolved lock is refused, naming the script that resolves it', () => {
  const manifest = { name: 'x', version: '0.1.0', dependencies: { '@temporalio/workflow': '0.0.1' }, devDependencies: {} };
  assert.throws(() => lockfileFor(manifest), /scripts\/export-lockfiles\.ts/);
});
