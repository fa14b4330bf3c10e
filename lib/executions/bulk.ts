/**
 * Cancel or terminate several executions in one call (the executions list's bulk actions). Each one
 * goes through exactly what the single routes do (lib/executions/controls.ts: the read rule of
 * lib/executions/access.ts, 404 for one the caller may not read, as for an unknown id) and each
 * success is audited as the single route would have been, under its own path; one execution's
 * refusal does not stop the others, and the answer says what happened to each.
 */
import 'server-only';
import { recordAudit } from '@/db/repository/audit';
import { errorResponse, type ApiErrorBody } from '../api/errors';
import type { Principal } from '../auth/principal';
import { cancelExecution, terminateExecution } from './controls';

export type BulkAction = 'cancel' | 'terminate';

export type BulkOutcome = { workflowId: string; ok: true } | { workflowId: string; ok: false; status: number; error: ApiErrorBody };

/** What the single route answers on success (202 for cancel: it happens asynchronously). */
const SUCCESS_STATUS: Record<BulkAction, number> = { cancel: 202, terminate: 200 };

/** At most this many executions are operated on at once (each is a describe and a cancel or terminate). */
const CONCURRENCY = 8;

async function controlOne(principal: Principal, action: BulkAction, workflowId: string, reason: string | undefined): Promise<BulkOutcome> {
  try {
    if (action === 'cancel') await cancelExecution({ principal, workflowId });
    else await terminateExecution({ principal, workflowId, reason });
  } catch (error) {
    // The answer the single route would have given, status and body.
    const response = errorResponse(error);
    const body = (await response.json()) as { error: ApiErrorBody };
    return { workflowId, ok: false, status: response.status, error: body.error };
  }
  await recordAudit({
    actor: { id: principal.id, username: principal.username },
    action: `execution.${action}`,
    target: `/api/executions/${encodeURIComponent(workflowId)}/${action}`,
    details: { status: SUCCESS_STATUS[action], via: principal.via, bulk: true },
  });
  return { workflowId, ok: true };
}

export async function bulkControl({
  principal,
  action,
  workflowIds,
  reason,
}: {
  principal: Principal;
  action: BulkAction;
  workflowIds: string[];
  reason?: string;
}): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(workflowIds.length);
  let next = 0;
  const worker = async () => {
    while (next < workflowIds.length) {
      const index = next++;
      outcomes[index] = await controlOne(principal, action, workflowIds[index]!, reason);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, workflowIds.length) }, worker));
  return outcomes;
}
