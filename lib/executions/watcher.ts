/**
 * One shared poller per execution (per process) for the live monitor: however many pages follow an
 * execution, Temporal is asked once per poll (describe + designer query) and the detail is fanned
 * out to every subscriber. A watcher starts with its first subscriber, stops when the last one
 * leaves, and stops by itself once the run has closed (after handing the closed detail out).
 *
 * It knows nothing of principals or frames: who may read which run, heartbeats and the frames a
 * page gets are each subscriber's own business (lib/executions/stream.ts).
 */
import 'server-only';
import type { ExecutionDetail } from './service';

export type DescribeForWatcher = (args: { workflowId: string; includeDesign: boolean }) => Promise<ExecutionDetail>;

export interface WatcherOptions {
  /** The execution's current run (lib/executions/service.ts describeExecution in the app). */
  describe: DescribeForWatcher;
  pollMs: number;
  /** The wait after a failed poll (Temporal not answering). */
  retryMs: number;
}

/** A detail as polled and its comparison key (the detail without its design), computed once for every subscriber. */
export interface Polled {
  detail: ExecutionDetail;
  key: string;
}

export interface WatchSubscriber {
  /** Every poll's detail, changed or not (a subscriber sends only changes, and heartbeats in between). */
  detail(polled: Polled): void;
  /** A poll failed; the watcher tries again after `retryMs`. */
  problem(error: unknown): void;
}

export interface Membership {
  /** The latest detail at once (polled within the last poll interval), with the design. */
  first: Polled;
  leave(): void;
}

export function polledOf(detail: ExecutionDetail): Polled {
  const { design: _design, ...comparable } = detail;
  return { detail, key: JSON.stringify(comparable) };
}

type Design = ExecutionDetail['design'];

export class ExecutionWatcher {
  private readonly subscribers = new Set<WatchSubscriber>();
  /** Subscribers waiting for their first detail: they keep the watcher alive too. */
  private joining = 0;
  private latest: Polled | undefined;
  /** The design of the deployment `latest` runs on (loaded once, not on every poll). */
  private design: { deploymentId: string | null; design: Design } | undefined;
  private priming: Promise<Polled> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private polling = false;
  private stopped = false;

  constructor(
    readonly workflowId: string,
    private readonly options: WatcherOptions,
    private readonly onStop: (watcher: ExecutionWatcher) => void,
  ) {}

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /**
   * Joins the watcher: resolves with the latest detail (fetched first when there is none yet, shared
   * by everyone joining meanwhile); rejects, leaving no trace, when that first fetch fails.
   */
  async join(subscriber: WatchSubscriber): Promise<Membership> {
    this.joining++;
    let first: Polled;
    try {
      first = await this.current();
    } catch (error) {
      this.joining--;
      this.stopIfIdle();
      throw error;
    }
    this.joining--;
    if (this.stopped && this.latest && this.latest.detail.status !== 'RUNNING') {
      // The run closed while this subscriber was joining: it gets the closed detail (and so its end).
      first = { detail: { ...this.latest.detail, design: first.detail.design }, key: this.latest.key };
    }
    this.subscribers.add(subscriber);
    this.schedule(this.options.pollMs);
    return { first, leave: () => this.leave(subscriber) };
  }

  private leave(subscriber: WatchSubscriber): void {
    this.subscribers.delete(subscriber);
    this.stopIfIdle();
  }

  private withDesign(polled: Polled): Polled | undefined {
    if (!this.design || this.design.deploymentId !== polled.detail.deploymentId) return undefined;
    return this.design.design === undefined ? polled : { detail: { ...polled.detail, design: this.design.design }, key: polled.key };
  }

  private current(): Promise<Polled> {
    const known = this.latest && this.withDesign(this.latest);
    if (known) return Promise.resolve(known);
    this.priming ??= this.options
      .describe({ workflowId: this.workflowId, includeDesign: true })
      .then((detail) => {
        this.design = { deploymentId: detail.deploymentId, design: detail.design };
        const polled = polledOf(detail);
        const { design: _design, ...rest } = detail;
        // A poll that saw the run close while this was in flight keeps the closed detail.
        if (!this.stopped) this.latest = { detail: rest, key: polled.key };
        return polled;
      })
      .finally(() => {
        this.priming = undefined;
      });
    return this.priming;
  }

  private schedule(delay: number): void {
    if (this.stopped || this.polling || this.timer !== undefined || this.subscribers.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, delay);
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    this.polling = true;
    let delay = this.options.pollMs;
    try {
      const polled = polledOf(await this.options.describe({ workflowId: this.workflowId, includeDesign: false }));
      if (this.stopped) return;
      this.latest = polled;
      const closed = polled.detail.status !== 'RUNNING';
      // Stop before handing out the closed detail: subscribers that leave on it find the watcher already gone.
      if (closed) this.stop();
      for (const subscriber of [...this.subscribers]) subscriber.detail(polled);
      if (closed) this.subscribers.clear();
    } catch (error) {
      if (this.stopped) return;
      delay = this.options.retryMs;
      for (const subscriber of [...this.subscribers]) subscriber.problem(error);
    } finally {
      this.polling = false;
    }
    this.schedule(delay);
  }

  private stopIfIdle(): void {
    if (this.subscribers.size === 0 && this.joining === 0) this.stop();
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.onStop(this);
  }
}

/** The watchers of one process, one per workflow id while anyone follows it. */
export class WatcherRegistry {
  private readonly watchers = new Map<string, ExecutionWatcher>();

  constructor(private readonly options: WatcherOptions) {}

  /** The live watcher of `workflowId`, started when there is none. */
  watcherFor(workflowId: string): ExecutionWatcher {
    let watcher = this.watchers.get(workflowId);
    if (!watcher) {
      watcher = new ExecutionWatcher(workflowId, this.options, (stopped) => {
        if (this.watchers.get(workflowId) === stopped) this.watchers.delete(workflowId);
      });
      this.watchers.set(workflowId, watcher);
    }
    return watcher;
  }

  /** How many executions are being polled (tests, the bench). */
  get size(): number {
    return this.watchers.size;
  }
}
