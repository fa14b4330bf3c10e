// Child-process helpers shared by the supervisor (start.ts), the test runner (test.ts) and
// the infrastructure helpers: prefixed line-buffered output, readiness waits, ordered shutdown.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const palette = [36, 35, 33, 32, 34, 91, 96, 95];
let nextColor = 0;

export function colorize(text: string, code: number): string {
  return useColor ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export function log(prefix: string, message: string): void {
  process.stdout.write(`[${prefix}] ${message}\n`);
}

const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Adds the prefix unless the line already starts with the same `[name]` tag. */
function withPrefix(prefix: string, line: string): string {
  const tag = prefix.replace(ansi, '').trim();
  if (tag && line.startsWith(tag)) return line;
  return `${prefix}${line}`;
}

/** Pipes a stream to stdout/stderr line by line, each line prefixed with `[name] `. */
export function pipeLines(
  stream: NodeJS.ReadableStream | null | undefined,
  out: NodeJS.WritableStream,
  prefix: string,
  onLine?: (line: string) => void,
): void {
  if (!stream) return;
  let buffer = '';
  stream.setEncoding?.('utf8');
  stream.on('data', (chunk: string | Buffer) => {
    buffer += chunk.toString();
    let index: number;
    while ((index = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, index).replace(/\r$/, '');
      buffer = buffer.slice(index + 1);
      out.write(`${withPrefix(prefix, line)}\n`);
      onLine?.(line);
    }
  });
  stream.on('end', () => {
    if (buffer.length > 0) {
      out.write(`${withPrefix(prefix, buffer)}\n`);
      onLine?.(buffer);
      buffer = '';
    }
  });
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** Resolves when the process has exited (never rejects). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True once stop() was called: an exit after that is expected. */
  stopping: boolean;
  /** The last lines of output, for error messages. */
  tail(): string[];
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions extends Omit<SpawnOptions, 'stdio'> {
  /** Prefix shown before each output line; defaults to the name. */
  prefix?: string;
  /** Do not echo output (it is still kept for tail()). */
  quiet?: boolean;
  /** Called for each output line (stdout and stderr). */
  onLine?: (line: string) => void;
  /** Stop echoing output once stop() was called (shutdown noise); default true. */
  quietOnStop?: boolean;
}

/**
 * Spawns a child with its output prefixed by `[name]`. The child gets its own process
 * group (detached) so that stop() can signal the whole tree (e.g. `next start` workers),
 * and so that a terminal Ctrl-C reaches only the supervisor, which then stops children
 * in order.
 */
export function startProcess(name: string, command: string, args: string[], options: StartOptions = {}): ManagedProcess {
  const { prefix = name, quiet = false, onLine, quietOnStop = true, ...spawnOptions } = options;
  const child = spawn(command, args, {
    ...spawnOptions,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  const label = colorize(`[${prefix}]`, palette[nextColor++ % palette.length]) + ' ';
  const lines: string[] = [];
  const remember = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
    onLine?.(line);
  };
  if (quiet) {
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    pipeLines(child.stdout, sink, '', remember);
    pipeLines(child.stderr, sink, '', remember);
  } else {
    const gated = (out: NodeJS.WritableStream) =>
      ({
        write: (text: string) => (quietOnStop && managed.stopping ? true : out.write(text)),
      }) as unknown as NodeJS.WritableStream;
    pipeLines(child.stdout, gated(process.stdout), label, remember);
    pipeLines(child.stderr, gated(process.stderr), label, remember);
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', (error) => {
      remember(`failed to start: ${error.message}`);
      resolve({ code: -1, signal: null });
    });
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const managed: ManagedProcess = {
    name,
    child,
    exited,
    stopping: false,
    tail: () => [...lines],
    async stop(graceMs = 10_000) {
      managed.stopping = true;
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      signalTree(child, 'SIGTERM');
      const done = await withTimeout(exited.then(() => true), graceMs, false);
      if (!done) {
        log('signalbox', `${name} did not stop within ${Math.round(graceMs / 1000)} s: sending SIGKILL`);
        signalTree(child, 'SIGKILL');
        await withTimeout(exited, 5_000, undefined);
      }
    },
  };
  return managed;
}

/** Resolves with the promise's value, or with `fallback` after `ms` (the timer does not keep Node alive). */
export function withTimeout<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Sends a signal to the child's whole process group (what it spawned too), or to the child alone where groups do not exist. */
export function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform !== 'win32') process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Describes how a process ended, e.g. "exited with code 1" or "was killed by SIGKILL". */
export function describeExit(result: { code: number | null; signal: NodeJS.Signals | null }): string {
  if (result.signal) return `was killed by ${result.signal}`;
  if (result.code === -1) return 'could not be started';
  return `exited with code ${result.code}`;
}

/** Stops processes in reverse start order. */
export async function stopAll(processes: ManagedProcess[], graceMs = 10_000): Promise<void> {
  for (const managed of [...processes].reverse()) {
    await managed.stop(graceMs);
  }
}

/** Runs a command to completion, output prefixed; resolves with the exit code and captured output. */
export async function runProcess(
  name: string,
  command: string,
  args: string[],
  options: StartOptions = {},
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string[] }> {
  const output: string[] = [];
  const onLine = options.onLine;
  const managed = startProcess(name, command, args, {
    ...options,
    onLine: (line) => {
      output.push(line);
      onLine?.(line);
    },
  });
  const result = await managed.exited;
  return { ...result, output };
}

function tryConnect(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const finish = (ok: boolean) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** If given, waiting fails as soon as this process exits. */
  process?: ManagedProcess;
  /** Describes what is awaited in the error message. */
  what?: string;
}

async function waitUntil(check: () => Promise<boolean>, what: string, options: WaitOptions): Promise<void> {
  const { timeoutMs = 60_000, intervalMs = 250, process: managed } = options;
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  managed?.exited.then(() => {
    exited = true;
  });
  for (;;) {
    if (await check()) return;
    if (exited && managed) {
      const result = await managed.exited;
      const tail = managed.tail().slice(-15).join('\n  ');
      throw new Error(`${managed.name} ${describeExit(result)} before ${what} was ready${tail ? `; last output:\n  ${tail}` : ''}`);
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Waits until host:port accepts TCP connections. */
export function waitForPort(port: number, host = '127.0.0.1', options: WaitOptions = {}): Promise<void> {
  return waitUntil(() => tryConnect(host, port, 1_000), options.what ?? `${host}:${port}`, options);
}

/** Waits until the URL answers with a status accepted by `ok` (default: < 400, redirects not followed). */
export function waitForHttp(
  url: string,
  options: WaitOptions & { ok?: (status: number) => boolean } = {},
): Promise<void> {
  const ok = options.ok ?? ((status: number) => status < 400);
  return waitUntil(
    async () => {
      try {
        const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
        await response.body?.cancel().catch(() => undefined);
        return ok(response.status);
      } catch {
        return false;
      }
    },
    options.what ?? url,
    options,
  );
}

/** Polls an arbitrary async check (true = ready). */
export function waitFor(check: () => Promise<boolean>, what: string, options: WaitOptions = {}): Promise<void> {
  return waitUntil(check, what, options);
}

/** Returns true when nothing listens on host:port (and we may bind it). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Finds a free TCP port on the loopback interface (the OS picks one). */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });
}

/** Formats milliseconds as "12.3 s" or "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}
