import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from './main';

const approval = join(import.meta.dirname, '..', 'testing', 'fixtures', 'approval-record.json');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, (l) => stdout.push(l), (l) => stderr.push(l));
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

test('validate accepts the approval example', async () => {
  const { code, stdout } = await run(['validate', approval]);
  assert.equal(code, 0);
  assert.match(stdout, /valid \(0 warnings\)/);
});

test('validate exits 1 and names the node of each problem', async () => {
  const design = JSON.parse(readFileSync(approval, 'utf8'));
  design.edges = design.edges.filter((e: { source: string }) => e.source !== 'await-approval');
  const file = join(mkdtempSync(join(tmpdir(), 'sb-cli-')), 'broken.json');
  writeFileSync(file, JSON.stringify(design));
  const { code, stderr } = await run(['validate', file]);
  assert.equal(code, 1);
  assert.match(stderr, /error \[node await-approval\]: Wait "Await approval" has no outgoing edge/);
});

test('validate reports malformed JSON and missing files clearly', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sb-cli-')), 'bad.json');
  writeFileSync(file, '{ "name": ');
  assert.match((await run(['validate', file])).stderr, /not valid JSON/);
  assert.match((await run(['validate', '/nonexistent/x.json'])).stderr, /cannot read the file \(ENOENT\)/);
});

test('generate writes the three files', async () => {
  const out = mkdtempSync(join(tmpdir(), 'sb-gen-'));
  const { code } = await run(['generate', approval, '--out', out]);
  assert.equal(code, 0);
  for (const f of ['shared.ts', 'workflows.ts', 'step-tracking.ts', 'activities.ts']) assert.ok(existsSync(join(out, f)), f);
  assert.match(readFileSync(join(out, 'shared.ts'), 'utf8'), /defineSignal<\[ApproveArgs\]>\('approve'\)/);
});

test('generate without --out and unknown commands are usage errors', async () => {
  assert.equal((await run(['generate', approval])).code, 2);
  assert.equal((await run(['frobnicate'])).code, 2);
});

test('the npx entry point runs (bin/signalbox.js)', () => {
  const bin = join(import.meta.dirname, '..', 'bin', 'signalbox.js');
  const ok = spawnSync(process.execPath, [bin, 'validate', approval], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  const help = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  assert.match(help, /Usage: signalbox/);
});

test('export writes a standalone project and says what to run next', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'sb-export-')), 'approval');
  const { code, stdout } = await run(['export', approval, '--out', out]);
  assert.equal(code, 0);
  for (const f of ['package.json', 'package-lock.json', '.gitignore', 'tsconfig.json', 'README.md', 'src/shared.ts', 'src/workflows.ts', 'src/step-tracking.ts', 'src/activities.ts', 'src/worker.ts', 'src/client.ts', 'src/workflow.test.ts']) {
    assert.ok(existsSync(join(out, f)), f);
  }
  assert.equal(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).dependencies['@temporalio/client'], '1.24.0');
  assert.match(stdout, /Exported approval-workflow \(14 files\)/);
  assert.match(stdout, /npm ci && npm test/);
});

test('export never overwrites a folder with files unless forced', async () => {
  const out = mkdtempSync(join(tmpdir(), 'sb-export-'));
  writeFileSync(join(out, 'mine.txt'), 'keep me');
  const refused = await run(['export', approval, '--out', out]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /is not empty; choose a new folder, or pass --force/);
  assert.equal(existsSync(join(out, 'package.json')), false);
  assert.equal((await run(['export', approval, '--out', out, '--force'])).code, 0);
  assert.equal(readFileSync(join(out, 'mine.txt'), 'utf8'), 'keep me');
  assert.ok(existsSync(join(out, 'src', 'client.ts')));
});

test('export of an invalid design writes nothing and names the node', async () => {
  const design = JSON.parse(readFileSync(approval, 'utf8'));
  design.edges = design.edges.filter((e: { source: string }) => e.source !== 'await-approval');
  const dir = mkdtempSync(join(tmpdir(), 'sb-export-'));
  const file = join(dir, 'broken.json');
  writeFileSync(file, JSON.stringify(design));
  const out = join(dir, 'out');
  const { code, stderr } = await run(['export', file, '--out', out]);
  assert.equal(code, 1);
  assert.match(stderr, /\[node await-approval\]/);
  assert.match(stderr, /nothing exported/);
  assert.equal(existsSync(out), false);
  assert.equal((await run(['export', approval])).code, 2, 'export without --out is a usage error');
});

test('generate writes custom activities into their own folder; validate names the activity of a finding', async () => {
  const { goldenDesign } = await import('@/codegen/testing/fixtures');
  const dir = mkdtempSync(join(tmpdir(), 'signalbox-cli-activities-'));
  const file = join(dir, 'quote.json');
  const design = goldenDesign('custom-activity');
  writeFileSync(file, JSON.stringify(design));
  const generated = await run(['generate', file, '--out', join(dir, 'out')]);
  assert.equal(generated.code, 0, generated.stderr);
  assert.equal(readFileSync(join(dir, 'out', 'activities', 'computeDiscount.ts'), 'utf8'), design.activities![0]!.source);
  design.activities![1]!.source = '';
  writeFileSync(file, JSON.stringify(design));
  const invalid = await run(['validate', file]);
  assert.equal(invalid.code, 1);
  assert.match(invalid.stderr, /error \[activity archiveQuote, field source\]: Custom activity "archiveQuote" has no code/);
});
