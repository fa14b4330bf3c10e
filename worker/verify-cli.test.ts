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

test('--serve verifies one build directory per stdin line, answering each with a JSON line', async () => {
  const { writeBuild } = await import('../codegen/testing/build');
  const { approvalDesign } = await import('../codegen/testing/designs');
  const good = await writeBuild(approvalDesign());
  const broken = join(buildsDir(), `test-verify-serve-${process.pid}`);
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'workflows.ts'), 'export async function Broken(): Promise<string> {\n  return 42;\n}\n');
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'worker/verify-cli.ts', '--serve'], {
      cwd: projectRoot(),
      input: `${broken}\n\n${good.dir}\n`,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const answers = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(answers.length, 2);
    assert.equal(answers[0].dir, broken);
    assert.equal(answers[0].report.stage, 'typecheck');
    assert.equal(answers[0].report.ok, false);
    assert.equal(answers[1].dir, good.dir);
    assert.deepEqual(answers[1].report.diagnostics, []);
    assert.equal(answers[1].report.stage, 'done');
    assert.ok(existsSync(join(good.dir, 'bundle.js')));
    assert.equal(JSON.parse(readFileSync(join(good.dir, 'verify.json'), 'utf8')).ok, true);
  } finally {
    good.remove();
    rmSync(broken, { recursive: true, force: true });
  }
});
