/**
 * Executions of deployed designs through the app's Temporal client: start, list,
 * describe, and the designs' signals, queries and updates (arguments checked against the
 * handler's parameters in the deployed version of the design).
 */
import 'server-only';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
  WorkflowUpdateFailedError,
  QueryNotRegisteredError,
  type WorkflowExecutionDescription,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure, defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair, type TemporalFailure, type VersioningOverride } from '@temporalio/common';
import { nanoid } from 'nanoid';
import { DESIGNER_STATE_QUERY, SEARCH_ATTRIBUTES, type DesignerState, entryStep, type Design, type HandlerNode, type HandlerNodeType } from '@/codegen/design';
import type { Principal } from '../auth/principal';
import { deploymentByBuildId, getDeployment, getDesign, getVersion, latestDeployment, type DeploymentSummary } from '@/db/repository';
import { processForDesign } from '../approvals/store';
import { ApiError } from '../api/errors';
import { requireWorkerHost } from '../api/dependencies';
import { InputError, NotFoundError } from '../errors';
import { deploymentServing, messageableExecution, readableExecution } from './access';
import { hasArgs, travellingArgs, type MessageArgs } from './arguments';
import { pendingWork, type PendingTimer, type PendingUpdate } from './history';
import { getTemporalClient } from '../temporal-client';
import { currentBuildId } from '../deploy/version-rollout';
import { workerDeploymentName } from '../deploy/versioning-names';

const STATE_QUERY_TIMEOUT_MS = 3000;

export interface ExecutionSummary {
  workflowId: string;
  runId: string;
  status: string;
  startTime: string;
  closeTime: string | null;
  designId: string | null;
  deploymentId: string | null;
  designVersion: number | null;
}

export interface PendingActivity {
  activityId: string;
  activityType: string;
  state: string;
  attempt: number;
  scheduledTime: string | null;
  lastFailure?: string;
}

export interface ExecutionDetail extends ExecutionSummary {
  workflowType: string;
  taskQueue: string;
  /** Omitted from live updates after the first (it does not change). */
  design?: Design | null;
  historyLength: number;
  pendingActivities: PendingActivity[];
  /** Waits' deadlines: timers started and not yet fired or cancelled. */
  pendingTimers: PendingTimer[];
  /** Update handlers accepted and still running (e.g. an update waiting on a condition), from history. */
  pendingUpdates: PendingUpdate[];
  /** Whether a workflow task is waiting for a worker (e.g. no worker polls the queue). */
  pendingWorkflowTask: boolean;
  result?: unknown;
  failure?: { message: string };
  state?: DesignerState;
}

interface ExecutionMemo {
  designId?: string;
  deploymentId?: string;
  designVersion?: number;
}

const designKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.design.name, SearchAttributeType.KEYWORD);
const deploymentKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.deployment.name, SearchAttributeType.KEYWORD);
const versionKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.version.name, SearchAttributeType.INT);
const stepKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.step.name, SearchAttributeType.KEYWORD);

/**
 * What the executions list filters by, set when an execution starts. The step begins as the first
 * step every execution sits in (else the start node); the workflow keeps it current from there.
 */
export function startSearchAttributes(deployment: { id: string; designId: string; version: number }, design: Design): SearchAttributePair[] {
  return [
    { key: designKey, value: deployment.designId },
    { key: deploymentKey, value: deployment.id },
    { key: versionKey, value: deployment.version },
    { key: stepKey, value: entryStep(design) },
  ];
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'workflow';
}

export async function loadDeployedDesign(deployment: { designId: string; version: number }): Promise<Design> {
  const version = await getVersion({ id: deployment.designId, version: deployment.version });
  if (!version) throw new NotFoundError(`Version ${deployment.version} of design ${deployment.designId} is missing`, 'version.not-found');
  return version.design;
}

export interface PreparedStart {
  deployment: DeploymentSummary;
  design: Design;
  workflowId: string;
  /** Options for client.workflow.start / signalWithStart / WithStartWorkflowOperation. */
  options: {
    taskQueue: string;
    workflowId: string;
    /** One record, or one argument per field when the design's input travels positionally. */
    args: unknown[];
    memo: Record<string, unknown>;
    typedSearchAttributes: SearchAttributePair[];
    /** Set when the start names a versioned deployment: the execution is pinned to its Worker Deployment Version. */
    versioningOverride?: VersioningOverride;
  };
}

