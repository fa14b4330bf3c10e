// Keeps the stack's long-running services up (what `npm start` runs, scripts/start.ts): a service
// that exits without being asked to is restarted on its own, with exponential backoff and a restart
// budget, while the others keep running; only stopAll() (Ctrl-C / SIGTERM) stops them, in reverse
// start order. Each restart is logged with its cause; a service that spends its budget is reported
// as failing, with its last output, and is then retried slowly instead of given up on — a database
// that comes back an hour later should not need a person to notice.
import { describeExit, formatDuration, log, signalTree, type ManagedProcess } from './processes';

export interface RestartPolicy {
  /** Delay before the first restart of a streak; it doubles with each crash of the streak… */
  initialDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** More crashes than this within `windowMs` and the service is reported failing. */
  budget: number;
  windowMs: number;
  /** How often a failing service is tried again. */
  failingRetryMs: number;
  /** A run at least this long ends the streak: the next crash restarts after `initialDelayMs` again. */
  stableMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  budget: 5,
  windowMs: 120_000,
  failingRetryMs: 60_000,
  stableMs: 60_000,
};

export interface RestartDecision {
  delayMs: number;
  /** The budget is spent: say so loudly and retry only every `failingRetryMs`. */
  failing: boolean;
  /** Crashes within the budget's window, this one included. */
  recentCrashes: number;
}

/** The restart schedule of one service (pure: time comes in as arguments). */
export class RestartBackoff {
  private crashTimes: number[] = [];
  private streak = 0;
  private failing = false;

  constructor(private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY) {}

  /** Records a crash at `now` after `uptimeMs` of service, and says when to restart. */
  crashed(now: number, uptimeMs: number): RestartDecision {
    const { initialDelayMs, maxDelayMs, budget, windowMs, failingRetryMs, stableMs } = this.policy;
    if (uptimeMs >= stableMs) {
      this.streak = 0;
      this.failing = false;
    }
    this.streak += 1;
    this.crashTimes = [...this.crashTimes.filter((time) => now - time < windowMs), now];
    // Sticky until a stable run: a failing service retried once a minute must not look healthy again
    // just because its earlier crashes left the window.
    this.failing ||= this.crashTimes.length > budget;
    const delayMs = this.failing ? failingRetryMs : Math.min(maxDelayMs, initialDelayMs * 2 ** (this.streak - 1));
    return { delayMs, failing: this.failing, recentCrashes: this.crashTimes.length };
  }
}

export interface ServiceDefinition {
  name: string;
  /**
   * Starts the service and resolves once it serves; rejects when it exits or times out first.
   * Calls `spawned` as soon as the process exists, so that a stop during startup reaches it.
   */
  start(spawned: (process: ManagedProcess) => void): Promise<void>;
  /** SIGTERM grace before SIGKILL when stopping (default 10 s). */
  graceMs?: number;
}

export type ServiceState = 'starting' | 'up' | 'restarting' | 'failing' | 'stopped';

export interface ServiceStatus {
  name: string;
  state: ServiceState;
  restarts: number;
  pid?: number;
}

interface Service {
  definition: ServiceDefinition;
  state: ServiceState;
  process?: ManagedProcess;
  upSince: number;
  crashedAt: number;
  restarts: number;
  backoff: RestartBackoff;
  timer?: NodeJS.Timeout;
}

export interface SupervisorOptions {
  policy?: Partial<RestartPolicy>;
  /** Where the supervisor's own messages go (default: `[signalbox] …` on stdout). */
  log?: (message: string) => void;
  now?: () => number;
}

/** Lines of a crashed service's output shown with each restart, and when it is reported failing. */
const TAIL_ON_RESTART = 10;
const TAIL_ON_FAILING = 20;

export class Supervisor {
  private readonly services: Service[] = [];
  private readonly policy: RestartPolicy;
  private readonly say: (message: string) => void;
  private readonly now: () => number;
  private stopping = false;

  constructor(options: SupervisorOptions = {}) {
    this.policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
    this.say = options.log ?? ((message) => log('signalbox', message));
    this.now = options.now ?? Date.now;
  }

