/**
 * The executions list across designs and versions, straight from Temporal
 * visibility: filters become a visibility query over the Signalbox search attributes, pages
 * follow Temporal's own nextPageToken (so tens of thousands of executions page in constant time),
 * and each row's step — live for running rows, the one a closed run ended at — comes with its label
 * (lib/executions/list-steps.ts).
 */
import 'server-only';
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers';
import { loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { SEARCH_ATTRIBUTES } from '@/codegen/design';
import { deploymentByBuildId, listDeployments, listDesigns, type DeploymentSummary } from '@/db/repository';
import { InputError } from '../errors';
import { resolveSteps, type StepSource } from './list-steps';
import type { ExecutionSummary } from './service';
import { getTemporalClient } from '../temporal-client';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** The statuses the list filters by, as visibility names them. */
export const EXECUTION_STATUSES = ['Running', 'Completed', 'Failed', 'Canceled', 'Terminated', 'TimedOut', 'ContinuedAsNew'] as const;
export type ExecutionStatusFilter = (typeof EXECUTION_STATUSES)[number];

export interface ExecutionFilters {
  designId?: string;
  deploymentId?: string;
  version?: number;
  status?: ExecutionStatusFilter;
  /** Node id of the step (as recorded in SignalboxStep). */
  step?: string;
  /** A prefix of the workflow id. */
  workflowId?: string;
}

/** An execution's summary (lib/executions/service.ts; status as the client names it: RUNNING, COMPLETED, …) with what the list shows besides. */
export interface ExecutionRow extends ExecutionSummary {
  designName: string | null;
  taskQueue: string;
  /** The node id of the current step: live when running, the step it ended at once closed, else as recorded in visibility. */
  step: string | null;
  /** The step's label in the execution's design version (null when the version or node is unknown). */
  stepLabel: string | null;
  stepSource: StepSource;
  historyLength: number;
}

export interface ExecutionPage {
  executions: ExecutionRow[];
  /** Opaque token for the next page; null on the last page. */
  nextPageToken: string | null;
  query: string;
}

/** A visibility string literal. */
export function visibilityLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The visibility query for the filters: always narrowed to executions started by Signalbox, and to
 * those the caller may read (`access`, from lib/executions/access.ts listAccessClause; null: all).
 */
export function visibilityQuery(filters: ExecutionFilters, access: string | null = null): string {
  const clauses = [`TaskQueue STARTS_WITH 'signalbox-'`];
  if (access) clauses.push(access);
  if (filters.designId) clauses.push(`${SEARCH_ATTRIBUTES.design.name} = ${visibilityLiteral(filters.designId)}`);
  if (filters.deploymentId) clauses.push(`${SEARCH_ATTRIBUTES.deployment.name} = ${visibilityLiteral(filters.deploymentId)}`);
  if (filters.version !== undefined) {
    if (!Number.isInteger(filters.version) || filters.version < 1) throw new InputError('version must be a positive integer', 'input.invalid', 'version');
    clauses.push(`${SEARCH_ATTRIBUTES.version.name} = ${filters.version}`);
  }
  if (filters.status) {
    if (!EXECUTION_STATUSES.includes(filters.status)) {
      throw new InputError(`status must be one of ${EXECUTION_STATUSES.join(', ')}, got "${filters.status}"`, 'input.invalid', 'status');
    }
    clauses.push(`ExecutionStatus = ${visibilityLiteral(filters.status)}`);
  }
  if (filters.step) {
    clauses.push(`${SEARCH_ATTRIBUTES.step.name} = ${visibilityLiteral(filters.step)}`);
    // Visibility keeps the last wait a closed run passed: only a running execution is at a step now.
    if (!filters.status) clauses.push(`ExecutionStatus = 'Running'`);
  }
  if (filters.workflowId) clauses.push(`WorkflowId STARTS_WITH ${visibilityLiteral(filters.workflowId)}`);
  // No ORDER BY: SQL visibility (the dev server) refuses it; it lists running executions first,
  // then by close time, newest first — the order a monitor wants anyway.
  return clauses.join(' AND ');
}

function decodeToken(token: string | undefined): Buffer {
  if (!token) return Buffer.alloc(0);
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new InputError('pageToken is not a token this API handed out', 'input.invalid', 'pageToken');
  return Buffer.from(token, 'base64url');
}

function stringAttribute(value: unknown): string | null {
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
}

function numberAttribute(value: unknown): number | null {
  return typeof value === 'number' ? value : Array.isArray(value) && typeof value[0] === 'number' ? value[0] : null;
}

let converter: ReturnType<typeof loadDataConverter> | undefined;

/** One page of executions matching the filters: running ones first, then the most recently closed. */
export async function listExecutionPage({
  filters = {},
  pageSize = DEFAULT_PAGE_SIZE,
  pageToken,
  liveSteps = true,
  access = null,
}: {
  filters?: ExecutionFilters;
  pageSize?: number;
  pageToken?: string;
  /** Ask running executions for their live step (the designer query); closed ones are asked for their end step regardless. */
  liveSteps?: boolean;
  /** The read rule as a visibility clause (lib/executions/access.ts listAccessClause). */
  access?: string | null;
}): Promise<ExecutionPage> {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new InputError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`, 'input.invalid', 'pageSize');
  }
  const query = visibilityQuery(filters, access);
  // A design that was never deployed has no executions: no need to ask Temporal (which may be down).
  if (filters.designId && (await listDeployments({ designId: filters.designId })).length === 0) {
    return { executions: [], nextPageToken: null, query };
  }
  const client = await getTemporalClient();
  const response = await client.workflowService.listWorkflowExecutions({
    namespace: client.options.namespace,
    query,
    pageSize,
    nextPageToken: decodeToken(pageToken),
  });
  converter ??= loadDataConverter();
  const designNames = new Map((await listDesigns()).map((d) => [d.id, d.name]));
  const servingByBuildId = new Map<string, Promise<DeploymentSummary | null>>();
  const rows = await Promise.all(
    response.executions.map(async (raw): Promise<ExecutionRow> => {
      const info = await executionInfoFromRaw(raw, converter!, raw, client.options.namespace);
      const attrs = info.searchAttributes;
      const memo = info.memo ?? {};
      const designId = stringAttribute(attrs[SEARCH_ATTRIBUTES.design.name]) ?? (typeof memo.designId === 'string' ? memo.designId : null);
      const serving = await servingDeployment(stringAttribute(attrs.TemporalWorkerDeploymentVersion), designId, servingByBuildId);
      return {
        workflowId: info.workflowId,
        runId: info.runId,
        status: info.status.name,
        startTime: info.startTime.toISOString(),
        closeTime: info.closeTime?.toISOString() ?? null,
        designId,
        designName: designId ? (designNames.get(designId) ?? null) : null,
        deploymentId: serving?.id ?? stringAttribute(attrs[SEARCH_ATTRIBUTES.deployment.name]) ?? (typeof memo.deploymentId === 'string' ? memo.deploymentId : null),
        designVersion: serving?.version ?? numberAttribute(attrs[SEARCH_ATTRIBUTES.version.name]) ?? (typeof memo.designVersion === 'number' ? memo.designVersion : null),
        taskQueue: info.taskQueue,
        step: stringAttribute(attrs[SEARCH_ATTRIBUTES.step.name]),
        stepLabel: null,
        stepSource: 'recorded',
        historyLength: info.historyLength,
      };
    }),
  );
  await resolveSteps(rows, { live: liveSteps });
  const next = response.nextPageToken;
  return { executions: rows, nextPageToken: next && next.length > 0 ? Buffer.from(next).toString('base64url') : null, query };
}

/**
 * The deployment an execution runs on, from the engine's own search attribute
 * TemporalWorkerDeploymentVersion (`<deployment name>:<build id>`; list results carry no
 * versioningInfo): during a ramp the server, not the starter, picks the version, so the start's
 * SignalboxVersion (the current version at start) can name the wrong one. Null before the first
 * workflow task, for legacy queues, and for a build id of another design.
 */
async function servingDeployment(
  deploymentVersion: string | null,
  designId: string | null,
  cache: Map<string, Promise<DeploymentSummary | null>>,
): Promise<DeploymentSummary | null> {
  const buildId = deploymentVersion?.slice(deploymentVersion.indexOf(':') + 1);
  if (!buildId || !deploymentVersion?.includes(':') || !designId) return null;
  if (!cache.has(buildId)) cache.set(buildId, deploymentByBuildId({ buildId }));
  const deployment = await cache.get(buildId)!;
  return deployment?.designId === designId ? deployment : null;
}

/** How many executions match the filters (visibility count). */
export async function countExecutions(filters: ExecutionFilters = {}, access: string | null = null): Promise<number> {
  if (filters.designId && (await listDeployments({ designId: filters.designId })).length === 0) return 0;
  const client = await getTemporalClient();
  return (await client.workflow.count(visibilityQuery(filters, access))).count;
}
