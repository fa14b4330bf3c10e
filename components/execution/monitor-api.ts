'use client';
/** Browser calls of the monitor's API routes (lists, history, controls, deployments, health). */
import { ApiError, request as call } from '../api/client';
import type { ExecutionRow as ListedExecution } from '@/lib/executions/list';
import type { ExecutionDetail, ExecutionStatus } from '../api/types';

/** The execution detail as the monitor routes send it (lib/executions/service.ts ExecutionDetail). */
export interface LiveExecution extends ExecutionDetail {
  taskQueue: string;
  workflowType: string;
  deploymentId: string | null;
  historyLength: number;
  pendingActivities: { activityId: string; activityType: string; state: string; attempt: number; scheduledTime: string | null; lastFailure?: string }[];
  pendingTimers: { timerId: string; startedEventId: number; startedAt: string; firesAt: string }[];
  /** Updates accepted and still running (lib/executions/history.ts PendingUpdate); absent from older servers. */
  pendingUpdates?: PendingUpdate[];
  pendingWorkflowTask: boolean;
}

export interface PendingUpdate {
  updateId: string;
  name: string;
  acceptedEventId: number;
  acceptedAt: string;
}

/** A row of GET /api/executions as lib/executions/list.ts builds it, with the status narrowed. */
export interface ExecutionRow extends Omit<ListedExecution, 'status'> {
  status: ExecutionStatus;
}

export interface ExecutionListPage {
  executions: ExecutionRow[];
  nextPageToken: string | null;
  total?: number;
}

export interface HistoryEventRow {
  id: number;
  time: string;
  type: string;
  /** A one-line summary of the event's attributes. */
  summary: string;
}

export interface HistoryPage {
  events: HistoryEventRow[];
  nextPageToken: string | null;
}

const enc = encodeURIComponent;

export const monitorApi = {
  listExecutions: (params: URLSearchParams, signal?: AbortSignal) =>
    call<ExecutionListPage>(`/api/executions?${params.toString()}`, { signal }),
  history: (workflowId: string, pageToken: string | null, signal?: AbortSignal) =>
    call<HistoryPage>(`/api/executions/${enc(workflowId)}/history?pageSize=256${pageToken ? `&pageToken=${enc(pageToken)}` : ''}`, { signal }),
  control: (workflowId: string, action: 'cancel' | 'terminate' | 'reset', body: Record<string, unknown> = {}) =>
    call<{ runId?: string }>(`/api/executions/${enc(workflowId)}/${action}`, { method: 'POST', body }),
  signalWithStart: (body: Record<string, unknown>) =>
    call<{ workflowId: string; runId: string }>('/api/executions/signal-with-start', { method: 'POST', body }),
  updateWithStart: (body: Record<string, unknown>) =>
    call<{ workflowId: string; runId: string; result: unknown }>('/api/executions/update-with-start', { method: 'POST', body }),
  health: (signal?: AbortSignal) => call<{ database: { ok: boolean }; temporal: { ok: boolean; message?: string } }>('/api/health', { signal }),
};

export type DeployStageName = 'validate' | 'generate' | 'typecheck' | 'bundle' | 'replay' | 'start-worker';
export const DEPLOY_STAGE_NAMES: DeployStageName[] = ['validate', 'generate', 'typecheck', 'bundle', 'replay', 'start-worker'];
export interface DeployProgressLine {
  stage: DeployStageName | 'verify';
  state: 'running' | 'done' | 'failed' | 'skipped' | 'warning';
  ms?: number;
  message?: string;
}

/**
 * POSTs a deploy (or a rollback) asking for progress lines (application/x-ndjson); calls
 * onProgress per stage and resolves with the final answer's status and body.
 */
export async function deployWithProgress(
  path: string,
  body: Record<string, unknown>,
  onProgress: (line: DeployProgressLine) => void,
  method: 'POST' | 'PUT' = 'POST',
): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      cache: 'no-store',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('Could not reach the Signalbox server. Check that it is running and try again.', 0);
  }
  if (!res.body || !(res.headers.get('content-type') ?? '').includes('ndjson')) {
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as { type: string; status?: number; body?: unknown } & DeployProgressLine;
      buffer = buffer.slice(newline + 1);
      if (line.type === 'progress') onProgress(line);
      else if (line.type === 'result') return { status: line.status!, body: line.body };
    }
  }
  throw new ApiError('The deploy ended without an answer from the server.', 0);
}