/**
 * The deployment a start without a named one runs on: the design's current Worker Deployment
 * Version (the server routes there; after a rollback it is not the newest), else its newest
 * active deployment (a legacy one, or Temporal not answering).
 */
async function currentDeployment(designId: string): Promise<DeploymentSummary | null> {
  const newest = await latestDeployment({ designId });
  if (newest?.versioning !== 'versioned') return newest;
  const buildId = await currentBuildId(designId).catch(() => null);
  const current = buildId ? await deploymentByBuildId({ buildId }) : null;
  return current && current.designId === designId && current.status === 'active' ? current : newest;
}

/** The deployment to start on (the one given — pinned to its version —, else the design's current one), the checked input, the id and options. */
export async function prepareStart({
  designId,
  deploymentId,
  workflowId,
  input,
  approvalRequest = false,
}: {
  designId: string;
  deploymentId?: string;
  workflowId?: string;
  input: unknown;
  /** Set only by lib/approvals, which records the requester from the session. */
  approvalRequest?: boolean;
}): Promise<PreparedStart> {
  if (!approvalRequest && (await processForDesign({ designId }))) {
    throw new ApiError(403, 'approval.use-requests', `Design ${designId} is an approval process: submit requests through POST /api/requests (the requester comes from your session)`);
  }
  let deployment: DeploymentSummary | null;
  if (deploymentId) {
    deployment = await getDeployment({ id: deploymentId });
    if (!deployment || deployment.designId !== designId) {
      throw new NotFoundError(`Deployment ${deploymentId} of design ${designId} not found`, 'deployment.not-found');
    }
    if (deployment.status !== 'active') {
      throw new ApiError(422, 'deployment.retired', `Deployment ${deploymentId} is retired; start on an active deployment`);
    }
  } else {
    deployment = await currentDeployment(designId);
    if (!deployment) {
      // The name is what the person knows the design by; the id only when the design is gone.
      const name = (await getDesign({ id: designId }))?.name;
      throw new ApiError(422, 'design.not-deployed', `${name ? `The design "${name}"` : `Design ${designId}`} has no active deployment: deploy it first`);
    }
  }
  const design = await loadDeployedDesign(deployment);
  const args = travellingArgs({ fields: design.input, arguments: design.inputArguments, value: input, what: 'the workflow input' });
  const id = workflowId ?? `${slug(design.name)}-${nanoid(10)}`;
  return {
    deployment,
    design,
    workflowId: id,
    options: {
      taskQueue: deployment.taskQueue,
      workflowId: id,
      args,
      memo: { designId, deploymentId: deployment.id, designVersion: deployment.version } satisfies ExecutionMemo,
      typedSearchAttributes: startSearchAttributes(deployment, design),
      // A start naming a versioned deployment runs on exactly that version, whatever is current.
      ...(deploymentId && deployment.buildId ? { versioningOverride: { pinnedTo: { deploymentName: workerDeploymentName(designId), buildId: deployment.buildId } } } : {}),
    },
  };
}

export function alreadyStarted(workflowId: string): ApiError {
  return new ApiError(409, 'execution.exists', `A workflow execution with id "${workflowId}" is already running`, { field: 'workflowId' });
}

export async function startExecution(params: {
  designId: string;
  deploymentId?: string;
  workflowId?: string;
  input: unknown;
  approvalRequest?: boolean;
}): Promise<{ workflowId: string; runId: string; deploymentId: string }> {
  const { deployment, options } = await prepareStart(params);
  // After the input's checks (a 400 or 422 says what to fix first); 503 naming the host, nothing started.
  await requireWorkerHost('start');
  const client = await getTemporalClient();
  try {
    const handle = await client.workflow.start(deployment.workflowType, options);
    return { workflowId: handle.workflowId, runId: handle.firstExecutionRunId, deploymentId: deployment.id };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) throw alreadyStarted(options.workflowId);
    throw error;
  }
}

