/** verify-cli on build directories: a type error stops at "typecheck" without a bundle; the warm --serve mode over IPC. */
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildsDir, projectRoot } from '@/lib/paths';
import { isVerifierMessage, VERIFY_CLI, type VerifierMessage, type VerifyRequest } from '@/lib/deploy/verify-protocol';

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

test('--serve under fork verifies the build directory of each request message, answering each with a report message', async () => {
  const { writeBuild } = await import('@/codegen/testing/build');
  const { approvalDesign } = await import('@/codegen/testing/designs');
  const good = await writeBuild(approvalDesign());
  const broken = join(buildsDir(), `test-verify-serve-${process.pid}`);
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'workflows.ts'), 'export async function Broken(): Promise<string> {\n  return 42;\n}\n');
  const child = fork(VERIFY_CLI, ['--serve'], { cwd: projectRoot(), execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const answers: VerifierMessage[] = [];
    const both = new Promise<void>((resolve, reject) => {
      child.on('message', (message) => {
        if (!isVerifierMessage(message)) return reject(new Error(`not a verifier message: ${JSON.stringify(message)}`));
        if (answers.push(message) === 2) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the verifier ended (${code}): ${stderr}`)));
    });
    const requests: unknown[] = [{ type: 'verify', dir: broken }, { type: 'not a request' }, { type: 'verify', dir: good.dir }];
    for (const request of requests) child.send(request as VerifyRequest);
    await both;
    assert.match(stderr, /ignored a message that is not a verify request/);
    const [first, second] = answers.map((answer) => (answer.type === 'report' ? answer : assert.fail(`a report, not ${answer.type}`)));
    assert.equal(first!.dir, broken);
    assert.equal(first!.report.stage, 'typecheck');
    assert.equal(first!.report.ok, false);
    assert.equal(second!.dir, good.dir);
    assert.deepEqual(second!.report.diagnostics, []);
    assert.equal(second!.report.stage, 'done');
    assert.ok(existsSync(join(good.dir, 'bundle.js')));
    assert.equal(JSON.parse(readFileSync(join(good.dir, 'verify.json'), 'utf8')).ok, true);

    const ended = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect();
    assert.equal(await ended, 0, 'it ends when its parent disconnects');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    good.remove();
    rmSync(broken, { recursive: true, force: true });
  }
});

test('--serve answers a part on its own: the type check alone (no bundle), the build alone (bundle, no verify.json)', async () => {
  const { writeBuild } = await import('@/codegen/testing/build');
  const { approvalDesign } = await import('@/codegen/testing/designs');
  const good = await writeBuild(approvalDesign());
  const broken = join(buildsDir(), `test-verify-part-${process.pid}`);
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'workflows.ts'), 'export async function Broken(): Promise<string> {\n  return 42;\n}\n');
  const child = fork(VERIFY_CLI, ['--serve'], { cwd: projectRoot(), execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  try {
    const answers: VerifierMessage[] = [];
    const all = new Promise<void>((resolve, reject) => {
      child.on('message', (message) => {
        if (isVerifierMessage(message) && answers.push(message) === 3) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the verifier ended (${code})`)));
    });
    const requests: VerifyRequest[] = [
      { type: 'verify', dir: broken, part: 'typecheck' },
      { type: 'verify', dir: good.dir, part: 'typecheck' },
      { type: 'verify', dir: good.dir, part: 'build' },
    ];
    for (const request of requests) child.send(request);
    await all;
    const [brokenCheck, goodCheck, goodBuild] = answers.map((answer) => (answer.type === 'report' ? answer.report : assert.fail(`a report, not ${answer.type}`)));
    assert.equal(brokenCheck!.ok, false);
    assert.equal(brokenCheck!.stage, 'typecheck');
    assert.equal(existsSync(join(broken, 'bundle.js')), false, 'the type check alone bundles nothing');
    assert.equal(goodCheck!.ok, true);
    assert.equal(goodCheck!.ms.bundle, 0);
    assert.equal(goodBuild!.ok, true);
    assert.ok(goodBuild!.ms.bundle > 0);
    assert.ok(existsSync(join(good.dir, 'bundle.js')));
    assert.equal(existsSync(join(good.dir, 'verify.json')), false, 'a part leaves verify.json to the parent, which merges both');
  } finally {
    child.kill('SIGKILL');
    good.remove();
    rmSync(broken, { recursive: true, force: true });
  }
});

test('the warm verifier runs both halves and writes their merged report as verify.json', async () => {
  const { verifyWarm, stopVerifier } = await import('@/lib/deploy/verifier');
  const { writeBuild } = await import('@/codegen/testing/build');
  const { approvalDesign } = await import('@/codegen/testing/designs');
  const good = await writeBuild(approvalDesign());
  const broken = join(buildsDir(), `test-verify-warm-${process.pid}`);
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'workflows.ts'), "import { sleep } from '@temporalio/workflow';\nexport async function Broken(): Promise<string> {\n  await sleep(1);\n  return 42;\n}\n");
  try {
    const [ok, refused] = await Promise.all([verifyWarm(good.dir), verifyWarm(broken)]);
    assert.equal(ok.ok, true);
    assert.ok(ok.ms.typecheck > 0 && ok.ms.bundle > 0, JSON.stringify(ok.ms));
    assert.deepEqual(JSON.parse(readFileSync(join(good.dir, 'verify.json'), 'utf8')), ok);
    assert.equal(refused.ok, false);
    assert.equal(refused.stage, 'typecheck', 'the type error wins although this code bundles');
    assert.match(refused.diagnostics[0]!.message, /workflows\.ts:4:/);
  } finally {
    stopVerifier();
    good.remove();
    rmSync(broken, { recursive: true, force: true });
  }
});

test('--serve without an IPC channel refuses to start', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', VERIFY_CLI, '--serve'], { cwd: projectRoot(), encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /start it with child_process.fork/);
});

test('one-shot under fork (the fallback, lib/verifier.ts verifyFresh): each stage arrives as a progress message', async () => {
  const { verifyFresh } = await import('@/lib/deploy/verifier');
  const broken = join(buildsDir(), `test-verify-fresh-${process.pid}`);
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'workflows.ts'), 'export async function Broken(): Promise<string> {\n  return 42;\n}\n');
  try {
    const events: unknown[] = [];
    const run = await verifyFresh(broken, (event) => events.push(event));
    assert.equal(run.code, 1, run.output);
    assert.deepEqual(events.map((e) => ({ ...(e as object), ms: undefined })), [
      { stage: 'typecheck', state: 'running', ms: undefined },
      { stage: 'typecheck', state: 'failed', ms: undefined },
    ]);
    assert.match(run.output, /\[verify\] failed at typecheck/);
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
});
