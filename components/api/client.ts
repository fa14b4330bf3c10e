import type { Design } from '@/codegen/design';
import type {
  CompileRequestBody,
  CompileResult,
  Deployment,
  DesignRecord,
  DesignSummary,
  Diagnostic,
  ExecutionDetail,
  ExecutionSummary,
} from './types';

/** An error answered by the API (or the network), carrying the server's message and code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Diagnostics attached to a refusal (e.g. a deployment of a design that does not compile). */
  get diagnostics(): Diagnostic[] {
    const d = (this.body as { diagnostics?: unknown } | undefined)?.diagnostics;
    return Array.isArray(d) ? (d as Diagnostic[]) : [];
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
}

/** One call to the Signalbox API: JSON in and out; failures become an ApiError with the server's message. */
export async function request<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      signal,
      cache: 'no-store',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('Could not reach the Signalbox server. Check that it is running and try again.', 0);
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    const error = (parsed as { error?: { message?: string; code?: string } } | undefined)?.error;
    const message = error?.message ?? `The server answered ${res.status} ${res.statusText || ''}`.trim() + '.';
    throw new ApiError(message, res.status, error?.code, parsed);
  }
  if (parsed === undefined && text) throw new ApiError('The server sent a response that is not JSON.', res.status);
  return parsed as T;
}

const enc = encodeURIComponent;

export const api = {
  listDesigns: () => request<{ designs: DesignSummary[] }>('/api/designs'),
  createDesign: (design: Design) => request<{ id: string; version: number }>('/api/designs', { method: 'POST', body: { design } }),
  getDesign: (id: string) => request<DesignRecord>(`/api/designs/${enc(id)}`),
  /** With `baseVersion`, a save that another tab got in before is refused with a 409 (see conflictOf). */
  saveVersion: (id: string, design: Design, baseVersion?: number, message?: string) =>
    request<{ version: number }>(`/api/designs/${enc(id)}/versions`, { method: 'POST', body: { design, baseVersion, ...(message ? { message } : {}) } }),
  /** Autosave: the work in progress, without making a version (409 like saveVersion when a version was saved since). */
  saveDraft: (id: string, design: Design, baseVersion: number) =>
    request<{ baseVersion: number; updatedAt: string }>(`/api/designs/${enc(id)}/draft`, { method: 'PUT', body: { design, baseVersion } }),
  discardDraft: (id: string) =>
    request<{ discarded: boolean; version: number; design: Design }>(`/api/designs/${enc(id)}/draft`, { method: 'DELETE' }),
  getVersion: (id: string, version: number) =>
    request<{ version: number; design: Design }>(`/api/designs/${enc(id)}/versions/${version}`),
  /** The live code view's compile: a whole design, or (with an editor id) its change since an answered request. */
  compile: (body: { design: Design } | CompileRequestBody, signal?: AbortSignal) =>
    request<CompileResult>('/api/compile', { method: 'POST', body, signal }),
  /** Type-checks and bundles a design as drawn the way a deploy would (custom activity code included); nothing is stored. */
  verify: (design: Design) =>
    request<{ ok: boolean; stage: 'validate' | 'typecheck' | 'bundle' | 'done'; diagnostics: Diagnostic[] }>('/api/verify', { method: 'POST', body: { design } }),
  deploy: (id: string, version?: number) =>
    request<{ deployment: Deployment }>(`/api/designs/${enc(id)}/deployments`, { method: 'POST', body: { version } }),
  startExecution: (designId: string, input: Record<string, unknown>) =>
    request<{ workflowId: string; runId: string }>('/api/executions', { method: 'POST', body: { designId, input } }),
  listExecutions: (designId: string) =>
    request<{ executions: ExecutionSummary[] }>(`/api/executions?designId=${enc(designId)}`),
  getExecution: (workflowId: string, signal?: AbortSignal) =>
    request<ExecutionDetail>(`/api/executions/${enc(workflowId)}`, { signal }),
  signal: (workflowId: string, name: string, args: Record<string, unknown>) =>
    request<unknown>(`/api/executions/${enc(workflowId)}/signals/${enc(name)}`, { method: 'POST', body: { args } }),
  query: (workflowId: string, name: string, args: Record<string, unknown>) =>
    request<{ result: unknown }>(`/api/executions/${enc(workflowId)}/queries/${enc(name)}`, { method: 'POST', body: { args } }),
  update: (workflowId: string, name: string, args: Record<string, unknown>) =>
    request<{ result: unknown }>(`/api/executions/${enc(workflowId)}/updates/${enc(name)}`, { method: 'POST', body: { args } }),
};

/** The version saved elsewhere, when a save was refused because another one came first. */
export function conflictOf(err: unknown): { currentVersion: number; design: Design | null } | null {
  if (!(err instanceof ApiError) || err.status !== 409 || err.code !== 'design.version-conflict') return null;
  const body = err.body as { error?: { currentVersion?: number }; current?: { version: number; design: Design } | null } | undefined;
  const currentVersion = body?.current?.version ?? body?.error?.currentVersion;
  return typeof currentVersion === 'number' ? { currentVersion, design: body?.current?.design ?? null } : null;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
