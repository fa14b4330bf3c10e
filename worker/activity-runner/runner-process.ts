/**
 * Server-only (worker host). One activity runner process (child.mjs) and the host's side of its
 * calls: the call goes over IPC, heartbeats and log lines come back to the Temporal activity
 * context, cancellation goes to the runner. The host enforces the limits the runner cannot be
 * trusted with: a call that outlives its hard limit, or a runner whose resident memory passes its
 * limit, is killed (SIGKILL) and the call fails with an ApplicationFailure saying so.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Context } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { isRunnerMessage, type RemoteError, type RunnerMessage } from './protocol';
import { RUNNER_SCRIPT, runnerLaunch, type RunnerIdentity, type RunnerLimits } from './sandbox';

/** How long a cancelled call has to finish before its runner is killed. */
export const CANCEL_GRACE_MS = 5_000;
/** What a call gets beyond its start-to-close timeout before the runner is killed (Temporal has timed it out by then). */
const TIMEOUT_GRACE_MS = 5_000;
/** How often a runner's resident memory is read. */
const MEMORY_CHECK_MS = 100;
/** How long loading a deployment's modules may take. */
const LOAD_TIMEOUT_MS = 30_000;

export class RunnerLoadError extends Error {
  constructor(
    readonly activity: string | null,
    message: string,
    readonly missingExport = false,
  ) {
    super(message);
    this.name = 'RunnerLoadError';
  }
}

/** The part of the activity context a runner call uses (Context.current() in the worker host). */
export type CallContext = Pick<Context, 'info' | 'cancelled' | 'heartbeat' | 'log'>;

/** Resident memory of a process in MB (Linux), or null where /proc is not available. */
async function residentMb(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kb = status && /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : null;
}

/** A failure sent back by the runner, as the ApplicationFailure (or CancelledFailure) Temporal records. */
export function failureFrom(remote: RemoteError): Error {
  const failure =
    remote.kind === 'cancelled'
      ? new CancelledFailure(remote.message)
      : ApplicationFailure.create({
          message: remote.message,
          // A plain Error keeps its name as the type, as the SDK does for errors thrown in the host.
          type: remote.kind === 'application' ? remote.type : remote.name,
          nonRetryable: remote.kind === 'application' ? Boolean(remote.nonRetryable) : false,
          details: remote.details ?? [],
        });
  if (remote.stack) failure.stack = remote.stack;
  return failure;
}

export class RunnerProcess {
  private readonly child: ChildProcess;
  private stderrTail = '';
  private nextId = 1;
  /** Why the host killed it (the failure of the call running then), or null. */
  private killedFor: Error | null = null;
  private readonly exited: Promise<void>;
  private onMessage: (message: RunnerMessage) => void = () => {};
  private onExit: () => void = () => {};
  /** Managed by the pool: reserved for or running a call. */
  busy = false;
  idleSince = Date.now();

