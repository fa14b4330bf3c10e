/**
 * Operating executions: cancel, terminate, reset (to the first or the last
 * workflow task), and the with-start messages (signal-with-start, update-with-start) that
 * start the workflow on the design's deployment when it is not running yet.
 *
 * With-start never lets Temporal pick the receiver. It first looks whether a workflow with that id
 * is running and whose it is (lib/executions/access.ts: the design named, not an approval request,
 * else refused and audited); one that is sent the message by its run id, so nothing started in the
 * meantime can receive it; when none runs, the workflow is started with the conflict policy FAIL,
 * so one started in between makes the start fail instead of receiving the message — and the check
 * runs again. A workflow type check would not do: every generated workflow type is named after its
 * design, so two designs with one name share it.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Workflow, type WorkflowExecutionDescription } from '@temporalio/client';
import protoPackage, { type temporal } from '@temporalio/proto';
import type { HandlerNode, HandlerNodeType } from '@/codegen/design';
import { ApiError } from '../api/errors';
import type { Principal } from '../auth/principal';
import { messageableExecution, readableExecution, refuseApprovalDesign, type MessageKind } from './access';
import { NotFoundError } from '../errors';
import { hasArgs } from './arguments';
import { handlerArgs, handlerNode, prepareStart, updateRejection, type PreparedStart } from './service';
import { getTemporalClient } from '../temporal-client';

/** Check-then-send rounds before giving up (each lost race means the id changed hands meanwhile). */
const WITH_START_ATTEMPTS = 3;

export type ResetPoint = 'first-workflow-task' | 'last-workflow-task';

/** Cancels the run the read rule let the principal see (404 for the others). */
export async function cancelExecution({ principal, workflowId }: { principal: Principal; workflowId: string }): Promise<void> {
  const { description } = await readableExecution(principal, workflowId);
  const client = await getTemporalClient();
  await client.workflow.getHandle(workflowId, description.runId).cancel();
}

export async function terminateExecution({ principal, workflowId, reason }: { principal: Principal; workflowId: string; reason?: string }): Promise<void> {
  const { description } = await readableExecution(principal, workflowId);
  const client = await getTemporalClient();
  await client.workflow.getHandle(workflowId, description.runId).terminate(reason || 'Terminated from Signalbox');
}

/** The event id a reset goes back to: the first or the last completed workflow task. */
async function resetEventId(workflowId: string, runId: string, to: ResetPoint): Promise<number> {
  const client = await getTemporalClient();
  const completed = protoPackage.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED;
  let found: number | null = null;
  let token: Uint8Array = Buffer.alloc(0);
  do {
    const page = await client.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId, runId },
      maximumPageSize: 1000,
      nextPageToken: token,
    });
    for (const event of page.history?.events ?? []) {
      if (event.eventType !== completed) continue;
      found = Number(event.eventId);
      if (to === 'first-workflow-task') return found;
    }
    token = page.nextPageToken ?? Buffer.alloc(0);
  } while (token.length > 0);
  if (found === null) throw new ApiError(422, 'reset.no-point', `Workflow ${workflowId} has no completed workflow task to reset to yet`);
  return found;
}

/** Resets the current run to a workflow task; the reset starts a new run. */
export async function resetExecution({ principal, workflowId, to, reason }: { principal: Principal; workflowId: string; to: ResetPoint; reason?: string }): Promise<{ runId: string }> {
  const client = await getTemporalClient();
  const { runId } = (await readableExecution(principal, workflowId)).description;
  const eventId = await resetEventId(workflowId, runId, to);
  type ResetRequest = temporal.api.workflowservice.v1.IResetWorkflowExecutionRequest;
  const request: ResetRequest = {
    namespace: client.options.namespace,
    workflowExecution: { workflowId, runId },
    // protobufjs encodes a plain number into an int64 field; the type only names Long
    workflowTaskFinishEventId: eventId as unknown as ResetRequest['workflowTaskFinishEventId'],
    reason: reason || `Reset to the ${to === 'first-workflow-task' ? 'first' : 'last'} workflow task from Signalbox`,
    requestId: randomUUID(),
  };
  const response: temporal.api.workflowservice.v1.IResetWorkflowExecutionResponse = await client.workflowService.resetWorkflowExecution(request);
  return { runId: response.runId ?? '' };
}

interface WithStartParams {
  principal: Principal;
  designId: string;
  deploymentId?: string;
  workflowId: string;
  input: unknown;
  name: string;
  args?: unknown;
}

interface Prepared extends PreparedStart {
  handlerArgs: ReturnType<typeof handlerArgs>;
}