function memoOf(memo: Record<string, unknown> | undefined): ExecutionMemo {
  const m = memo ?? {};
  return {
    designId: typeof m.designId === 'string' ? m.designId : undefined,
    deploymentId: typeof m.deploymentId === 'string' ? m.deploymentId : undefined,
    designVersion: typeof m.designVersion === 'number' ? m.designVersion : undefined,
  };
}

interface Located {
  handle: WorkflowHandle;
  description: WorkflowExecutionDescription;
  memo: ExecutionMemo;
  deployment: DeploymentSummary | null;
}

/** The execution's current run, or the run given (the one an access check looked at). */
async function locate(workflowId: string, runId?: string): Promise<Located> {
  const client = await getTemporalClient();
  const handle = client.workflow.getHandle(workflowId, runId);
  const description = await handle.describe();
  const memo = memoOf(await description.memo);
  // The queue and the execution's build id say which code runs it (lib/executions/access.ts); the memo is the fallback.
  const deployment = (await deploymentServing(description, memo.deploymentId)) ?? (memo.deploymentId ? await getDeployment({ id: memo.deploymentId }) : null);
  return { handle, description, memo, deployment };
}

function failureMessage(error: unknown): string {
  let e: unknown = error;
  if (e instanceof WorkflowFailedError && e.cause) e = e.cause;
  // The innermost application message is the one the design wrote ("fail" end nodes).
  while (e && (e as TemporalFailure).cause && !(e instanceof ApplicationFailure)) e = (e as TemporalFailure).cause;
  return e instanceof Error ? e.message : String(e);
}

function timeOf(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): string | null {
  if (!ts) return null;
  return new Date(Number(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6)).toISOString();
}

function pendingActivitiesOf(description: WorkflowExecutionDescription): PendingActivity[] {
  const states = ['UNSPECIFIED', 'SCHEDULED', 'STARTED', 'CANCEL_REQUESTED', 'PAUSED', 'PAUSE_REQUESTED'];
  return (description.raw.pendingActivities ?? []).map((a) => ({
    activityId: a.activityId ?? '',
    activityType: a.activityType?.name ?? '',
    state: states[a.state ?? 0] ?? String(a.state),
    attempt: a.attempt ?? 1,
    scheduledTime: timeOf(a.scheduledTime),
    ...(a.lastFailure?.message ? { lastFailure: a.lastFailure.message } : {}),
  }));
}

/** Unchecked: routes check lib/executions/access.ts readableExecution first and pass the run it looked at. */
export async function describeExecution({
  workflowId,
  runId,
  includeDesign = true,
}: {
  workflowId: string;
  runId?: string;
  includeDesign?: boolean;
}): Promise<ExecutionDetail> {
  const { handle, description, memo, deployment } = await locate(workflowId, runId);
  const closed = description.status.name !== 'RUNNING';
  const client = await getTemporalClient();
  const [design, state, work] = await Promise.all([
    includeDesign && deployment ? loadDeployedDesign(deployment).catch(() => null) : Promise.resolve(undefined),
    // The designer query answers on closed executions too, as long as a worker serves the queue.
    client.connection
      .withDeadline(Date.now() + STATE_QUERY_TIMEOUT_MS, () => handle.query<DesignerState>(DESIGNER_STATE_QUERY))
      .catch(() => undefined), // no worker for the queue right now, or no designer query: no state
    closed
      ? Promise.resolve({ timers: [], updates: [] })
      : pendingWork({ workflowId: description.workflowId, runId: description.runId, historyLength: description.historyLength }),
  ]);
  const detail: ExecutionDetail = {
    workflowId: description.workflowId,
    runId: description.runId,
    workflowType: description.type,
    taskQueue: description.taskQueue,
    status: description.status.name,
    startTime: description.startTime.toISOString(),
    closeTime: description.closeTime?.toISOString() ?? null,
    // The deployment serving it (by its build id) wins over the memo: a start during a ramp may land on either version.
    designId: deployment?.designId ?? memo.designId ?? null,
    deploymentId: deployment?.id ?? memo.deploymentId ?? null,
    designVersion: deployment?.version ?? memo.designVersion ?? null,
    ...(design === undefined ? {} : { design }),
    historyLength: description.historyLength,
    pendingActivities: pendingActivitiesOf(description),
    pendingTimers: work.timers,
    pendingUpdates: work.updates,
    pendingWorkflowTask: Boolean(description.raw.pendingWorkflowTask),
    ...(state ? { state } : {}),
  };
  if (closed) {
    try {
      detail.result = await handle.result();
    } catch (error) {
      detail.failure = { message: failureMessage(error) };
    }
  }
  return detail;
}

