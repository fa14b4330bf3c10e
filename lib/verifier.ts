/**
 * Server-only. A warm verifier: one long-lived `worker/verify-cli.ts --serve` child process that
 * keeps TypeScript, the SDK's parsed type definitions and webpack loaded between deploys (a fresh
 * process costs 7–13 s on a loaded machine, a warm one about a second; docs/benchmarks.md).
 * One build directory at a time; a crashed or hung verifier is replaced on the next deploy.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { VerifyReport } from './verify-report';
import { projectRoot } from './paths';

const TIMEOUT_MS = 180_000;

interface Warm {
  child: ChildProcessWithoutNullStreams;
  pending: { dir: string; resolve: (report: VerifyReport) => void; reject: (error: Error) => void } | null;
  buffer: string;
  output: string;
}

const globalForVerifier = globalThis as typeof globalThis & { __signalboxVerifier?: Warm; __signalboxVerifierQueue?: Promise<unknown> };

function startWarm(): Warm {
  const child = spawn(process.execPath, ['--import', 'tsx', join('worker', 'verify-cli.ts'), '--serve'], {
    cwd: projectRoot(),
    env: process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const warm: Warm = { child, pending: null, buffer: '', output: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    warm.buffer += chunk.toString();
    let newline: number;
    while ((newline = warm.buffer.indexOf('\n')) >= 0) {
      const line = warm.buffer.slice(0, newline);
      warm.buffer = warm.buffer.slice(newline + 1);
      if (!line.startsWith('{"dir":')) {
        warm.output = (warm.output + line + '\n').slice(-5000);
        continue;
      }
      const answer = JSON.parse(line) as { dir: string; report: VerifyReport };
      const pending = warm.pending;
      if (pending && resolve(pending.dir) === answer.dir) {
        warm.pending = null;
        pending.resolve(answer.report);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    warm.output = (warm.output + chunk.toString()).slice(-5000);
  });
  child.on('exit', (code, signal) => {
    if (globalForVerifier.__signalboxVerifier === warm) globalForVerifier.__signalboxVerifier = undefined;
    warm.pending?.reject(new Error(`The verifier process ended (${signal ?? `exit code ${code}`}):\n${warm.output.trim().split('\n').slice(-15).join('\n')}`));
    warm.pending = null;
  });
  child.on('error', (error) => {
    warm.pending?.reject(error);
    warm.pending = null;
  });
  setKeepsProcessAlive(warm, false);
  return warm;
}

/** An idle verifier must not keep a finishing process (tests, scripts) alive; a busy one must. */
function setKeepsProcessAlive(warm: Warm, alive: boolean): void {
  if (alive) warm.child.ref();
  else warm.child.unref();
  // The pipes are sockets at run time (the stream types do not say so).
  for (const pipe of [warm.child.stdout, warm.child.stderr, warm.child.stdin]) {
    const socket = pipe as unknown as { ref?: () => void; unref?: () => void };
    if (alive) socket.ref?.();
    else socket.unref?.();
  }
}

function verifyOnce(dir: string): Promise<VerifyReport> {
  const warm = (globalForVerifier.__signalboxVerifier ??= startWarm());
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
    warm.child.stdin.write(`${resolve(dir)}\n`);
  });
}

/** Verifies a build directory in the warm verifier (one at a time; writes verify.json and bundle.js like the one-shot CLI). */
export function verifyWarm(dir: string): Promise<VerifyReport> {
  const previous = globalForVerifier.__signalboxVerifierQueue ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => verifyOnce(dir));
  globalForVerifier.__signalboxVerifierQueue = run;
  return run;
}

/** Stops the warm verifier (tests and scripts). */
export function stopVerifier(): void {
  globalForVerifier.__signalboxVerifier?.child.kill('SIGTERM');
  globalForVerifier.__signalboxVerifier = undefined;
}
