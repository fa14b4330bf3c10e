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

export async function waitForWorker<F>(probes: WorkerProbes<F>, waitMs: number, intervalMs = 100): Promise<'polled' | 'timeout' | F> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const failure = await probes.failure();
    // An unreachable Temporal is waited out until the deadline.
    if (await probes.polled().catch(() => false)) return 'polled';
    if (failure) return failure;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return 'timeout';
}
