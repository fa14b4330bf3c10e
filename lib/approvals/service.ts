/**
 * The approvals product on top of designs, deployments and executions: create a
 * process from the form (design + one-click deploy), submit requests, list them with their
 * status, the inbox (running requests whose workflow says "you may decide now"), and decisions —
 * the `decide` update with the caller's username and roles taken from the session, never from
 * the client. Submissions and decisions (accepted or refused) go to the audit log.
 */
import 'server-only';
import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, type WorkflowStartOptions } from '@temporalio/client';
import { nanoid } from 'nanoid';
import { createDesign, getLatestVersion, getVersion, latestDeployment, parseDesign, saveVersion, VersionConflictError } from '@/db/repository';
import { ApiError } from '../api/errors';
import { auditAsCaller } from '../auth/audit';
import type { Principal } from '../auth/principal';
import { deployDesignVersion, type DeployProgress, type DeployResult } from '../deploy/pipeline';
import { alreadyStarted, prepareStart } from '../executions/service';
import { getTemporalClient } from '../temporal-client';
import { buildApprovalDesign } from './build';
import { refuseMissingGroups } from './group-approvers';
import { refuseBadDates } from './request-dates';
import { createOnce, type RecordProcess } from './create-once';
import { APPROVAL_CONTRACT, REFUSALS } from './generate';
import { describeIssuePath } from './spec';
import { approverInAnyRevision, canonicalJson, formVersionOf } from './revisions';
import {
  getProcess,
  getRequest,
  insertProcess,
  deleteRequest,
  insertRequest,
  listProcesses,
  updateProcessSpec,
  type StoredProcess,
  type StoredRequest,
} from './store';
import { refuseUnstorableText } from './storable-text';
import { actorArguments, actorOf, canDecideTask, contractSpecOf, readRequestView, type RequestView } from './tasks';

// The inbox and the requests list page from the task projection: lib/approvals/tasks.ts.
export type { RequestView };

async function buildOrRefuse(specInput: unknown) {
  const built = await buildApprovalDesign(specInput);
  if (!built.ok) {
    const first = built.issues[0]!;
    throw new ApiError(
      400,
      'process.invalid',
      `The process has ${built.issues.length} problem${built.issues.length === 1 ? '' : 's'}: ${first.path ? `${describeIssuePath(first.path)}: ` : ''}${first.message}`,
      first.path ? { field: first.path } : {},
      { issues: built.issues },
    );
  }
  await refuseMissingGroups(built.spec);
  return built;
}

/**
 * Creates the process's design, the process, and deploys it. Given `idempotencyKey` (the form's
 * submission), a repeat of the same key by the same author answers the first create's result
 * instead of creating a second process, whichever web instance it reaches (lib/approvals/create-once.ts:
 * the key is claimed in the database after the spec was found valid, before anything is created).
 */
export async function createProcess(
  specInput: unknown,
  principal: Principal,
  onProgress?: (progress: DeployProgress) => void,
  { idempotencyKey }: { idempotencyKey?: string } = {},
): Promise<{ process: StoredProcess; deploy: DeployResult }> {
  const built = await buildOrRefuse(specInput);
  return createOnce({ authorId: principal.id, key: idempotencyKey, name: built.spec.name }, (recordProcess) => createBuilt(built, principal, recordProcess, onProgress));
}

async function createBuilt(
  built: Awaited<ReturnType<typeof buildOrRefuse>>,
  principal: Principal,
  recordProcess: RecordProcess,
  onProgress?: (progress: DeployProgress) => void,
): Promise<{ process: StoredProcess; deploy: DeployResult }> {
  const { id: designId } = await createDesign({ design: built.design, createdBy: principal.id });
  const process = await insertProcess({ id: nanoid(12), name: built.spec.name, designId, spec: built.spec, createdBy: principal.id });
  await recordProcess(process.id);
  await auditAsCaller('approval.process-create', `process:${process.id}`, { name: process.name, designId });
  const deploy = await deployDesignVersion({ designId, onProgress });
  return { process, deploy };
}

/** Where the process's design stands: its versions, the form's, the deployed one. */
export interface ProcessDesignState {
  /** The design's newest version (the canvas shows it). */
  latestVersion: number;
  /** The version the form generated last. */
  formVersion: number;
  /** The newest version's content differs from what the form generated: an edit on the canvas. */
  changedOnCanvas: boolean;
  /** The version new requests start on; null when not deployed. */
  deployedVersion: number | null;
}

export interface ProcessSummary extends StoredProcess, ProcessDesignState {
  deployed: boolean;
}

async function designState(process: StoredProcess): Promise<ProcessDesignState> {
  const formVersion = formVersionOf(process.revisions);
  const [latest, deployment] = await Promise.all([getLatestVersion({ id: process.designId }), latestDeployment({ designId: process.designId })]);
  const latestVersion = latest?.version ?? formVersion;
  let changedOnCanvas = false;
  if (latest && latestVersion !== formVersion) {
    const generated = await getVersion({ id: process.designId, version: formVersion });
    changedOnCanvas = !generated || canonicalJson(generated.design) !== canonicalJson(latest.design);
  }
  return { latestVersion, formVersion, changedOnCanvas, deployedVersion: deployment?.version ?? null };
}

