/**
 * The replay-safety check (worker side only: it loads the SDK's replayer): replays saved
 * histories against a workflow bundle and lists the executions the bundle would not reproduce.
 */
import protoPackage from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { ReplayReport } from '@/lib/deploy/verify-report';

let runtimeInstalled = false;

/** `histories`: base64 of each binary-encoded History protobuf (as lib/deploy/pipeline.ts writes them). */
export async function replayHistories({ code, histories }: { code: string; histories: { workflowId: string; history: string }[] }): Promise<ReplayReport> {
  if (!runtimeInstalled) {
    // Replay failures are reported below; the replayer's own warnings would only repeat them.
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    runtimeInstalled = true;
  }
  const report: ReplayReport = { checked: 0, incompatible: [] };
  const History = protoPackage.temporal.api.history.v1.History;
  const input = histories.map(({ workflowId, history }) => ({ workflowId, history: History.decode(Buffer.from(history, 'base64')) }));
  for await (const result of Worker.runReplayHistories({ workflowBundle: { code } }, input)) {
    report.checked += 1;
    if (result.error) {
      const message = result.error.message.split('\n')[0] ?? String(result.error);
      report.incompatible.push({ workflowId: result.workflowId, runId: result.runId, message });
    }
  }
  return report;
}
