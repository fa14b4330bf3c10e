/**
 * The task projection behind the inbox and the requests list (the `task*` columns of
 * approval_requests): pages are filtered, sorted, counted and cut in SQL, so a page costs a
 * bounded number of Temporal calls however many requests are running — one canDecide query per
 * task shown (the workflow confirms each), plus a read of the few rows that are stale.
 *
 * A row is read from its workflow again (refreshTask: describe, designer-state query, pending
 * timers) after a submission and after every decision (the API routes), when the notify activity
 * marked it stale (a level opened, the request was decided), while its level is settling, once
 * its deadline has passed, and whenever canDecide disagrees with it. The decide update's
 * validators stay the authority on who may decide; the projection only chooses what is listed.
 */
import 'server-only';
import { and, arrayContains, arrayOverlaps, asc, desc, eq, inArray, isNull, lt, ne, not, or, sql, type SQL } from 'drizzle-orm';
import { DESIGNER_STATE_QUERY, type DesignerState } from '@/codegen/design';
import { getDb, type Db } from '@/db/client';
import { approvalRequests, type ApprovalRequestRow } from '@/db/schema';
import { groupsOf } from '../auth/groups';
import type { Principal } from '../auth/principal';
import { pendingTimers } from '../executions/history';
import { getTemporalClient } from '../temporal-client';
import { APPROVAL_CONTRACT, usesGroups } from './generate';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging';
import { approverInAnyRevision, specForVersion } from './revisions';
import type { ApprovalProcessSpec } from './spec';
import { openTask, requestStatus, type RequestStatus } from './status';
import { getProcess, listProcesses, searchTextOf, toRequest, type StoredProcess, type StoredRequest } from './store';

const QUERY_TIMEOUT_MS = 3000;
/** Stale rows read again per page request at most (the rest on the next one). */
const STALE_BATCH = 50;
const REFRESH_CONCURRENCY = 16;
/** A row whose workflow could not be read is not tried again sooner than this. */
const RETRY_AFTER_FAILURE_MS = 30_000;
/** A row just read (or being read) is not read again by a concurrent page within this. */
const REREAD_AFTER_MS = 1000;


/**
 * The task an approver is shown and decides on: the request's open level. Levels open at most
 * once per request, in order, and an escalation keeps the level's task (its decisions so far
 * stand, its approvers keep their right), so the request and the level identify the task. A
 * decision carries it (POST /api/inbox/{workflowId}/decision `level`) and the workflow refuses it
 * once that level is no longer the open one (lib/approvals/generate.ts).
 */
export interface TaskRef {
  /** The open level, 1-based. */
  level: number;
  levelName: string;
}

export interface RequestView {
  workflowId: string;
  processId: string;
  processName: string;
  requester: string;
  submittedAt: string;
  fields: Record<string, unknown>;
  executionStatus: string;
  /** When the open level's deadline passes (the pending timer of its wait), if it has one. */
  deadline: string | null;
  status: RequestStatus;
  /** The open level's task; null once the request is decided (or its workflow is not running). */
  task: TaskRef | null;
}

/** The task of a request in this status: its open level while pending. */
export function taskOf(status: RequestStatus, executionStatus: string): TaskRef | null {
  if (status.outcome !== 'pending' || status.level < 1 || executionStatus !== 'RUNNING') return null;
  return { level: status.level, levelName: status.levels[status.level - 1]?.name ?? `Level ${status.level}` };
}

/** The caller as approvals see them: username, roles, and the groups they are in now. */
export interface Actor extends Pick<Principal, 'username' | 'roles'> {
  groups: string[];
}

/** Reads the caller's groups: membership counts as it is when a task is listed or decided. */
export async function actorOf(principal: Pick<Principal, 'username' | 'roles'>): Promise<Actor> {
  return { username: principal.username, roles: principal.roles, groups: await groupsOf({ username: principal.username }) };
}

/**
 * The spec a request's workflow was generated from, as far as its contract goes (whether it
 * takes `actorGroups`): from the process's revisions alone when they agree, else from the
 * version the request started on (its memo, one describe call).
 */
export async function contractSpecOf(process: Pick<StoredProcess, 'revisions'>, workflowId: string): Promise<ApprovalProcessSpec> {
  const withGroups = process.revisions.filter((r) => usesGroups(r.spec));
  if (withGroups.length === 0 || withGroups.length === process.revisions.length) return process.revisions[process.revisions.length - 1]!.spec;
  const client = await getTemporalClient();
  const memo = (await client.workflow.getHandle(workflowId).describe()).memo ?? {};
  return specForVersion(process.revisions, typeof memo.designVersion === 'number' ? memo.designVersion : undefined);
}

