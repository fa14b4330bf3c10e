/**
 * The deploy's wait for a worker, as a decision over two probes (lib/deploy/pipeline.ts gives them the
 * database and Temporal): some worker polls → 'polled'; a worker host recorded why it could not
 * start the worker and none polls → that reason, at once (with several hosts, one host's failure
 * does not fail a deployment another host runs); neither before the deadline → 'timeout'.
 */
import 'server-only';

export interface WorkerProbes<F> {
  /** Why a worker host could not start the worker, or null. */
  failure: () => Promise<F | null>;
  /** Whether some worker polls the task queue; throws while Temporal is briefly unreachable. */
  polled: () => Promise<boolean>;
}

/**
 * The probe interval is short because the wait sits on the deploy's critical path (docs/benchmarks.md,
 * deploy latency): a worker host starts a worker in ~0.5 s, and every 100 ms of polling granularity
 * cost ~50 ms of median latency; a describe call every 25 ms for that half second is cheap.
 */
export async function waitForWorker<F>(probes: WorkerProbes<F>, waitMs: number, intervalMs = 25): Promise<'polled' | 'timeout' | F> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    // Both at once: the database and Temporal answer independently. An unreachable Temporal is waited out until the deadline.
    const [failure, polled] = await Promise.all([probes.failure(), probes.polled().catch(() => false)]);
    if (polled) return 'polled';
    if (failure) return failure;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return 'timeout';
}
