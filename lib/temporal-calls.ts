/**
 * Counts the gRPC calls the app's Temporal client makes, by method: the one place the monitor's
 * load on Temporal is measured (bench/monitor-viewers.ts, the live-stream integration test).
 * A gRPC interceptor on the app's Connection (lib/temporal-client.ts), so every describe, query
 * and history page is counted whichever module made it; each retry attempt counts as a call.
 */
import 'server-only';
import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor, type ConnectionOptions } from '@temporalio/client';

type GrpcInterceptor = NonNullable<ConnectionOptions['interceptors']>[number];

const globalForCalls = globalThis as typeof globalThis & { __signalboxTemporalCalls?: Map<string, number> };
const counts = (globalForCalls.__signalboxTemporalCalls ??= new Map<string, number>());

/** `/temporal.api.workflowservice.v1.WorkflowService/DescribeWorkflowExecution` → `DescribeWorkflowExecution`. */
function methodName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

const countingInterceptor: GrpcInterceptor = (options, nextCall) => {
  const method = methodName(options.method_definition.path);
  counts.set(method, (counts.get(method) ?? 0) + 1);
  // grpc-js chains interceptors through the call interface only; `new InterceptingCall(...)` would
  // mean importing @grpc/grpc-js, which the app does not depend on directly (only through Temporal).
  return nextCall(options) as ReturnType<GrpcInterceptor>;
};

/**
 * The client's interceptors: Temporal's default retry (replaced when a list is given) outside, the
 * counter inside it, so a retried call counts once per attempt that reached the wire.
 */
export function temporalClientInterceptors(): GrpcInterceptor[] {
  return [makeGrpcRetryInterceptor(defaultGrpcRetryOptions()), countingInterceptor];
}

/** Calls made so far, by gRPC method name, and their total. */
export function temporalCalls(): { total: number; byMethod: Record<string, number> } {
  const byMethod = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
  return { total: [...counts.values()].reduce((sum, n) => sum + n, 0), byMethod };
}

/** The calls made since `before` (a `temporalCalls()` taken earlier), by method and in total. */
export function temporalCallsSince(before: ReturnType<typeof temporalCalls>): ReturnType<typeof temporalCalls> {
  const now = temporalCalls();
  const byMethod: Record<string, number> = {};
  for (const [method, n] of Object.entries(now.byMethod)) {
    const delta = n - (before.byMethod[method] ?? 0);
    if (delta > 0) byMethod[method] = delta;
  }
  return { total: now.total - before.total, byMethod };
}