/** Who is deciding, as the decide update and canDecide query take it: the groups only where the spec names one (its contract). */
export function actorArguments(actor: Actor, spec: ApprovalProcessSpec): Record<string, unknown> {
  return { actor: actor.username, actorRoles: actor.roles, ...(usesGroups(spec) ? { actorGroups: actor.groups } : {}) };
}

/** The workflow's canDecide query for this caller and task (false when it cannot answer in time). */
export async function canDecideTask(actor: Actor, workflowId: string, task: Pick<TaskRef, 'level'>, process: Pick<StoredProcess, 'revisions'>): Promise<boolean> {
  const client = await getTemporalClient();
  return client.connection
    .withDeadline(Date.now() + QUERY_TIMEOUT_MS, async () =>
      client.workflow
        .getHandle(workflowId)
        .query<boolean, [unknown]>(APPROVAL_CONTRACT.canDecideQuery, { ...actorArguments(actor, await contractSpecOf(process, workflowId)), [APPROVAL_CONTRACT.taskLevelParameter]: task.level }),
    )
    .then((answer) => answer === true, () => false);
}

export interface Page<T> {
  items: T[];
  /** How many match the filter (the last count; a task the workflow disowns is dropped from its page). */
  total: number;
  page: number;
  pageSize: number;
}

/** Reads one request from its workflow: 3–4 Temporal calls. */
async function readFromWorkflow(request: StoredRequest, process: StoredProcess) {
  const client = await getTemporalClient();
  const handle = client.workflow.getHandle(request.workflowId);
  const description = await handle.describe();
  const memo = description.memo ?? {};
  // A request keeps the version it started on: read it with that version's levels.
  const spec = specForVersion(process.revisions, typeof memo.designVersion === 'number' ? memo.designVersion : undefined);
  const running = description.status.name === 'RUNNING';
  const state = await client.connection
    .withDeadline(Date.now() + QUERY_TIMEOUT_MS, () => handle.query<DesignerState>(DESIGNER_STATE_QUERY))
    .catch(() => null); // no worker answering: fall back on the result
  const result = !running && !state ? await handle.result().catch(() => undefined) : undefined;
  const timers = running ? await pendingTimers({ workflowId: description.workflowId, runId: description.runId, historyLength: description.historyLength }).catch(() => []) : [];
  const variables = state?.variables ?? null;
  return {
    running,
    stateRead: state !== null,
    executionStatus: description.status.name,
    deadline: timers[0]?.firesAt ?? null,
    status: requestStatus(spec, variables, result),
    task: openTask(spec, running ? variables : null),
  };
}

/** What a request's view takes from the request and its process (the rest comes from its workflow). */
function requestFacts(request: StoredRequest, process: StoredProcess): Omit<RequestView, 'executionStatus' | 'deadline' | 'status' | 'task'> {
  return {
    workflowId: request.workflowId,
    processId: process.id,
    processName: process.name,
    requester: request.requesterName,
    submittedAt: request.submittedAt,
    fields: request.fields,
  };
}

/** One request as read from its workflow now (the request page). */
export async function readRequestView(request: StoredRequest, process: StoredProcess): Promise<RequestView> {
  const read = await readFromWorkflow(request, process);
  return {
    ...requestFacts(request, process),
    executionStatus: read.executionStatus,
    deadline: read.deadline,
    status: read.status,
    task: taskOf(read.status, read.executionStatus),
  };
}

/**
 * Reads the request's workflow and writes the projection. Returns false when the workflow could
 * not be read (the row stays stale and is tried again later). A notify that marks the row stale
 * while it is being read keeps it stale: the mark is cleared before reading, and kept if set again.
 */
