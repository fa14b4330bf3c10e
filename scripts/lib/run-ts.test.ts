import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { projectDir } from '@/testing/processes';

test('run-ts runs a TypeScript entry with path aliases, and its worker threads start without tsx', () => {
  const run = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'testing/thread-exec-argv.ts'], { cwd: projectDir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const seen = JSON.parse(run.stdout.trim()) as { root: string; main: string[]; thread: string[] };
  assert.ok(seen.root.length > 0, 'the @/ alias resolved');
  assert.deepEqual(seen.thread, [], 'a worker thread inherits no --import tsx');
  assert.deepEqual(seen.main, []);
});

test('run-ts without an entry says how to call it', () => {
  const run = spawnSync(process.execPath, ['scripts/run-ts.mjs'], { cwd: projectDir, encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /usage: node scripts\/run-ts\.mjs <entry\.ts>/);
});
