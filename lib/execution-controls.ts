/**
 * Server-only. Operating executions: cancel, terminate, reset (to the first or the last
 * workflow task), and the with-start messages (signal-with-start, update-with-start) that
 * start the workflow on the design's deployment when it is not running yet.
 */
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Workflow } from '@temporalio/client';
import protoPackage, { type temporal } from '@temporalio/proto';
import type { HandlerNode, HandlerNodeType } from '../codegen/schema/design';
import { ApiError } from './api/errors';
import { NotFoundError } from './errors';
import { handlerArgs, prepareStart, updateRejection } from './executions';
import { getTemporalClient } from './temporal-client';

export type ResetPoint = 'first-workflow-task' | 'last-workflow-task';

export async function cancelExecution({ workflowId }: { workflowId: string }): Promise<void> {
  const client = await getTemporalClient();
  await client.workflow.getHandle(workflowId).cancel();
}

export async function terminateExecution({ workflowId, reason }: { workflowId: string; reason?: string }): Promise<void> {
  const client = await getTemporalClient();
  await client.workflow.getHandle(workflowId).terminate(reason || 'Terminated from Signalbox');
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
export async function resetExecution({ workflowId, to, reason }: { workflowId: string; to: ResetPoint; reason?: string }): Promise<{ runId: string }> {
  const client = await getTemporalClient();
  const { runId } = await client.workflow.getHandle(workflowId).describe();
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
  designId: string;
  deploymentId?: string;
  workflowId: string;
  input: unknown;
  name: string;
  args?: unknown;
}

async function prepareWithStart(params: WithStartParams, kind: HandlerNodeType) {
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

/** Sends the signal, starting the workflow first when no execution with that id is running. */
export async function signalWithStart(params: WithStartParams): Promise<{ workflowId: string; runId: string; deploymentId: string }> {
  const { deployment, options, handlerArgs: signalArgs } = await prepareWithStart(params, 'signal');
  const client = await getTemporalClient();
  const handle = await client.workflow.signalWithStart<Workflow, unknown[]>(deployment.workflowType, { ...options, signal: params.name, signalArgs });
  return { workflowId: handle.workflowId, runId: handle.signaledRunId, deploymentId: deployment.id };
}

/** Executes the update, starting the workflow first when no execution with that id is running (USE_EXISTING). */
export async function updateWithStart(
  params: WithStartParams,
): Promise<{ workflowId: string; runId: string; deploymentId: string; result: unknown }> {
  const { deployment, options, handlerArgs: updateArgs } = await prepareWithStart(params, 'update');
  const client = await getTemporalClient();
  const startWorkflowOperation = new WithStartWorkflowOperation(deployment.workflowType, { ...options, workflowIdConflictPolicy: 'USE_EXISTING' });
  try {
    const result = await client.workflow.executeUpdateWithStart(params.name, { args: updateArgs, startWorkflowOperation });
    const handle = await startWorkflowOperation.workflowHandle();
    const { runId } = await handle.describe();
    return { workflowId: handle.workflowId, runId, deploymentId: deployment.id, result };
  } catch (error) {
    throw updateRejection(error);
  }
}
