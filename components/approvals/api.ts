/** The approvals pages' calls to the API: JSON in and out; failures carry the server's exact message. */
import type { RequestStatus } from '../../lib/approvals/status';
import type { ApprovalProcessSpec, SpecIssue } from '../../lib/approvals/spec';

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

export async function approvalsApi<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const data = (await response.json().catch(() => null)) as { error?: { message?: string; field?: string }; issues?: SpecIssue[] } | null;
  if (!response.ok) throw new ApprovalsApiError(data?.error?.message ?? `The server answered ${response.status}`, response.status, data?.issues ?? [], data?.error?.field);
  return data as T;
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

export interface RequestView {
  workflowId: string;
  processId: string;
  processName: string;
  requester: string;
  submittedAt: string;
  fields: Record<string, unknown>;
  executionStatus: string;
  deadline: string | null;
  status: RequestStatus;
  canDecide?: boolean;
}
