/** verify-cli on build directories: a type error stops at "typecheck" without a bundle. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildsDir, projectRoot } from '../lib/paths';

const dir = join(buildsDir(), `test-verify-${process.pid}`);
after(() => rmSync(dir, { recursive: true, force: true }));

test('a type error fails at the typecheck stage, with the file and line', () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'workflows.ts'),
    "import { condition } from '@temporalio/workflow';\nexport async function Broken(): Promise<string> {\n  await condition(() => true);\n  return 42;\n}\n",
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'worker/verify-cli.ts', dir], { cwd: projectRoot(), encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  const report = JSON.parse(readFileSync(join(dir, 'verify.json'), 'utf8'));
  assert.equal(report.ok, false);
  assert.equal(report.stage, 'typecheck');
  assert.match(report.diagnostics[0].message, /workflows\.ts:4:.*number.*string/s);
  assert.equal(existsSync(join(dir, 'bundle.js')), false);
});