/** Refusals that need no Temporal first: an approval process's design (audited), bad input (400), an unknown handler (404). */
async function prepareWithStart(params: WithStartParams, kind: HandlerNodeType): Promise<Prepared> {
  await refuseApprovalDesign({ workflowId: params.workflowId, kind: `${kind}-with-start` as MessageKind, name: params.name, designId: params.designId });
  const prepared = await prepareStart(params);
  const node = prepared.design.nodes.find((n): n is HandlerNode => n.type === kind && n.name === params.name);
  if (!node) {
    const names = prepared.design.nodes.filter((n) => n.type === kind).map((n) => (n as HandlerNode).name);
    throw new NotFoundError(
      `The deployed design "${prepared.design.name}" (version ${prepared.deployment.version}) has no ${kind} named "${params.name}"${names.length ? ` (it has: ${names.join(', ')})` : ''}`,
      `${kind}.not-found`,
    );
  }
  return { ...prepared, handlerArgs: handlerArgs(node, params.args) };
}

/** The running execution with this id, or null when none runs (never started, or closed). */
async function runningExecution(workflowId: string): Promise<WorkflowExecutionDescription | null> {
  const client = await getTemporalClient();
  try {
    const description = await client.workflow.getHandle(workflowId).describe();
    return description.status.name === 'RUNNING' ? description : null;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

interface RunningTarget {
  runId: string;
  deploymentId: string;
  /** The message's arguments, checked against the handler of the deployment that runs it. */
  args: ReturnType<typeof handlerArgs>;
}

/** The running execution, if it may take this message (else refused and audited); its own deployment's handler checks the arguments. */
async function runningTarget(params: WithStartParams, kind: 'signal' | 'update'): Promise<RunningTarget | null> {
  const running = await runningExecution(params.workflowId);
  if (!running) return null;
  const { owner } = await messageableExecution(params.principal, {
    workflowId: params.workflowId,
    runId: running.runId,
    kind: `${kind}-with-start`,
    name: params.name,
    designId: params.designId,
  });
  const node = await handlerNode(owner.deployment, kind, params.name);
  return { runId: running.runId, deploymentId: owner.deployment.id, args: handlerArgs(node, params.args) };
}

function raceLost(workflowId: string): ApiError {
  return new ApiError(409, 'execution.contended', `The workflow with id "${workflowId}" kept starting and ending while the message was being sent; try again`, { field: 'workflowId' });
}

/**
 * Sends the signal, starting the workflow first when no execution with that id is running. When
 * it starts one, the signal follows the start (Temporal refuses FAIL on signal-with-start), so the
 * workflow's first step may run before the signal arrives, as with any signal sent after a start.
 */
export async function signalWithStart(params: WithStartParams): Promise<{ workflowId: string; runId: string; deploymentId: string }> {
  const { deployment, options, handlerArgs: signalArgs } = await prepareWithStart(params, 'signal');
  const client = await getTemporalClient();
  for (let attempt = 1; attempt <= WITH_START_ATTEMPTS; attempt++) {
    const running = await runningTarget(params, 'signal');
    if (running) {
      try {
        await client.workflow.getHandle(params.workflowId, running.runId).signal(params.name, ...running.args);
        return { workflowId: params.workflowId, runId: running.runId, deploymentId: running.deploymentId };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) continue; // that run ended meanwhile: start one
        throw error;
      }
    }
    let runId: string;
    try {
      runId = (await client.workflow.start<Workflow>(deployment.workflowType, { ...options, workflowIdConflictPolicy: 'FAIL' })).firstExecutionRunId;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) continue; // started by someone else meanwhile: whose?
      throw error;
    }
    await client.workflow.getHandle(params.workflowId, runId).signal(params.name, ...signalArgs);
    return { workflowId: params.workflowId, runId, deploymentId: deployment.id };
  }
  throw raceLost(params.workflowId);
}

/** Executes the update, starting the workflow first (in the same call) when no execution with that id is running. */
export async function updateWithStart(params: WithStartParams): Promise<{ workflowId: string; runId: string; deploymentId: string; result: unknown }> {
  const { deployment, options, handlerArgs: updateArgs } = await prepareWithStart(params, 'update');
  const client = await getTemporalClient();
  for (let attempt = 1; attempt <= WITH_START_ATTEMPTS; attempt++) {
    const running = await runningTarget(params, 'update');
    try {
      if (running) {
        const handle = client.workflow.getHandle(params.workflowId, running.runId);
        const result = hasArgs(running.args) ? await handle.executeUpdate(params.name, { args: running.args }) : await handle.executeUpdate(params.name);
        return { workflowId: params.workflowId, runId: running.runId, deploymentId: running.deploymentId, result };
      }
      const startWorkflowOperation = new WithStartWorkflowOperation(deployment.workflowType, { ...options, workflowIdConflictPolicy: 'FAIL' });
      const result = await client.workflow.executeUpdateWithStart(params.name, { args: updateArgs, startWorkflowOperation });
      const { runId } = await (await startWorkflowOperation.workflowHandle()).describe();
      return { workflowId: params.workflowId, runId, deploymentId: deployment.id, result };
    } catch (error) {
      // the run ended meanwhile, or one was started meanwhile: look again
      if (running ? error instanceof WorkflowNotFoundError : error instanceof WorkflowExecutionAlreadyStartedError) continue;
      throw updateRejection(error);
    }
  }
  throw raceLost(params.workflowId);
}
