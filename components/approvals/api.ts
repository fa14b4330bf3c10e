/** The approvals pages' calls to the API: JSON in and out; failures carry the server's exact message. */
import type { ApprovalProcessSpec, SpecIssue } from '@/lib/approvals/spec';
import type { RequestView as ServerRequestView, TaskRef } from '@/lib/approvals/tasks';

export type { TaskRef };
import { ApiError, request, type HttpMethod } from '../api/client';

export class ApprovalsApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: SpecIssue[] = [],
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A call through the shared client (components/api/client.ts); a refusal carries the spec issues and field the approvals routes name. */
export async function approvalsApi<T>(path: string, method: HttpMethod = 'GET', body?: unknown): Promise<T> {
  try {
    return await request<T>(path, { method, body });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const refusal = error.body as { error?: { field?: string }; issues?: SpecIssue[] } | undefined;
    throw new ApprovalsApiError(error.message, error.status, refusal?.issues ?? [], refusal?.error?.field);
  }
}

export interface ProcessSummary {
  id: string;
  name: string;
  designId: string;
  spec: ApprovalProcessSpec;
  createdAt: string;
  deployed: boolean;
  /** The design's newest version, the one the form generated last, and the deployed one (lib/approvals/service.ts). */
  latestVersion: number;
  formVersion: number;
  deployedVersion: number | null;
  /** The newest version differs from what the form generated: it was edited on the canvas. */
  changedOnCanvas: boolean;
}

/** A request as the approvals routes send it (lib/approvals/tasks.ts), with whether the caller may decide it where they say. */
export interface RequestView extends ServerRequestView {
  canDecide?: boolean;
  /** Username → display name for everyone the request mentions (lib/people/display-names.ts). */
  people?: Record<string, string>;
}