/** The deployed design's handler of this kind and name; 404 naming the ones it has. */
export async function handlerNode(deployment: DeploymentSummary, kind: HandlerNodeType, name: string): Promise<HandlerNode> {
  const design = await loadDeployedDesign(deployment);
  const node = design.nodes.find((n): n is HandlerNode => n.type === kind && n.name === name);
  if (!node) {
    const names = design.nodes.filter((n): n is HandlerNode => n.type === kind).map((n) => n.name);
    throw new NotFoundError(
      `The deployed design "${design.name}" (version ${deployment.version}) has no ${kind} named "${name}"${names.length ? ` (it has: ${names.join(', ')})` : ''}`,
      `${kind}.not-found`,
    );
  }
  return node;
}

/** The single object argument a handler takes, or none when it has no parameters. */
export function handlerArgs(node: HandlerNode, args: unknown): MessageArgs {
  return travellingArgs({ fields: node.parameters, arguments: node.arguments, value: args, what: `the arguments of ${node.type} "${node.name}"` });
}

interface MessageCall {
  principal: Principal;
  workflowId: string;
  name: string;
  args?: unknown;
  /** When given, the execution must be one of this design (else 409 execution.other-design). */
  designId?: string;
}

/** Signals the run the message rule (lib/executions/access.ts) accepted, and no other. */
export async function signalExecution({ principal, workflowId, name, args, designId }: MessageCall): Promise<void> {
  const { description, owner } = await messageableExecution(principal, { workflowId, kind: 'signal', name, designId });
  const node = await handlerNode(owner.deployment, 'signal', name);
  const client = await getTemporalClient();
  await client.workflow.getHandle(workflowId, description.runId).signal(name, ...handlerArgs(node, args));
}

export async function queryExecution({ principal, workflowId, name, args }: Omit<MessageCall, 'designId'>): Promise<unknown> {
  const { description, owner } = await readableExecution(principal, workflowId);
  if (!owner.deployment) throw new NotFoundError(`Workflow execution ${workflowId} was not started from a Signalbox deployment`, 'execution.not-signalbox');
  const node = await handlerNode(owner.deployment, 'query', name);
  const client = await getTemporalClient();
  try {
    return await client.workflow.getHandle(workflowId, description.runId).query(name, ...handlerArgs(node, args));
  } catch (error) {
    if (error instanceof QueryNotRegisteredError) {
      throw new ApiError(422, 'query.not-registered', `The running workflow does not answer the query "${name}": ${error.message}`);
    }
    throw error;
  }
}

/** Runs the update on the run the message rule accepted, and no other. */
export async function updateExecution({ principal, workflowId, name, args, designId }: MessageCall): Promise<unknown> {
  const { description, owner } = await messageableExecution(principal, { workflowId, kind: 'update', name, designId });
  const node = await handlerNode(owner.deployment, 'update', name);
  const updateArgs = handlerArgs(node, args);
  const client = await getTemporalClient();
  const handle = client.workflow.getHandle(workflowId, description.runId);
  try {
    return hasArgs(updateArgs) ? await handle.executeUpdate(name, { args: updateArgs }) : await handle.executeUpdate(name);
  } catch (error) {
    throw updateRejection(error);
  }
}

/** The validator (or the handler) threw: the error reaches the caller as an ApplicationFailure (422 update.rejected). */
export function updateRejection(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError) {
    const message = error.cause instanceof ApplicationFailure || error.cause instanceof Error ? error.cause.message : error.message;
    return new ApiError(422, 'update.rejected', message);
  }
  return error;
}

export { InputError };
