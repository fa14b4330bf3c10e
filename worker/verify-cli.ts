/**
 * Verifies generated files in a build directory, in its own process (it loads webpack and the
 * TypeScript compiler; Next.js never imports it):
 *   node --import tsx worker/verify-cli.ts <dir>
 * 1. type-checks the files against the real @temporalio/* types (codegen/verify/typecheck.ts);
 * 2. compiles custom activities (activities/<name>.ts) to activities/<name>.mjs for the worker host;
 * 3. bundles <dir>/workflows.ts with bundleWorkflowCode.
 * Writes <dir>/bundle.js when both pass, and always <dir>/verify.json:
 *   { ok, stage: 'typecheck' | 'bundle' | 'done', diagnostics, ms: { typecheck, bundle } }.
 * Exits 0 when ok, 1 when verification failed, 2 on bad usage.
 *
 * Long-lived mode, for a host that verifies many builds (and the benchmark):
 *   node --import tsx worker/verify-cli.ts --serve
 * reads one build directory per line on stdin and answers each with one JSON line on stdout,
 * `{ "dir": …, "report": VerifyReport }`, writing the same verify.json and bundle.js. It pays for
 * loading TypeScript and webpack and for parsing the SDK's type definitions once instead of per
 * build (see docs/benchmarks.md, "Codegen").
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, relative, resolve } from 'node:path';
import { transpileCustomActivities } from '../codegen/verify/transpile';
import { typecheckFiles } from '../codegen/verify/typecheck';
import { bundleWorkflows } from './bundle';
import type { VerifyReport } from '../lib/verify-report';
import { replayHistories } from './replay';

/** One-shot runs report progress on stdout; --serve keeps stdout for its one-JSON-line-per-directory protocol. */
function progress(stage: string, state: string, ms?: number, message?: string): void {
  if (process.argv[2] === '--serve') return;
  console.log(`@@progress ${JSON.stringify({ stage, state, ...(ms === undefined ? {} : { ms }), ...(message ? { message } : {}) })}`);
}

/** The .ts files of the build directory, relative to it. */
function listFiles(dir: string, base = dir): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...listFiles(full, base));
    else if (name.endsWith('.ts')) files.push(relative(base, full));
  }
  return files;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function verify(dir: string): Promise<VerifyReport> {
  const report: VerifyReport = { ok: false, stage: 'typecheck', diagnostics: [], ms: { typecheck: 0, bundle: 0, replay: 0 } };
  const files = listFiles(dir);

  progress('typecheck', 'running');
  let started = Date.now();
  try {
    report.diagnostics.push(...typecheckFiles({ dir, files }));
  } catch (error) {
    report.diagnostics.push({ severity: 'error', code: 'verify.typecheck-crashed', message: `The type check could not run: ${message(error)}` });
  }
  report.ms.typecheck = Date.now() - started;
  if (report.diagnostics.some((d) => d.severity === 'error')) {
    progress('typecheck', 'failed', report.ms.typecheck);
    return report;
  }
  progress('typecheck', 'done', report.ms.typecheck);
  // Custom activities run as JavaScript in the worker host: compiled once, here, and stored with the deployment.
  transpileCustomActivities(dir);

  report.stage = 'bundle';
  progress('bundle', 'running');
  started = Date.now();
  let code: string;
  try {
    code = (await bundleWorkflows({ workflowsPath: join(dir, 'workflows.ts') })).code;
    writeFileSync(join(dir, 'bundle.js'), code);
  } catch (error) {
    report.diagnostics.push({ severity: 'error', code: 'verify.bundle-failed', message: `The workflow code could not be bundled: ${message(error)}` });
    report.ms.bundle = Date.now() - started;
    progress('bundle', 'failed', report.ms.bundle);
    return report;
  }
  report.ms.bundle = Date.now() - started;
  progress('bundle', 'done', report.ms.bundle);

  const historiesFile = join(dir, 'replay-histories.json');
  if (existsSync(historiesFile)) {
    progress('replay', 'running');
    started = Date.now();
    const input = JSON.parse(readFileSync(historiesFile, 'utf8')) as { fromDeployment: string; histories: { workflowId: string; history: string }[] };
    report.replay = await replayHistories({ code, histories: input.histories });
    report.ms.replay = Date.now() - started;
    progress('replay', report.replay.incompatible.length > 0 ? 'warning' : 'done', report.ms.replay);
  } else {
    progress('replay', 'skipped', 0, 'no earlier deployment of this design to compare with');
  }
  report.stage = 'done';
  report.ok = true;
  return report;
}

async function verifyAndRecord(dir: string): Promise<VerifyReport> {
  let report: VerifyReport;
  try {
    report = await verify(dir);
  } catch (error) {
    report = { ok: false, stage: 'typecheck', diagnostics: [{ severity: 'error', code: 'verify.failed', message: message(error) }], ms: { typecheck: 0, bundle: 0, replay: 0 } };
  }
  writeFileSync(join(dir, 'verify.json'), JSON.stringify(report, null, 2));
  return report;
}

async function serve(): Promise<void> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const dir = resolve(line.trim());
    process.stdout.write(`${JSON.stringify({ dir, report: await verifyAndRecord(dir) })}\n`);
  }
}

const dirArg = process.argv[2];
if (!dirArg) {
  console.error('usage: node --import tsx worker/verify-cli.ts <build-dir> | --serve');
  process.exit(2);
}
if (dirArg === '--serve') {
  await serve();
} else {
  const dir = resolve(dirArg);
  const report = await verifyAndRecord(dir);
  console.log(`[verify] ${report.ok ? 'ok' : `failed at ${report.stage}`} (typecheck ${report.ms.typecheck} ms, bundle ${report.ms.bundle} ms)`);
  process.exit(report.ok ? 0 : 1);
}
