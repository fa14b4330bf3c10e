/**
 * Server-only (worker host). The activity runners of one deployment: up to `limits.processes`
 * runner processes, each running one call at a time, so a call that loops or blows up costs only
 * its own runner (killed, then replaced on demand) and never the worker host or other calls.
 * A runner idle for IDLE_MS is stopped: nothing of a deployment keeps running between calls for
 * long, and the next call starts a fresh runner (a cold start, see docs/custom-activities.md).
 */
import { RunnerLoadError, RunnerProcess, type CallContext } from './runner-process';
import type { RunnerIdentity, RunnerLimits } from './sandbox';

export const IDLE_MS = 60_000;

export interface PoolModule {
  activity: string;
  file: string;
}

export class ActivityRunnerPool {
  private readonly runners = new Set<RunnerProcess>();
  private readonly waiting: ((runner: RunnerProcess | Error) => void)[] = [];
  private starting = 0;
  private closed = false;
  private readonly sweeper: NodeJS.Timeout;
  private spawned = 0;

  constructor(
    private readonly deploymentId: string,
    private readonly dir: string,
    private readonly modules: PoolModule[],
    private readonly limits: RunnerLimits,
    private readonly identity: RunnerIdentity | null,
  ) {
    this.sweeper = setInterval(() => this.stopIdle(), Math.min(IDLE_MS, 10_000));
    this.sweeper.unref();
  }

  /** Starts one runner and loads the modules: a module that throws on import fails here, naming its activity. */
  async start(): Promise<void> {
    this.release(await this.spawn());
  }

  /** Runs `activity` in a runner of this deployment (waiting for a free one when all are busy). */
  async call(activity: string, args: unknown[], context: CallContext): Promise<unknown> {
    const runner = await this.acquire();
    try {
      return await runner.call(activity, args, context);
    } finally {
      this.release(runner);
    }
  }

  /** Stops every runner; calls still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    for (const wake of this.waiting.splice(0)) wake(new Error(`the custom activities of deployment ${this.deploymentId} were stopped`));
    await Promise.all([...this.runners].map((runner) => runner.stop()));
    this.runners.clear();
  }

  /** Runners alive now (for tests and health). */
  get size(): number {
    return this.runners.size;
  }

  private async spawn(): Promise<RunnerProcess> {
    if (this.closed) throw new Error(`the custom activities of deployment ${this.deploymentId} were stopped`);
    this.starting += 1;
    const runner = new RunnerProcess(this.dir, this.limits, this.identity, `activity-runner ${this.deploymentId}#${++this.spawned}`);
    try {
      await runner.load(this.modules);
      this.runners.add(runner);
      return runner;
    } catch (error) {
      await runner.stop();
      throw error instanceof RunnerLoadError ? error : new RunnerLoadError(null, error instanceof Error ? error.message : String(error));
    } finally {
      this.starting -= 1;
    }
  }

  private async acquire(): Promise<RunnerProcess> {
    for (const runner of this.runners) {
      if (!runner.alive) this.runners.delete(runner);
      else if (!runner.busy) {
        runner.busy = true; // reserved until its call starts
        return runner;
      }
    }
    if (this.runners.size + this.starting < this.limits.processes) {
      const runner = await this.spawn();
      runner.busy = true;
      return runner;
    }
    const next = await new Promise<RunnerProcess | Error>((resolve) => this.waiting.push(resolve));
    if (next instanceof Error) throw next;
    return next;
  }

  /** A call is over: its runner serves the next waiting call, or a new one replaces it if it was killed. */
  private release(runner: RunnerProcess): void {
    runner.busy = false;
    runner.idleSince = Date.now();
    if (!runner.alive) this.runners.delete(runner);
    const wake = this.waiting.shift();
    if (!wake) return;
    if (runner.alive) {
      runner.busy = true;
      wake(runner);
      return;
    }
    this.spawn().then(
      (fresh) => {
        fresh.busy = true;
        wake(fresh);
      },
      (error: unknown) => wake(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private stopIdle(): void {
    for (const runner of this.runners) {
      if (!runner.alive) this.runners.delete(runner);
      else if (!runner.busy && Date.now() - runner.idleSince >= IDLE_MS) {
        this.runners.delete(runner);
        void runner.stop();
      }
    }
  }
}
