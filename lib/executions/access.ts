/**
 * Who may read and message an execution — the one decision every executions route
 * asks (detail, live events, history, queries, the list, signals, updates, the with-start
 * messages, cancel/terminate/reset); docs/api-executions.md, "Who may read and message an execution".
 *
 * - Whose an execution is comes from its task queue, not from its memo alone (a memo is whatever
 *   the starter wrote): a design's stable queue `signalbox-design-<id>` names the design, and the
 *   execution's Worker Deployment Version (build id) the deployment whose code runs it
 *   (docs/versioning.md); a legacy queue `signalbox-<deployment id>` names its deployment.
 * - Approval requests (executions of an approval process's design) are read only by the requester,
 *   the process's approvers (in any revision) and admins, as lib/approvals/service.ts requestFor —
 *   everyone else gets the same 404 as for an id that does not exist (no probing) — and take no
 *   signal or update from the generic routes at all: decisions go through the inbox, which names the
 *   approver from the session.
 * - A message goes only to an execution of the design the call names (with-start always names one;
 *   the per-execution routes may): never through a shared workflow id into another design's execution.
 * Every refused message is audited (`execution.message-refused`, with the reason).
 */
import 'server-only';
import type { WorkflowExecutionDescription } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '@/codegen/design';
import { deploymentByBuildId, getDeployment, latestDeployment, type DeploymentSummary } from '@/db/repository';
import { ApiError } from '../api/errors';
import { approverInAnyRevision } from '../approvals/revisions';
import { getRequest, listProcesses, processForDesign, requestsBy, type StoredProcess } from '../approvals/store';
import { auditAsCaller } from '../auth/audit';
import type { Principal } from '../auth/principal';
import { visibilityLiteral } from './list';
import { getTemporalClient } from '../temporal-client';
import { DESIGN_TASK_QUEUE_PREFIX } from '../deploy/versioning-names';

const LEGACY_TASK_QUEUE_PREFIX = 'signalbox-';

export interface ExecutionOwner {
  /** The deployment whose task queue runs the execution; null when Signalbox did not start it. */
  deployment: DeploymentSummary | null;
  /** The design its memo names (set by Signalbox at start; anyone starting through Temporal writes what they like). */
  memoDesignId: string | null;
  /** The approval process when the execution is an approval request (by its deployment or by its memo). */
  process: StoredProcess | null;
}

export type MessageKind = 'signal' | 'update' | 'signal-with-start' | 'update-with-start';

/** The build id of the Worker Deployment Version the execution runs on (none before its first workflow task). */
function executionBuildId(description: WorkflowExecutionDescription): string | null {
  const versioning = description.raw.workflowExecutionInfo?.versioningInfo;
  return versioning?.deploymentVersion?.buildId || versioning?.deployment?.buildId || null;
}

/**
 * The deployment serving an execution, from its task queue: on a design's stable queue, the
 * design's deployment with the execution's build id (else, before it ran, the deployment its start
 * named — `expected`, from the memo — when it is the design's, else the design's newest); on a
 * legacy queue, the deployment the queue is named after. Never a deployment of another design than
 * the queue's.
 */
export async function deploymentServing(description: WorkflowExecutionDescription, expected?: string): Promise<DeploymentSummary | null> {
  const { taskQueue } = description;
  if (taskQueue.startsWith(DESIGN_TASK_QUEUE_PREFIX)) {
    const designId = taskQueue.slice(DESIGN_TASK_QUEUE_PREFIX.length);
    const ofThisQueue = <D extends DeploymentSummary>(d: D | null): D | null => (d && d.designId === designId && d.taskQueue === taskQueue ? d : null);
    const buildId = executionBuildId(description);
    const byBuild = buildId ? ofThisQueue(await deploymentByBuildId({ buildId })) : null;
    if (byBuild) return byBuild;
    const named = !buildId && expected ? ofThisQueue(await getDeployment({ id: expected })) : null;
    if (named) {
      const { bundle: _bundle, ...summary } = named;
      return summary;
    }
    const newest = await latestDeployment({ designId });
    return newest && newest.taskQueue === taskQueue ? newest : null;
  }
  if (!taskQueue.startsWith(LEGACY_TASK_QUEUE_PREFIX)) return null;
  const deployment = await getDeployment({ id: taskQueue.slice(LEGACY_TASK_QUEUE_PREFIX.length) });
  if (!deployment || deployment.taskQueue !== taskQueue) return null;
  const { bundle: _bundle, ...summary } = deployment;
  return summary;
}

export async function ownerOf(description: WorkflowExecutionDescription): Promise<ExecutionOwner> {
  const memo = (await description.memo) ?? {};
  const memoDesignId = typeof memo.designId === 'string' ? memo.designId : null;
  const deployment = await deploymentServing(description);
  // Either naming an approval process makes it one: the stricter reading wins.
  const process =
    (deployment ? await processForDesign({ designId: deployment.designId }) : null) ??
    (memoDesignId && memoDesignId !== deployment?.designId ? await processForDesign({ designId: memoDesignId }) : null);
  return { deployment, memoDesignId, process };
}

/**
 * THE read rule. Route policy (lib/auth/policy.ts) already limits the executions routes to their
 * roles; this narrows approval requests to the people lib/approvals/service.ts requestFor shows them to.
 */