async function summaryOf(process: StoredProcess): Promise<ProcessSummary> {
  const state = await designState(process);
  return { ...process, ...state, deployed: state.deployedVersion !== null };
}

export async function processSummaries(): Promise<ProcessSummary[]> {
  return Promise.all((await listProcesses()).map(summaryOf));
}

export async function processSummary(id: string): Promise<ProcessSummary> {
  return summaryOf(await requireProcess(id));
}

export interface UpdateOptions {
  /** The design version the editor opened (its latestVersion): a save made since then is a conflict. */
  baseVersion?: number;
  /** Replace the design even though it was changed on the canvas (or saved by someone else) since. */
  overwrite?: boolean;
  onProgress?: (progress: DeployProgress) => void;
}

/**
 * Edits a process from the form: the spec generates the design again, saved as a new version of
 * the same design (unless nothing changed) and deployed, so new requests start on it while
 * running ones finish on the version they started with (each version has its own task queue).
 * Refused with 409, saving nothing, when the design was changed on the canvas since the form
 * generated it or saved by someone else since the editor opened it, unless `overwrite` — the
 * replaced version stays in the design's history either way.
 */
export async function updateProcess(
  id: string,
  specInput: unknown,
  { baseVersion, overwrite = false, onProgress }: UpdateOptions = {},
): Promise<{ process: StoredProcess; deploy: DeployResult; version: number; saved: boolean }> {
  const process = await requireProcess(id);
  const built = await buildOrRefuse(specInput);
  const state = await designState(process);
  if (!overwrite && state.changedOnCanvas) {
    throw new ApiError(
      409,
      'process.changed-on-canvas',
      `The design of "${process.name}" was changed on the canvas since the form generated it (the form made version ${state.formVersion}, the canvas saved version ${state.latestVersion}). Saving from the form replaces those changes with a new version (version ${state.latestVersion} stays in the design's history). Overwrite, or cancel and keep the canvas changes.`,
      {},
      { formVersion: state.formVersion, latestVersion: state.latestVersion },
    );
  }
  if (!overwrite && baseVersion !== undefined && baseVersion !== state.latestVersion) {
    throw new ApiError(
      409,
      'process.changed',
      `"${process.name}" was saved by someone else since you opened it (you opened version ${baseVersion}, now version ${state.latestVersion}). Overwrite their version, or cancel and reload.`,
      {},
      { formVersion: state.formVersion, latestVersion: state.latestVersion },
    );
  }
  const latest = await getLatestVersion({ id: process.designId });
  const unchanged = latest !== null && canonicalJson(latest.design) === canonicalJson(parseDesign(built.design));
  let version = latest?.version ?? 1;
  if (!unchanged) {
    try {
      const saved = await saveVersion({ id: process.designId, design: built.design, baseVersion: latest?.version });
      if (!saved) throw new ApiError(404, 'design.not-found', `The design of "${process.name}" no longer exists`);
      version = saved.version;
    } catch (error) {
      if (error instanceof VersionConflictError) throw new ApiError(409, 'process.changed', `"${process.name}" was saved elsewhere at the same moment (now version ${error.currentVersion}); reload and try again`);
      throw error;
    }
  }
  const updated = (await updateProcessSpec({ id, spec: built.spec, designVersion: version }))!;
  await auditAsCaller('approval.process-update', `process:${id}`, { name: updated.name, designId: process.designId, version, overwrite, unchanged });
  // Every version runs on its own task queue: a replay difference cannot break running requests.
  const deploy = await deployDesignVersion({ designId: process.designId, version, force: true, onProgress });
  return { process: updated, deploy, version, saved: !unchanged };
}

export async function requireProcess(id: string): Promise<StoredProcess> {
  const process = await getProcess({ id });
  if (!process) throw new ApiError(404, 'process.not-found', `Approval process ${id} not found`);
  return process;
}

/**
 * Test seams: the two steps between which a failure must leave nothing half-done. Production
 * code never passes them.
 */
export interface SubmitSeams {
  start?: (workflowType: string, options: WorkflowStartOptions) => Promise<unknown>;
}

/**
 * Submits a request. Everything that could be refused is checked first (the requester, text the
 * stores cannot keep, the fields against the deployed design); then the request row and its audit
 * entry are written BEFORE the workflow starts, and removed again if the start fails. The other
 * order could leave a running workflow with no row — invisible to every inbox; this one leaves at
 * worst (the app dying between the two) a row whose workflow never started, which its requester
 * sees (status unknown).
 */
