/**
 * Turns a deploy (or rollback) into the API's answer: plain JSON (201 with the
 * deployment, 422 with the stage and diagnostics), or — when the client accepts
 * application/x-ndjson — a stream of progress lines followed by that same answer as the last line.
 */
import 'server-only';
import { ApiError, errorResponse, json } from '../api/errors';
import type { DeployProgress, DeployResult } from './pipeline';

function refusal(result: Extract<DeployResult, { ok: false }>): ApiError {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0] ?? result.diagnostics[0];
  const message =
    result.stage === 'validate'
      ? `The design has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before it can be deployed${first ? `: ${first.message}` : ''}`
      : result.stage === 'replay'
        ? (first?.message ?? 'The new code would break running executions')
        : result.stage === 'start-worker'
          ? (first?.message ?? 'No worker started the deployment')
          : `The generated code did not pass verification (${result.stage})${first ? `: ${first.message}` : ''}`;
  return new ApiError(
    422,
    `deploy.${result.stage}`,
    message,
    { ...(first?.nodeId ? { nodeId: first.nodeId } : {}), ...(first?.field ? { field: first.field } : {}) },
    { stage: result.stage, diagnostics: result.diagnostics, timings: result.timings, ...(result.replay ? { replay: result.replay, canForce: true } : {}) },
  );
}

function toResponse(result: DeployResult): Response {
  if (!result.ok) return errorResponse(refusal(result));
  return json({ deployment: result.deployment, timings: result.timings, replay: result.replay, warnings: result.warnings }, 201);
}

export function wantsProgress(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('application/x-ndjson');
}

/** Runs the deploy; streams `{ type: 'progress', … }` lines then `{ type: 'result', status, body }` when asked to. */
export async function deployResponse(request: Request, run: (onProgress: (p: DeployProgress) => void) => Promise<DeployResult>): Promise<Response> {
  if (!wantsProgress(request)) return toResponse(await run(() => {}));
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      let response: Response;
      try {
        response = toResponse(await run((progress) => line({ type: 'progress', ...progress })));
      } catch (error) {
        response = errorResponse(error);
      }
      line({ type: 'result', status: response.status, body: await response.json() });
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}