export async function mayReadExecution(principal: Principal, owner: ExecutionOwner, workflowId: string): Promise<boolean> {
  const { process } = owner;
  if (!process) return true;
  if (principal.roles.includes('admin') || approverInAnyRevision(process.revisions, principal)) return true;
  const request = await getRequest({ workflowId });
  return request !== null && request.processId === process.id && request.requesterName === principal.username;
}

/** Word for word what an unknown workflow id answers (lib/api/errors.ts), so a refusal tells nothing. */
export function executionNotFound(workflowId: string): ApiError {
  return new ApiError(404, 'execution.not-found', `Workflow execution ${workflowId} not found`);
}

export interface CheckedExecution {
  description: WorkflowExecutionDescription;
  owner: ExecutionOwner;
}

/** The execution (its current run, or `runId`), when the principal may read it; else 404 as if it did not exist. */
export async function readableExecution(principal: Principal, workflowId: string, runId?: string): Promise<CheckedExecution> {
  const client = await getTemporalClient();
  const description = await client.workflow.getHandle(workflowId, runId).describe();
  const owner = await ownerOf(description);
  if (!(await mayReadExecution(principal, owner, workflowId))) throw executionNotFound(workflowId);
  return { description, owner };
}

/**
 * THE message rule: why this principal may not send a signal or update to this execution, or null.
 * `designId` is the design the call names (always for with-start; optional on the per-execution routes).
 */
export async function messageRefusal(
  principal: Principal,
  owner: ExecutionOwner,
  { workflowId, designId }: { workflowId: string; designId?: string },
): Promise<ApiError | null> {
  if (owner.process) {
    if (!(await mayReadExecution(principal, owner, workflowId))) return executionNotFound(workflowId);
    return new ApiError(
      403,
      'approval.use-inbox',
      `Workflow ${workflowId} is a request of the approval process "${owner.process.name}": it takes decisions only through the inbox (POST /api/inbox/${workflowId}/decision, which names the approver from your session), and no other signal or update`,
    );
  }
  const { deployment, memoDesignId } = owner;
  if (!deployment) {
    return new ApiError(404, 'execution.not-signalbox', `Workflow execution ${workflowId} was not started from a Signalbox deployment`);
  }
  if (memoDesignId !== null && memoDesignId !== deployment.designId) {
    return new ApiError(409, 'execution.other-design', `Workflow ${workflowId} runs on a deployment of design ${deployment.designId} but its memo names design ${memoDesignId}: no message is sent to it`);
  }
  if (designId !== undefined && designId !== deployment.designId) {
    return new ApiError(
      409,
      'execution.other-design',
      `A workflow with id "${workflowId}" is running, and it is an execution of another design (${deployment.designId}), not of design ${designId}: a message only goes to executions of the design it names`,
      { field: 'workflowId' },
    );
  }
  return null;
}

/** Writes the refusal to the audit log and hands it back to be thrown. */
export async function refuseMessage(
  refusal: ApiError,
  { workflowId, kind, name, designId }: { workflowId: string; kind: MessageKind; name: string; designId?: string },
): Promise<ApiError> {
  await auditAsCaller('execution.message-refused', `execution:${workflowId}`, {
    kind,
    name,
    ...(designId === undefined ? {} : { designId }),
    code: refusal.code,
    reason: refusal.message,
  });
  return refusal;
}

/** The execution a signal or update may go to (its current run, or `runId`); refused (and audited) by the message rule. */
export async function messageableExecution(
  principal: Principal,
  target: { workflowId: string; runId?: string; kind: MessageKind; name: string; designId?: string },
): Promise<CheckedExecution & { owner: ExecutionOwner & { deployment: DeploymentSummary } }> {
  const client = await getTemporalClient();
  const description = await client.workflow.getHandle(target.workflowId, target.runId).describe();
  const owner = await ownerOf(description);
  const refusal = await messageRefusal(principal, owner, target);
  if (refusal || !owner.deployment) throw await refuseMessage(refusal ?? executionNotFound(target.workflowId), target);
  return { description, owner: { ...owner, deployment: owner.deployment } };
}

/** With-start names an approval process's design: refused (and audited) before anything is looked up or started. */
export async function refuseApprovalDesign(target: { workflowId: string; kind: MessageKind; name: string; designId: string }): Promise<void> {
  const process = await processForDesign({ designId: target.designId });
  if (!process) return;
  throw await refuseMessage(
    new ApiError(403, 'approval.use-requests', `Design ${target.designId} is an approval process: submit requests through POST /api/requests and decide through the inbox`),
    target,
  );
}

/**
 * The read rule as a visibility clause for the executions list (null: nothing hidden), so pages
 * and counts leave out the approval requests the principal may not read instead of filtering after.
 */
export async function listAccessClause(principal: Principal): Promise<string | null> {
  if (principal.roles.includes('admin')) return null;
  const hidden = (await listProcesses()).filter((process) => !approverInAnyRevision(process.revisions, principal));
  if (hidden.length === 0) return null;
  const hiddenIds = new Set(hidden.map((process) => process.id));
  const own = (await requestsBy({ requesterName: principal.username })).filter((request) => hiddenIds.has(request.processId));
  const design = SEARCH_ATTRIBUTES.design.name;
  const notHidden = hidden.map((process) => `${design} != ${visibilityLiteral(process.designId)}`).join(' AND ');
  return own.length === 0 ? `(${notHidden})` : `((${notHidden}) OR WorkflowId IN (${own.map((r) => visibilityLiteral(r.workflowId)).join(', ')}))`;
}
