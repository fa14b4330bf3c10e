/** The approval processes and requests tables (db/schema.ts). */
import 'server-only';
import { desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { approvalProcesses, approvalRequests, type ApprovalProcessRow, type ApprovalRequestRow } from '@/db/schema';
import { revisionsOf, storedDocument, type FormRevision } from './revisions';
import { ApprovalProcessSpecSchema, type ApprovalProcessSpec } from './spec';

export interface StoredProcess {
  id: string;
  name: string;
  designId: string;
  spec: ApprovalProcessSpec;
  /** Which design version the form generated from which spec (lib/approvals/revisions.ts), oldest first. */
  revisions: FormRevision[];
  createdAt: string;
}

function toProcess(row: ApprovalProcessRow): StoredProcess {
  const spec = ApprovalProcessSpecSchema.parse(row.spec);
  return { id: row.id, name: row.name, designId: row.designId, spec, revisions: revisionsOf(row.spec, spec), createdAt: row.createdAt.toISOString() };
}

export async function insertProcess({ db: dbArg, spec, ...values }: { db?: Db; id: string; name: string; designId: string; spec: ApprovalProcessSpec; createdBy: string | null }): Promise<StoredProcess> {
  const db = dbArg ?? (await getDb());
  // The form's create saves the design's first version.
  const [row] = await db.insert(approvalProcesses).values({ ...values, spec: storedDocument(spec, [{ designVersion: 1, spec }]) }).returning();
  return toProcess(row!);
}

/** After the form saved design version `designVersion` from `spec`: the current spec, and one more revision. */
export async function updateProcessSpec({ db: dbArg, id, spec, designVersion }: { db?: Db; id: string; spec: ApprovalProcessSpec; designVersion: number }): Promise<StoredProcess | null> {
  const db = dbArg ?? (await getDb());
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(approvalProcesses).where(eq(approvalProcesses.id, id)).for('update');
    if (!current) return null;
    const revisions = [...revisionsOf(current.spec, ApprovalProcessSpecSchema.parse(current.spec)).filter((r) => r.designVersion !== designVersion), { designVersion, spec }];
    const [row] = await tx.update(approvalProcesses).set({ name: spec.name, spec: storedDocument(spec, revisions) }).where(eq(approvalProcesses.id, id)).returning();
    return toProcess(row!);
  });
}

export async function listProcesses({ db: dbArg }: { db?: Db } = {}): Promise<StoredProcess[]> {
  const db = dbArg ?? (await getDb());
  return (await db.select().from(approvalProcesses).orderBy(desc(approvalProcesses.createdAt))).map(toProcess);
}

export async function getProcess({ db: dbArg, id }: { db?: Db; id: string }): Promise<StoredProcess | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select().from(approvalProcesses).where(eq(approvalProcesses.id, id));
  return row ? toProcess(row) : null;
}

export async function processForDesign({ db: dbArg, designId }: { db?: Db; designId: string }): Promise<StoredProcess | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select().from(approvalProcesses).where(eq(approvalProcesses.designId, designId));
  return row ? toProcess(row) : null;
}

/** A request as submitted (the projection columns are lib/approvals/tasks.ts's business). */
export type StoredRequest = Pick<ApprovalRequestRow, 'workflowId' | 'processId' | 'requesterId' | 'requesterName' | 'fields'> & { submittedAt: string };

export function toRequest(row: ApprovalRequestRow): StoredRequest {
  return { workflowId: row.workflowId, processId: row.processId, requesterId: row.requesterId, requesterName: row.requesterName, fields: row.fields, submittedAt: row.submittedAt.toISOString() };
}

/** What the inbox's text filter looks in: the requester and the field values, lower-case. */
export function searchTextOf(requesterName: string, fields: Record<string, unknown>): string {
  return [requesterName, ...Object.values(fields).map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)))].join('\n').toLowerCase();
}

export async function insertRequest({ db: dbArg, ...values }: { db?: Db; workflowId: string; processId: string; requesterId: string; requesterName: string; fields: Record<string, unknown> }): Promise<StoredRequest> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.insert(approvalRequests).values({ ...values, searchText: searchTextOf(values.requesterName, values.fields) }).returning();
  return toRequest(row!);
}

/** Removes a request whose workflow could not be started (lib/approvals/service.ts submitRequest). */
export async function deleteRequest({ db: dbArg, workflowId }: { db?: Db; workflowId: string }): Promise<void> {
  const db = dbArg ?? (await getDb());
  await db.delete(approvalRequests).where(eq(approvalRequests.workflowId, workflowId));
}

/**
 * The workflow may have moved on (the notify activity ran: a level opened or the request was
 * decided): the next inbox or requests page reads it again. Unknown ids change nothing.
 */
export async function markRequestStale({ db: dbArg, workflowId }: { db?: Db; workflowId: string }): Promise<void> {
  const db = dbArg ?? (await getDb());
  await db.update(approvalRequests).set({ taskStale: true }).where(eq(approvalRequests.workflowId, workflowId));
}

export async function requestsBy({ db: dbArg, requesterName }: { db?: Db; requesterName: string }): Promise<StoredRequest[]> {
  const db = dbArg ?? (await getDb());
  return (await db.select().from(approvalRequests).where(eq(approvalRequests.requesterName, requesterName)).orderBy(desc(approvalRequests.submittedAt))).map(toRequest);
}

export async function getRequest({ db: dbArg, workflowId }: { db?: Db; workflowId: string }): Promise<StoredRequest | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select().from(approvalRequests).where(eq(approvalRequests.workflowId, workflowId));
  return row ? toRequest(row) : null;
}

export async function getRequests({ db: dbArg, workflowIds }: { db?: Db; workflowIds: string[] }): Promise<StoredRequest[]> {
  if (workflowIds.length === 0) return [];
  const db = dbArg ?? (await getDb());
  return (await db.select().from(approvalRequests).where(inArray(approvalRequests.workflowId, workflowIds))).map(toRequest);
}
