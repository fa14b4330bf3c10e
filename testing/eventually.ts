/**
 * Test helper: waiting for something that happens asynchronously (a worker, a workflow, a projection).
 * The one polling loop of the tests: they ask `eventually` instead of writing their own.
 */

export interface EventuallyOptions {
  /** How long to keep asking before failing (default 30 s). */
  timeoutMs?: number;
  /** The pause between two attempts (default 300 ms). */
  intervalMs?: number;
  /**
   * Count a thrown error as "not yet" rather than failing at once: for a server that is restarting or a
   * query that reaches a workflow before its worker does. The last error is named when time runs out.
   */
  retryErrors?: boolean;
}

/**
 * Calls `fn` until it returns a value (not undefined) and returns that value; fails naming `what` after
 * the timeout. A number as `options` is the timeout in milliseconds.
 */
export async function eventually<T>(what: string, fn: () => Promise<T | undefined>, options: number | EventuallyOptions = {}): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 300, retryErrors = false } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
      lastError = undefined;
    } catch (error) {
      if (!retryErrors) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const because = lastError === undefined ? '' : ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})`;
      throw new Error(`timed out waiting for ${what}${because}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** For checks that answer yes or no: `true` when `check` holds, `undefined` (ask again) otherwise. */
export function until(check: () => Promise<boolean>): () => Promise<true | undefined> {
  return async () => ((await check()) ? true : undefined);
}