  /**
   * Starts a service for the first time and supervises it from then on. A first start that fails
   * rejects (a startup error, as a wrong setting usually is); once up, it is restarted whenever it exits.
   */
  async start(definition: ServiceDefinition): Promise<void> {
    const service: Service = {
      definition,
      state: 'starting',
      upSince: 0,
      crashedAt: 0,
      restarts: 0,
      backoff: new RestartBackoff(this.policy),
    };
    this.services.push(service);
    await this.launch(service);
  }

  status(): ServiceStatus[] {
    return this.services.map(({ definition, state, restarts, process }) => ({
      name: definition.name,
      state,
      restarts,
      ...(process?.child.pid ? { pid: process.child.pid } : {}),
    }));
  }

  /** The processes running now (for a forced exit). */
  processes(): ManagedProcess[] {
    return this.services.flatMap((service) => (service.process ? [service.process] : []));
  }

  /** Stops every service in reverse start order; nothing is restarted after this. */
  async stopAll(onError: (name: string, error: Error) => void = () => undefined): Promise<void> {
    this.stopping = true;
    for (const service of [...this.services].reverse()) {
      clearTimeout(service.timer);
      service.state = 'stopped';
      try {
        await service.process?.stop(service.definition.graceMs ?? 10_000);
      } catch (error) {
        onError(service.definition.name, error as Error);
      }
    }
  }

  private async launch(service: Service): Promise<void> {
    service.state = 'starting';
    service.process = undefined; // never signal a dead process's id again: the OS may have reused it
    let spawnedProcess: ManagedProcess | undefined;
    await service.definition.start((process) => {
      spawnedProcess = process;
      service.process = process;
      if (this.stopping) void process.stop(service.definition.graceMs ?? 10_000);
    });
    const process = spawnedProcess as ManagedProcess | undefined; // set by the callback: TS cannot see it
    if (!process) throw new Error(`${service.definition.name}: start() resolved without reporting its process`);
    service.state = 'up';
    service.upSince = this.now();
    void process.exited.then((result) => {
      if (this.stopping || process.stopping || service.process !== process) return;
      this.crashed(service, process, `${describeExit(result)} unexpectedly`, this.now() - service.upSince, process.tail());
    });
  }

  private crashed(service: Service, process: ManagedProcess | undefined, cause: string, uptimeMs: number, tail: string[]): void {
    const { name } = service.definition;
    // What the dead process spawned (e.g. a server's own workers) would keep its port: clear the group.
    if (process?.child) signalTree(process.child, 'SIGKILL');
    service.crashedAt = this.now();
    const decision = service.backoff.crashed(service.crashedAt, uptimeMs);
    service.state = decision.failing ? 'failing' : 'restarting';
    const lines = tail.slice(-(decision.failing ? TAIL_ON_FAILING : TAIL_ON_RESTART));
    const output = lines.length > 0 ? `\n${lines.map((line) => `    ${line}`).join('\n')}` : '';
    if (decision.failing) {
      this.say(
        `${name} is FAILING: ${cause}; ${decision.recentCrashes} crashes within ${formatDuration(this.policy.windowMs)}. ` +
          `Trying again every ${formatDuration(decision.delayMs)}; the other services stay up.${output ? ` Last output:${output}` : ''}`,
      );
    } else {
      this.say(
        `${name} ${cause} after ${formatDuration(uptimeMs)}: restarting in ${formatDuration(decision.delayMs)} ` +
          `(restart ${service.restarts + 1})${output ? `. Last output:${output}` : ''}`,
      );
    }
    service.timer = setTimeout(() => void this.restart(service), decision.delayMs);
  }

  private async restart(service: Service): Promise<void> {
    if (this.stopping) return;
    const { name, graceMs = 10_000 } = service.definition;
    service.restarts += 1;
    const attemptAt = this.now();
    try {
      await this.launch(service);
      this.say(`${name} is back: up ${formatDuration(this.now() - service.crashedAt)} after it went down (restart ${service.restarts})`);
    } catch (error) {
      const failed = service.process;
      await failed?.stop(graceMs).catch(() => undefined); // a start that timed out may still run
      if (this.stopping) return;
      // The error's first line says why; its output follows like any crash's.
      const reason = (error as Error).message.split('\n')[0]!.replace(/; last output:$/, '');
      this.crashed(service, failed, `could not be restarted: ${reason}`, this.now() - attemptAt, failed?.tail() ?? []);
    }
  }
}