export async function refreshTask(workflowId: string, { db: dbArg, process: known }: { db?: Db; process?: StoredProcess } = {}): Promise<boolean> {
  const db = dbArg ?? (await getDb());
  const [row] = await db
    .update(approvalRequests)
    .set({ taskStale: false, taskRefreshedAt: new Date() })
    .where(eq(approvalRequests.workflowId, workflowId))
    .returning();
  if (!row) return false;
  const process = known?.id === row.processId ? known : await getProcess({ db, id: row.processId });
  if (!process) return false;
  const request = toRequest(row);
  try {
    const read = await readFromWorkflow(request, process);
    const outcome = read.status.outcome === 'pending' && !read.running ? 'unknown' : read.status.outcome;
    const staleNow = read.running && (read.task.inTransition || !read.stateRead);
    await db
      .update(approvalRequests)
      .set({
        taskOutcome: outcome,
        taskLevel: read.status.level,
        taskAssignees: read.task.assignees,
        taskApprovedBy: read.task.decidedBy,
        taskDeadline: read.deadline ? new Date(read.deadline) : null,
        executionStatus: read.executionStatus,
        taskStatus: read.status as unknown as Record<string, unknown>,
        searchText: searchTextOf(request.requesterName, request.fields),
        taskStale: staleNow ? true : sql`${approvalRequests.taskStale}`,
      })
      .where(eq(approvalRequests.workflowId, workflowId));
    return true;
  } catch {
    await db
      .update(approvalRequests)
      .set({ taskStale: true, taskRefreshedAt: new Date(Date.now() + RETRY_AFTER_FAILURE_MS) })
      .where(eq(approvalRequests.workflowId, workflowId));
    return false;
  }
}

/** Runs `fn` over `items`, `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

/** Rows the workflow may have moved on from: marked stale, or pending with their deadline passed. */
function needsReading(): SQL {
  const due = sql`now() - ${`${REREAD_AFTER_MS} milliseconds`}::interval`;
  return and(
    or(eq(approvalRequests.taskStale, true), and(eq(approvalRequests.taskOutcome, 'pending'), lt(approvalRequests.taskDeadline, sql`now()`))),
    or(isNull(approvalRequests.taskRefreshedAt), lt(approvalRequests.taskRefreshedAt, due)),
  )!;
}

async function refreshStale(db: Db, scope: SQL, processes: Map<string, StoredProcess>): Promise<void> {
  const stale = await db
    .select({ workflowId: approvalRequests.workflowId, processId: approvalRequests.processId })
    .from(approvalRequests)
    .where(and(scope, needsReading()))
    .orderBy(asc(approvalRequests.submittedAt))
    .limit(STALE_BATCH);
  await eachLimited(stale, REFRESH_CONCURRENCY, (r) => refreshTask(r.workflowId, { db, process: processes.get(r.processId) }));
}

function viewOfRow(row: ApprovalRequestRow, process: StoredProcess): RequestView {
  const request = toRequest(row);
  const executionStatus = row.executionStatus ?? 'UNKNOWN';
  const status = (row.taskStatus as unknown as RequestStatus | null) ?? requestStatus(process.spec, null);
  return {
    ...requestFacts(request, process),
    executionStatus,
    deadline: row.taskDeadline?.toISOString() ?? null,
    status,
    task: taskOf(status, executionStatus),
  };
}

const clampPage = (page = 1, pageSize = DEFAULT_PAGE_SIZE) => ({ page: Math.max(1, Math.floor(page)), pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize))) });

/** `%text%` for LIKE, with LIKE's own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface InboxQuery {
  processId?: string;
  /** Matches the requester, any field value or the process name (case-insensitive). */
  text?: string;
  sort?: 'oldest' | 'newest' | 'deadline';
  page?: number;
  pageSize?: number;
}

/**
 * The projection rows that are the caller's tasks among `processes` (those the caller approves
 * in): pending, the caller among the open level's assignees by name, role or group, not decided there
 * by the caller already, not their own request unless the process allows it, and matching the
 * text (requester, field values, process name). Exported for its unit test.
 */
export function inboxWhere(principal: Pick<Principal, 'username' | 'roles'> & { groups?: readonly string[] }, processes: StoredProcess[], rawText?: string): SQL {
  const me = principal.username;
  const selfAllowed = processes.filter((p) => p.spec.allowSelfApproval).map((p) => p.id);
  const text = rawText?.trim().toLowerCase();
  const namesMatching = text ? processes.filter((p) => p.name.toLowerCase().includes(text)).map((p) => p.id) : [];
  return and(
    inArray(approvalRequests.processId, processes.length ? processes.map((p) => p.id) : ['']),
    eq(approvalRequests.taskOutcome, 'pending'),
    arrayOverlaps(approvalRequests.taskAssignees, [`user:${me}`, ...principal.roles.map((r) => `role:${r}`), ...(principal.groups ?? []).map((g) => `group:${g}`)]),
    not(arrayContains(approvalRequests.taskApprovedBy, [me])),
    selfAllowed.length ? or(inArray(approvalRequests.processId, selfAllowed), ne(approvalRequests.requesterName, me)) : ne(approvalRequests.requesterName, me),
    text ? or(sql`${approvalRequests.searchText} like ${containing(text)}`, namesMatching.length ? inArray(approvalRequests.processId, namesMatching) : undefined) : undefined,
  )!;
}

