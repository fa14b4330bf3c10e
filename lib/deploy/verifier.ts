/**
 * The warm verifier: two long-lived `worker/verify-cli.ts --serve` child processes that keep
 * TypeScript, the SDK's parsed type definitions and webpack loaded between deploys (a fresh process
 * costs 7–13 s on a loaded machine, a warm one well under a second; docs/benchmarks.md). One type-checks,
 * the other bundles and replays: the two halves share nothing but the generated files, so they run
 * side by side on two cores, and the deploy waits for the longer one instead of their sum (the bundle
 * also ran slower after a type check in the same process: its heap was full of the checker's program).
 * Each process takes one build directory at a time; a crashed or hung one is replaced on the next deploy.
 */
import 'server-only';
import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { mergeReports, type VerifyReport } from './verify-report';
import { projectRoot } from '../paths';
import { isVerifierMessage, VERIFY_CLI, type VerifyProgress, type VerifyRequest } from './verify-protocol';

/** The two halves of a verification, each in its own warm process. */
type WarmPart = 'typecheck' | 'build';

const TIMEOUT_MS = 180_000;

interface Warm {
  child: ChildProcess;
  pending: { dir: string; resolve: (report: VerifyReport) => void; reject: (error: Error) => void } | null;
  output: string;
}

// On globalThis: Next.js dev reloads modules, and a second set of processes must not be started.
const globalForVerifier = globalThis as typeof globalThis & {
  __signalboxVerifiers?: Partial<Record<WarmPart, Warm>>;
  __signalboxVerifierQueues?: Partial<Record<WarmPart, Promise<unknown>>>;
};
const warmProcesses = () => (globalForVerifier.__signalboxVerifiers ??= {});
const warmQueues = () => (globalForVerifier.__signalboxVerifierQueues ??= {});

/** Starts the verifier CLI under fork, tsx as its loader; stdout and stderr only feed `onOutput` (for error messages). */
function forkVerifier(args: string[], onOutput: (text: string) => void): ChildProcess {
  const child = fork(VERIFY_CLI, args, {
    cwd: projectRoot(),
    env: process.env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout!.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  return child;
}

function startWarm(part: WarmPart): Warm {
  const warm: Warm = { child: forkVerifier(['--serve'], (text) => (warm.output = (warm.output + text).slice(-5000))), pending: null, output: '' };
  warm.child.on('message', (message: unknown) => {
    const pending = warm.pending;
    if (!isVerifierMessage(message) || message.type !== 'report' || !pending || resolve(pending.dir) !== message.dir) return;
    warm.pending = null;
    pending.resolve(message.report);
  });
  warm.child.on('exit', (code, signal) => {
    if (warmProcesses()[part] === warm) delete warmProcesses()[part];
    warm.pending?.reject(new Error(`The verifier process ended (${signal ?? `exit code ${code}`}):\n${warm.output.trim().split('\n').slice(-15).join('\n')}`));
    warm.pending = null;
  });
  warm.child.on('error', (error) => {
    warm.pending?.reject(error);
    warm.pending = null;
  });
  setKeepsProcessAlive(warm, false);
  return warm;
}

/** An idle verifier must not keep a finishing process (tests, scripts) alive; a busy one must. */
function setKeepsProcessAlive(warm: Warm, alive: boolean): void {
  // The pipes are sockets at run time (the stream types do not say so).
  const handles = [warm.child, warm.child.channel, warm.child.stdout, warm.child.stderr] as ({ ref?: () => void; unref?: () => void } | null | undefined)[];
  for (const handle of handles) {
    if (alive) handle?.ref?.();
    else handle?.unref?.();
  }
}

function verifyOnce(dir: string, part: WarmPart): Promise<VerifyReport> {
  const warm = (warmProcesses()[part] ??= startWarm(part));
  setKeepsProcessAlive(warm, true);
  return new Promise<VerifyReport>((resolvePromise, reject) => {
    const done = () => setKeepsProcessAlive(warm, false);
    const timer = setTimeout(() => {
      warm.child.kill('SIGKILL');
      reject(new Error(`The verifier did not answer within ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    warm.pending = {
      dir,
      resolve: (report) => {
        clearTimeout(timer);
        done();
        resolvePromise(report);
      },
      reject: (error) => {
        clearTimeout(timer);
        done();
        reject(error);
      },
    };
    const request: VerifyRequest = { type: 'verify', dir: resolve(dir), part };
    warm.child.send(request);
  });
}

/** One half in its warm process, after the builds asked before it. */
function verifyPart(dir: string, part: WarmPart): Promise<VerifyReport> {
  const queues = warmQueues();
  const run = (queues[part] ?? Promise.resolve()).catch(() => undefined).then(() => verifyOnce(dir, part));
  queues[part] = run;
  return run;
}

/**
 * Verifies a build directory in the warm verifier: both halves at once, merged into one report, which
 * is written as verify.json like the one-shot CLI does (bundle.js is written by the build half). Rejects
 * when either process crashed or hung — only once both have stopped touching the directory.
 */
export async function verifyWarm(dir: string): Promise<VerifyReport> {
  const [checked, built] = await Promise.allSettled([verifyPart(dir, 'typecheck'), verifyPart(dir, 'build')]);
  if (checked.status === 'rejected') throw checked.reason;
  if (built.status === 'rejected') throw built.reason;
  const report = mergeReports(checked.value, built.value);
  await writeFile(join(dir, 'verify.json'), JSON.stringify(report, null, 2));
  return report;
}

/**
 * Verifies a build directory in a fresh one-shot verifier process (the fallback when the warm one crashed
 * or hung), passing its stages on as they happen. Resolves with its exit code and the tail of its output.
 */
export function verifyFresh(dir: string, onProgress: (event: Omit<VerifyProgress, 'type'>) => void): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const child = forkVerifier([dir], (text) => (output = (output + text).slice(-20_000)));
    child.on('message', (message: unknown) => {
      if (!isVerifierMessage(message) || message.type !== 'progress') return;
      const { type: _message, ...event } = message;
      onProgress(event);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}

/** Stops the warm verifier's processes (tests and scripts). */
export function stopVerifier(): void {
  const processes = warmProcesses();
  for (const part of Object.keys(processes) as WarmPart[]) {
    processes[part]?.child.kill('SIGTERM');
    delete processes[part];
  }
}
