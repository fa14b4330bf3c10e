import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from './main';

const approval = join(import.meta.dirname, '..', 'examples', 'approval.json');

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
  for (const f of ['shared.ts', 'workflows.ts', 'activities.ts']) assert.ok(existsSync(join(out, f)), f);
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