/** Oldest first (default), newest first, or the nearest deadline first (none last); ties by submission, then id. */
export function inboxOrder(sort: InboxQuery['sort']): SQL[] {
  const bySort =
    sort === 'deadline'
      ? [sql`${approvalRequests.taskDeadline} asc nulls last`, asc(approvalRequests.submittedAt)]
      : sort === 'newest'
        ? [desc(approvalRequests.submittedAt)]
        : [asc(approvalRequests.submittedAt)];
  return [...bySort, asc(approvalRequests.workflowId)];
}

/**
 * One page of the caller's tasks: pending requests whose open level the caller may decide (by
 * name, role or escalation; not twice; not their own unless the process allows it), each
 * confirmed by the workflow's canDecide query.
 */
export async function inboxPage(principal: Principal, query: InboxQuery = {}): Promise<Page<RequestView>> {
  const { page, pageSize } = clampPage(query.page, query.pageSize);
  const actor = await actorOf(principal);
  const processes = (await listProcesses()).filter((p) => (!query.processId || p.id === query.processId) && approverInAnyRevision(p.revisions, actor));
  if (processes.length === 0) return { items: [], total: 0, page, pageSize };
  const db = await getDb();
  const byId = new Map(processes.map((p) => [p.id, p]));
  await refreshStale(db, inArray(approvalRequests.processId, [...byId.keys()]), byId);

  const where = inboxWhere(actor, processes, query.text);
  const order = inboxOrder(query.sort);
  const [[counted], rows] = await Promise.all([
    db.select({ total: sql<number>`count(*)::int` }).from(approvalRequests).where(where),
    db.select().from(approvalRequests).where(where).orderBy(...order).limit(pageSize).offset((page - 1) * pageSize),
  ]);
  // The workflow confirms each task shown, at the level shown (a row whose level has moved on is
  // disowned); one it disowns is read again on the next page request.
  const confirmed = await Promise.all(rows.map((row) => canDecideTask(actor, row.workflowId, { level: row.taskLevel }, byId.get(row.processId)!)));
  const disowned = rows.filter((_row, i) => !confirmed[i]).map((r) => r.workflowId);
  if (disowned.length) await db.update(approvalRequests).set({ taskStale: true }).where(inArray(approvalRequests.workflowId, disowned));
  const items = rows.filter((_row, i) => confirmed[i]).map((row) => viewOfRow(row, byId.get(row.processId)!));
  return { items, total: Math.max(0, Number(counted?.total ?? 0) - disowned.length), page, pageSize };
}

/** One page of the caller's own requests, newest first; the stale ones on it are read again first. */
export async function myRequestsPage(principal: Principal, query: { page?: number; pageSize?: number } = {}): Promise<Page<RequestView>> {
  const { page, pageSize } = clampPage(query.page, query.pageSize);
  const db = await getDb();
  const processes = new Map((await listProcesses()).map((p) => [p.id, p]));
  const mine = eq(approvalRequests.requesterName, principal.username);
  const select = () =>
    db.select().from(approvalRequests).where(mine).orderBy(desc(approvalRequests.submittedAt), asc(approvalRequests.workflowId)).limit(pageSize).offset((page - 1) * pageSize);
  const [[counted], first] = await Promise.all([db.select({ total: sql<number>`count(*)::int` }).from(approvalRequests).where(mine), select()]);
  const onPage = inArray(approvalRequests.workflowId, first.length ? first.map((r) => r.workflowId) : ['']);
  const stale = await db.select({ workflowId: approvalRequests.workflowId }).from(approvalRequests).where(and(onPage, needsReading()));
  await eachLimited(stale, REFRESH_CONCURRENCY, (r) => refreshTask(r.workflowId, { db }));
  const rows = stale.length ? await select() : first;
  const items = rows.flatMap((row) => {
    const process = processes.get(row.processId);
    return process ? [viewOfRow(row, process)] : [];
  });
  return { items, total: Number(counted?.total ?? 0), page, pageSize };
}
