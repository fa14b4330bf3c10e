/**
 * Follows one execution for the monitor page as a server-sent-events stream: polls
 * describe + the designer query every POLL_MS and sends the detail only when it changed, so a
 * signal's effect reaches the page within one poll plus one query round trip.
 */
import 'server-only';
import { ApiError } from '../api/errors';
import type { Principal } from '../auth/principal';
import { readableExecution } from './access';
import { describeExecution, type ExecutionDetail } from './service';
import { isTemporalUnavailable } from '../temporal-client';

const POLL_MS = 250;
const RETRY_MS = 2000;
const HEARTBEAT_MS = 15_000;

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The stream; throws (before streaming) when the execution does not exist or the principal may not
 * read it (lib/executions/access.ts). A new run (a reset, continue-as-new) is checked again before
 * it is shown: a workflow id can change hands once its run has closed.
 */
export async function followExecution({ principal, workflowId, signal }: { principal: Principal; workflowId: string; signal?: AbortSignal }): Promise<ReadableStream<Uint8Array>> {
  let checkedRunId = (await readableExecution(principal, workflowId)).description.runId;
  const first = await describeExecution({ workflowId, runId: checkedRunId, includeDesign: true });
  const encoder = new TextEncoder();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const stop = () => {
        if (stopped) return;
        stopped = true;
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal?.addEventListener('abort', stop);
      const send = (event: string, data: unknown) => {
        if (!stopped) controller.enqueue(encoder.encode(frame(event, data)));
      };
      let last = '';
      let lastSentAt = Date.now();
      const publish = (detail: ExecutionDetail) => {
        const { design: _design, ...comparable } = detail;
        const key = JSON.stringify(comparable);
        if (key !== last) {
          last = key;
          lastSentAt = Date.now();
          send('execution', detail);
        } else if (Date.now() - lastSentAt > HEARTBEAT_MS) {
          lastSentAt = Date.now();
          if (!stopped) controller.enqueue(encoder.encode(': heartbeat\n\n'));
        }
        if (detail.status !== 'RUNNING') {
          send('end', { status: detail.status });
          stop();
        }
      };
      const tick = async () => {
        if (stopped) return;
        let delay = POLL_MS;
        try {
          const detail = await describeExecution({ workflowId, includeDesign: false });
          if (detail.runId !== checkedRunId) checkedRunId = (await readableExecution(principal, workflowId, detail.runId)).description.runId;
          publish(detail);
        } catch (error) {
          if (error instanceof ApiError && error.code === 'execution.not-found') {
            // the new run is not the principal's to read
            send('problem', { code: error.code, message: error.message });
            stop();
            return;
          }
          delay = RETRY_MS;
          send('problem', {
            code: isTemporalUnavailable(error) ? 'temporal.unavailable' : 'internal',
            message: error instanceof Error ? error.message : String(error),
          });
        }
        if (!stopped) timer = setTimeout(() => void tick(), delay);
      };
      publish(first);
      if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
    },
    cancel() {
      stopped = true;
      clearTimeout(timer);
    },
  });
}
