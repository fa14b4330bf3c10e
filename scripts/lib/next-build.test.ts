import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildIfNeeded } from './next-build';
import { buildSourceHash } from './build-hash';

// A project whose build is already up to date: buildIfNeeded only takes the lock and reads the hash.
async function upToDateProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'next-build-'));
  await mkdir(join(root, '.next'));
  await writeFile(join(root, '.next', 'BUILD_ID'), 'x');
  await writeFile(join(root, '.next', 'signalbox-source-hash'), `${await buildSourceHash(root, process.env)}\n`);
  return root;
}

test('a build waits while another live process holds the build lock, then finds the build up to date', async () => {
  const root = await upToDateProject();
  try {
    // The lock of a live process (this one's parent stands in for a running `next build`).
    await writeFile(join(root, '.next-build.lock'), String(process.ppid));
    const said: string[] = [];
    let settled = false;
    const building = buildIfNeeded(root, { ...process.env }, (line) => said.push(line)).then((outcome) => {
      settled = true;
      return outcome;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(settled, false, 'still waiting for the lock');
    assert.match(said.join('\n'), /waiting for another build/);
    await rm(join(root, '.next-build.lock'));
    assert.deepEqual(await building, { ok: true, built: false, ms: 0 });
    await assert.rejects(readFile(join(root, '.next-build.lock')), 'the lock is released');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("a lock left by a process that is gone is taken over", async () => {
  const root = await upToDateProject();
  try {
    await writeFile(join(root, '.next-build.lock'), '999999999');
    assert.deepEqual(await buildIfNeeded(root, { ...process.env }, () => {}), { ok: true, built: false, ms: 0 });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
