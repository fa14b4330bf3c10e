/**
 * What the executions list offers beside the rows: the designs to filter by, told apart (two designs
 * may share a name: each comes with its last deployed version and when it was deployed), and the
 * number of executions in each status for the same filters (one visibility count, GROUP BY
 * ExecutionStatus), both within the caller's read rule.
 */
import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { listDeployments } from '@/db/repository';
import { deployments, designs } from '@/db/schema';
import { EXECUTION_STATUSES, visibilityQuery, type ExecutionFilters, type ExecutionStatusFilter } from './list';
import { getTemporalClient } from '../temporal-client';

export interface DesignChoice {
  id: string;
  name: string;
  /** The design version of its newest deployment. */
  version: number;
  lastDeployedAt: string;
}

/** Every design that was ever deployed (the others have no executions), most recently deployed first. */
export async function designChoices(): Promise<DesignChoice[]> {
  const db = await getDb();
  // Only the columns needed: a deployment row also holds its generated files.
  const rows = await db
    .select({ id: deployments.designId, name: designs.name, version: deployments.version, deployedAt: deployments.createdAt })
    .from(deployments)
    .innerJoin(designs, eq(designs.id, deployments.designId))
    .orderBy(desc(deployments.createdAt), desc(deployments.id));
  const newest = new Map<string, DesignChoice>();
  for (const row of rows) {
    if (!newest.has(row.id)) newest.set(row.id, { id: row.id, name: row.name, version: row.version, lastDeployedAt: row.deployedAt.toISOString() });
  }
  return [...newest.values()];
}

export type StatusCounts = Record<ExecutionStatusFilter, number>;

/**
 * How many executions match the filters in each status, whatever status the filters ask for (the
 * counts are what a person picks a status from). `access` is the read rule's clause, as for the list.
 */
export async function countByStatus(filters: ExecutionFilters, access: string | null): Promise<StatusCounts> {
  const counts = Object.fromEntries(EXECUTION_STATUSES.map((status) => [status, 0])) as StatusCounts;
  // As for the list: a design never deployed has no executions, and Temporal (which may be down) is not asked.
  if (filters.designId && (await listDeployments({ designId: filters.designId })).length === 0) return counts;
  const { status: _status, ...rest } = filters;
  const client = await getTemporalClient();
  const answer = await client.workflow.count(`${visibilityQuery(rest, access)} GROUP BY ExecutionStatus`);
  for (const group of answer.groups) {
    // The payload converter hands a keyword back as the value or (older encodings) as a one-element list.
    const value: unknown = group.groupValues[0];
    const status = Array.isArray(value) ? value[0] : value;
    if (typeof status === 'string' && status in counts) counts[status as ExecutionStatusFilter] += group.count;
  }
  return counts;
}
