/**
 * Verifies generated files in a build directory, in its own process (it loads webpack and the
 * TypeScript compiler; Next.js never imports it):
 *   node --import tsx worker/verify-cli.ts <dir>
 * 1. type-checks the files against the real @temporalio/* types (codegen/verify/typecheck.ts);
 * 2. compiles custom activities (activities/<name>.ts) to activities/<name>.mjs for the worker host;
 * 3. bundles <dir>/workflows.ts with bundleWorkflowCode.
 * Writes <dir>/bundle.js when both pass, and always <dir>/verify.json:
 *   { ok, stage: 'typecheck' | 'bundle' | 'done', diagnostics, ms: { typecheck, bundle } }.
 * Exits 0 when ok, 1 when verification failed, 2 on bad usage. Started with `child_process.fork`, it
 * reports each stage to its parent as a VerifyProgress message (lib/verify-protocol.ts); else on stdout.
 *
 * Long-lived mode, for a host that verifies many builds (lib/verifier.ts, the benchmark), only under fork:
 *   fork('worker/verify-cli.ts', ['--serve'], { execArgv: ['--import', 'tsx'] })
 * verifies the build directory of each VerifyRequest message, one at a time, and answers each with a
 * VerifyAnswer message carrying its report, writing the same verify.json and bundle.js. A request may
 * ask for one part only (the type check, or the bundle and replay): the deploy runs the two parts in two
 * warm processes at once and merges their answers (lib/deploy/verifier.ts). It pays for
 * loading TypeScript and webpack and for parsing the SDK's type definitions once instead of per
 * build (see docs/benchmarks.md, "Codegen"). It ends when its parent disconnects.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { transpileCustomActivities, typecheckFiles } from '@/codegen/verify';
import { isVerifyRequest, type VerifierMessage, type VerifyPart, type VerifyProgress } from '@/lib/deploy/verify-protocol';
import { bundleWorkflows } from './bundle';
import { mergeReports, type VerifyReport } from '@/lib/deploy/verify-report';
import { replayHistories } from './replay';

const serving = process.argv[2] === '--serve';
/** Settles once every message sent so far has been handed to the parent (before the process exits). */
let allSent: Promise<void> = Promise.resolve();

function send(message: VerifierMessage): void {
  const sent = new Promise<void>((done) => process.send!(message, undefined, undefined, () => done()));
  allSent = allSent.then(() => sent);
}

/** One-shot runs report progress (to the parent under fork, else on stdout); --serve answers once per build. */
function progress(stage: VerifyProgress['stage'], state: VerifyProgress['state'], ms?: number, message?: string): void {
  if (serving) return;
  const event: VerifyProgress = { type: 'progress', stage, state, ...(ms === undefined ? {} : { ms }), ...(message ? { message } : {}) };
  if (process.send) send(event);
  else console.log(`[verify] ${stage} ${state}${ms === undefined ? '' : ` (${ms} ms)`}${message ? `: ${message}` : ''}`);
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

function emptyReport(): VerifyReport {
  return { ok: false, stage: 'typecheck', diagnostics: [], ms: { typecheck: 0, bundle: 0, replay: 0 } };
}

/** The type check, then the custom activities' compilation; ok when no error. */
function typecheckPart(dir: string): VerifyReport {
  const report = emptyReport();
  progress('typecheck', 'running');
  const started = Date.now();
  try {
    report.diagnostics.push(...typecheckFiles({ dir, files: listFiles(dir) }));
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
  report.stage = 'done';
  report.ok = true;
  return report;
}

/** The bundle (written as bundle.js), then the replay check of the given histories against it. */
async function buildPart(dir: string): Promise<VerifyReport> {
  const report = emptyReport();
  report.stage = 'bundle';
  progress('bundle', 'running');
  let started = Date.now();
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

/** Everything, in the order a one-shot run reports it: no bundle is made of code that does not type-check. */
async function verify(dir: string): Promise<VerifyReport> {
  const checked = typecheckPart(dir);
  if (!checked.ok) return checked;
  const built = await buildPart(dir);
  return mergeReports(checked, built);
}

async function run(dir: string, part: VerifyPart): Promise<VerifyReport> {
  try {
    if (part === 'typecheck') return typecheckPart(dir);
    if (part === 'build') return await buildPart(dir);
    return await verify(dir);
  } catch (error) {
    return { ...emptyReport(), diagnostics: [{ severity: 'error', code: 'verify.failed', message: message(error) }] };
  }
}

async function verifyAndRecord(dir: string): Promise<VerifyReport> {
  const report = await run(dir, 'all');
  writeFileSync(join(dir, 'verify.json'), JSON.stringify(report, null, 2));
  return report;
}

/** Verifies the build directories the parent sends, one at a time, answering each with its report. */
function serve(): void {
  if (!process.send) {
    console.error('--serve takes its requests as IPC messages: start it with child_process.fork (see lib/verifier.ts)');
    process.exit(2);
  }
  let queue: Promise<void> = Promise.resolve();
  process.on('message', (request: unknown) => {
    if (!isVerifyRequest(request)) {
      console.error(`[verify] ignored a message that is not a verify request: ${JSON.stringify(request)}`);
      return;
    }
    const dir = resolve(request.dir);
    const part = request.part ?? 'all';
    queue = queue
      .then(async () => send({ type: 'report', dir, report: part === 'all' ? await verifyAndRecord(dir) : await run(dir, part) }))
      .catch((error: unknown) => {
        // verify.json could not be written: end, so that the parent sees the crash and verifies in a fresh process
        console.error(error);
        process.exit(1);
      });
  });
  // Nobody is left to answer: a verification still running is of no use.
  process.on('disconnect', () => process.exit(0));
}

const dirArg = process.argv[2];
if (!dirArg) {
  console.error('usage: node --import tsx worker/verify-cli.ts <build-dir>   (or --serve under child_process.fork)');
  process.exit(2);
}
if (dirArg === '--serve') {
  serve();
} else {
  const dir = resolve(dirArg);
  const report = await verifyAndRecord(dir);
  console.log(`[verify] ${report.ok ? 'ok' : `failed at ${report.stage}`} (typecheck ${report.ms.typecheck} ms, bundle ${report.ms.bundle} ms)`);
  await allSent;
  process.exit(report.ok ? 0 : 1);
}