  constructor(
    readonly dir: string,
    private readonly limits: RunnerLimits,
    identity: RunnerIdentity | null,
    private readonly label: string,
  ) {
    const launch = runnerLaunch(dir, limits);
    this.child = fork(RUNNER_SCRIPT, [], {
      ...launch,
      // (Next.js's types make NODE_ENV required in every environment; a runner's has none.)
      env: launch.env as NodeJS.ProcessEnv,
      ...(identity ? { uid: identity.uid, gid: identity.gid } : {}),
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    // The runner's own output (console.log in activity code) goes to the host's log, labelled.
    this.child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefixLines(`[${label}] `, chunk.toString())));
    this.child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      this.stderrTail = (this.stderrTail + text).slice(-2000);
      process.stderr.write(prefixLines(`[${label}] `, text));
    });
    this.child.on('message', (message: unknown) => {
      if (isRunnerMessage(message)) this.onMessage(message);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    // Always on, idle or busy: left-over work of an earlier call may keep allocating.
    const watchdog = setInterval(() => void this.checkMemory(), MEMORY_CHECK_MS);
    watchdog.unref();
    void this.exited.then(() => {
      clearInterval(watchdog);
      this.onExit();
    });
    this.child.on('error', () => {}); // a failed send or spawn shows as the exit
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.killedFor === null;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Imports the deployment's modules; rejects with RunnerLoadError naming the activity that failed. */
  load(modules: { activity: string; file: string }[]): Promise<void> {
    return this.exchange(LOAD_TIMEOUT_MS, (settle) => {
      this.onMessage = (message) => {
        if (message.type === 'loaded') settle.resolve(undefined);
        if (message.type === 'load-failed') settle.reject(new RunnerLoadError(message.activity, message.message, message.missingExport));
      };
      this.child.send({ type: 'load', modules });
    }).then(() => undefined);
  }

  /** Runs one call; the runner's answer, or the failure Temporal should record. */
  call(activity: string, args: unknown[], context: CallContext): Promise<unknown> {
    const id = this.nextId++;
    const { info } = context;
    const timeoutMs = Math.min(this.limits.maxCallMs, 2 ** 31 - 1, info.startToCloseTimeoutMs ? info.startToCloseTimeoutMs + TIMEOUT_GRACE_MS : Infinity);
    return this.exchange(timeoutMs, (settle) => {
      this.onMessage = (message) => {
        if (!('id' in message) || message.id !== id) return;
        if (message.type === 'result') settle.resolve(message.value);
        else if (message.type === 'error') settle.reject(failureFrom(message.error));
        else if (message.type === 'heartbeat') context.heartbeat(message.details);
        else if (message.type === 'log') context.log[message.level](message.message, { ...message.meta, customActivity: activity });
      };
      context.cancelled.catch((cancelled: unknown) => {
        if (!this.alive || settle.settled()) return;
        const reason = cancelled instanceof Error ? cancelled.message : 'CANCELLED';
        this.child.send({ type: 'cancel', id, reason });
        // Code that ignores cancellation (or is stuck) does not keep the slot: it is killed.
        setTimeout(() => !settle.settled() && this.kill(new CancelledFailure(reason)), CANCEL_GRACE_MS).unref();
      });
      this.child.send({ type: 'call', id, activity, args, info: copyOfInfo(info) });
    }, () => ApplicationFailure.nonRetryable(
      `custom activity "${activity}" ran longer than its hard limit of ${timeoutMs} ms and was stopped`,
      'CustomActivityTimeLimit',
    ));
  }

  /**
   * One request to the runner, settled by `start`'s handler, by the runner's exit (a crash or a kill
   * by the host, e.g. the memory watchdog) or by the time limit.
   */
  private exchange(
    timeoutMs: number,
    start: (settle: { resolve(value: unknown): void; reject(error: Error): void; settled(): boolean }) => void,
    timedOut: () => Error = () => new RunnerLoadError(null, `loading took longer than ${timeoutMs} ms`),
  ): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      let done = false;
      const finish = () => {
        done = true;
        clearTimeout(timer);
        this.onMessage = () => {};
        this.onExit = () => {};
      };
      const settle = {
        resolve: (value: unknown) => !done && (finish(), resolve(value)),
        reject: (error: Error) => !done && (finish(), reject(error)),
        settled: () => done,
      };
      const timer = setTimeout(() => this.kill(timedOut()), timeoutMs);
      this.onExit = () => settle.reject(this.killedFor ?? this.crash());
      if (!this.alive) return settle.reject(this.killedFor ?? this.crash());
      try {
        start(settle);
      } catch (error) {
        // e.g. arguments structured clone cannot copy
        settle.reject(ApplicationFailure.nonRetryable(`the call could not be sent to the activity runner: ${error instanceof Error ? error.message : String(error)}`, 'CustomActivityUnserializable'));
      }
    });
  }

  private async checkMemory(): Promise<void> {
    const pid = this.child.pid;
    const mb = pid === undefined ? null : await residentMb(pid);
    const limit = this.limits.memoryMb * 1.5;
    if (mb !== null && mb > limit && this.alive) {
      this.kill(ApplicationFailure.nonRetryable(`custom activity runner used ${Math.round(mb)} MB of memory, more than its limit of ${Math.round(limit)} MB, and was stopped`, 'CustomActivityMemoryLimit'));
    }
  }

  /** Why the runner ended on its own: out of heap, or another exit. */
  private crash(): Error {
    const how = this.child.signalCode ? `signal ${this.child.signalCode}` : `exit code ${this.child.exitCode}`;
    if (/heap out of memory|Reached heap limit/i.test(this.stderrTail)) {
      return ApplicationFailure.nonRetryable(`custom activity runner ran out of memory (heap limit ${this.limits.memoryMb} MB) and was stopped`, 'CustomActivityMemoryLimit');
    }
    const tail = this.stderrTail.trim().split('\n').slice(-5).join('\n');
    return ApplicationFailure.retryable(`custom activity runner ${this.label} ended unexpectedly (${how})${tail ? `: ${tail}` : ''}`, 'CustomActivityCrashed');
  }

  /** Stops the runner at once; the call running (if any) fails with `reason`. */
  kill(reason: Error = new Error('stopped')): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.killedFor ??= reason;
    this.child.kill('SIGKILL');
  }

  /** Stops the runner and waits until it has exited. */
  async stop(): Promise<void> {
    this.kill();
    await this.exited;
  }
}

function prefixLines(prefix: string, text: string): string {
  return text.replace(/^(?=.)/gm, prefix);
}

/** The activity info as plain data (structured clone copies data, not class instances' behaviour). */
function copyOfInfo(info: CallContext['info']): Record<string, unknown> {
  try {
    return structuredClone({ ...info }) as Record<string, unknown>;
  } catch {
    return JSON.parse(JSON.stringify(info)) as Record<string, unknown>;
  }
}