export async function submitRequest(
  principal: Principal,
  { processId, fields }: { processId: string; fields: Record<string, unknown> },
  seams: SubmitSeams = {},
): Promise<StoredRequest> {
  const process = await requireProcess(processId);
  if (Object.hasOwn(fields, APPROVAL_CONTRACT.requesterField)) {
    throw new ApiError(400, 'request.requester-given', 'The requester is recorded from your session and cannot be given', { field: `fields.${APPROVAL_CONTRACT.requesterField}` });
  }
  refuseUnstorableText(fields, 'fields');
  refuseBadDates(process.spec.fields, fields);
  const prepared = await prepareStart({
    designId: process.designId,
    input: { ...fields, [APPROVAL_CONTRACT.requesterField]: principal.username },
    approvalRequest: true,
  });
  const { workflowId } = prepared;
  const request = await insertRequest({ workflowId, processId, requesterId: principal.id, requesterName: principal.username, fields });
  const target = `request:${workflowId}`;
  try {
    await auditAsCaller('approval.submit', target, { processId, process: process.name, fields });
    const start = seams.start ?? (async (type: string, options: WorkflowStartOptions) => (await getTemporalClient()).workflow.start(type, options));
    await start(prepared.deployment.workflowType, prepared.options);
  } catch (error) {
    await deleteRequest({ workflowId });
    await auditAsCaller('approval.submit-failed', target, { processId, reason: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    if (error instanceof WorkflowExecutionAlreadyStartedError) throw alreadyStarted(workflowId);
    throw error;
  }
  return request;
}

/** The request, for its requester, the process's approvers and admins; 404 for everyone else (no probing). */
export async function requestFor(principal: Principal, workflowId: string): Promise<RequestView & { canDecide: boolean }> {
  const request = await getRequest({ workflowId });
  const process = request ? await getProcess({ id: request.processId }) : null;
  const actor = await actorOf(principal);
  const allowed = request && process && (request.requesterName === principal.username || principal.roles.includes('admin') || approverInAnyRevision(process.revisions, actor));
  if (!request || !process || !allowed) throw new ApiError(404, 'request.not-found', `Request ${workflowId} not found`);
  const view = await readRequestView(request, process);
  // The viewer may decide the task shown here (its level), not whatever level is open by the time they click.
  return { ...view, canDecide: view.task !== null && (await canDecideTask(actor, workflowId, view.task, process)) };
}

/** A decision: the verdict, the comment, and the task it was made on (the level the approver was shown). */
export interface Decision {
  approve: boolean;
  comment: string;
  level: number;
}

/** Test seams: the audit writer (to fail it before or after the update). Production code never passes them. */
export interface DecideSeams {
  audit?: typeof auditAsCaller;
}

/**
 * Approve or reject the task shown (its level): refused by the app when the caller is no approver
 * of the process at all (403), and by the workflow's validators for everything else, with their
 * exact reason (422) — a level decided meanwhile included, so a double click or a slower approver
 * never decides the next level.
 *
 * The audit trail cannot miss an applied decision: text the audit log cannot store is refused
 * first (400), the attempt (`approval.decide`) is written before the update is sent — if that
 * write fails, nothing is sent — and its outcome (`approval.approve`/`reject`/`refused`) after.
 * If only the outcome's write fails, the decision stands and is answered as applied: the attempt
 * entry and the workflow's history record it.
 */
export async function decide(principal: Principal, workflowId: string, { approve, comment, level }: Decision, seams: DecideSeams = {}): Promise<{ result: string }> {
  const audit = seams.audit ?? auditAsCaller;
  refuseUnstorableText(comment, 'comment');
  const request = await getRequest({ workflowId });
  const process = request ? await getProcess({ id: request.processId }) : null;
  if (!request || !process) throw new ApiError(404, 'request.not-found', `Request ${workflowId} not found`);
  const target = `request:${workflowId}`;
  const actor = await actorOf(principal);
  if (!approverInAnyRevision(process.revisions, actor)) {
    await audit('approval.refused', target, { approve, level, reason: 'not an approver of this process' });
    throw new ApiError(403, 'approval.not-an-approver', `You are not an approver of the process "${process.name}"`);
  }
  await audit('approval.decide', target, { approve, level, comment });
  const outcome = (action: string, details: Record<string, unknown>) =>
    audit(action, target, { level, ...details }).catch((error: unknown) => {
      console.error(`approvals: the ${action} audit entry of ${target} could not be written (the approval.decide entry records the attempt):`, error);
    });
  const client = await getTemporalClient();
  try {
    const result = await client.workflow.getHandle(workflowId).executeUpdate<string, [unknown]>(APPROVAL_CONTRACT.decideUpdate, {
      args: [{ ...actorArguments(actor, await contractSpecOf(process, workflowId)), [APPROVAL_CONTRACT.taskLevelParameter]: level, approve, comment }],
    });
    await outcome(approve ? 'approval.approve' : 'approval.reject', { comment, result });
    return { result };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const reason = error.cause?.message ?? error.message;
      await outcome('approval.refused', { approve, reason });
      throw new ApiError(422, 'approval.refused', reason);
    }
    // A closed workflow takes no updates at all: say why in the validators' words.
    const closed = await client.workflow.getHandle(workflowId).describe().then((d) => d.status.name !== 'RUNNING', () => false);
    if (closed) {
      await outcome('approval.refused', { approve, reason: REFUSALS.notPending });
      throw new ApiError(422, 'approval.refused', REFUSALS.notPending);
    }
    throw error;
  }
}
