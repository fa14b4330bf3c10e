/**
 * The notifications table (db/schema.ts): written by the worker's notify activity, read by the
 * app for the signed-in user. A user sees exactly the notifications addressed to their username,
 * and those addressed to one of their roles since they have held it (role_grants), or to a group
 * since they have been in it (user_group_members.added_at, read now: the group's members are
 * resolved when the notification is read, not when it is written): a new approver is not told
 * about requests opened before they joined (their inbox still lists those). Read
 * marks are theirs alone. Takes the database as an argument (the
 * worker host and the app each have their own).
 */
import 'server-only';
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { approvalRequests, notificationReads, notifications, roleGrants, userGroupMembers, users } from '@/db/schema';
import type { Recipient } from './recipients';

export interface Reader {
  id: string;
  username: string;
  roles: readonly string[];
}

export interface NotificationView {
  id: number;
  message: string;
  /** `user:<name>`, `role:<role>` or `group:<group>`: how it reached the reader. */
  to: string;
  workflowId: string | null;
  /** The request page for an approval request, the execution page otherwise; null without an execution. */
  href: string | null;
  createdAt: string;
  read: boolean;
}

/** One row per recipient; a retried activity attempt (same source key) adds nothing. Returns the rows added. */
export async function deliver(db: Db, { recipients, message, workflowId, sourceKey }: { recipients: Recipient[]; message: string; workflowId: string | null; sourceKey: string | null }): Promise<number> {
  const rows = await db
    .insert(notifications)
    .values(recipients.map((r) => ({ recipientKind: r.kind, recipient: r.name, message, workflowId, sourceKey })))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

function addressedTo(reader: Reader): SQL {
  const byName = and(eq(notifications.recipientKind, 'user'), eq(notifications.recipient, reader.username))!;
  const memberWhenSent = sql`exists (select 1 from ${userGroupMembers} where ${userGroupMembers.username} = ${reader.username} and ${userGroupMembers.groupName} = ${notifications.recipient} and ${userGroupMembers.addedAt} <= ${notifications.createdAt})`;
  const byGroup = and(eq(notifications.recipientKind, 'group'), memberWhenSent)!;
  if (reader.roles.length === 0) return or(byName, byGroup)!;
  const heldWhenSent = sql`exists (select 1 from ${roleGrants} where ${roleGrants.userId} = ${reader.id} and ${roleGrants.role} = ${notifications.recipient} and ${roleGrants.grantedAt} <= ${notifications.createdAt})`;
  return or(byName, byGroup, and(eq(notifications.recipientKind, 'role'), inArray(notifications.recipient, [...reader.roles]), heldWhenSent))!;
}

const readByMe = (reader: Reader) =>
  sql<boolean>`exists (select 1 from ${notificationReads} where ${notificationReads.notificationId} = ${notifications.id} and ${notificationReads.userId} = ${reader.id})`;

/** Newest first; `before` (an id) pages on; `unreadOnly` leaves out what the reader has read. */
export async function listFor(db: Db, reader: Reader, { limit = 20, before, unreadOnly = false }: { limit?: number; before?: number; unreadOnly?: boolean } = {}): Promise<NotificationView[]> {
  const read = readByMe(reader);
  const rows = await db
    .select({
      id: notifications.id,
      message: notifications.message,
      recipientKind: notifications.recipientKind,
      recipient: notifications.recipient,
      workflowId: notifications.workflowId,
      createdAt: notifications.createdAt,
      read,
      isRequest: sql<boolean>`${approvalRequests.workflowId} is not null`,
      requesterName: approvalRequests.requesterName,
      requesterDisplayName: users.displayName,
    })
    .from(notifications)
    .leftJoin(approvalRequests, eq(approvalRequests.workflowId, notifications.workflowId))
    .leftJoin(users, eq(users.id, approvalRequests.requesterId))
    .where(and(addressedTo(reader), before ? lt(notifications.id, before) : undefined, unreadOnly ? sql`not ${read}` : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    message: withRequesterName(r.message, r.requesterName, r.requesterDisplayName),
    to: `${r.recipientKind}:${r.recipient}`,
    workflowId: r.workflowId,
    href: r.workflowId ? `/${r.isRequest ? 'requests' : 'executions'}/${encodeURIComponent(r.workflowId)}` : null,
    createdAt: r.createdAt.toISOString(),
    read: Boolean(r.read),
  }));
}

/**
 * The approval workflow names the requester by username, the only name it has ("… for a request by
 * rita", lib/approvals/generate.ts); people read the display name (lib/people/display-names.ts).
 */
function withRequesterName(message: string, username: string | null, displayName: string | null): string {
  const by = ` by ${username}`;
  return username && displayName && displayName !== username && message.endsWith(by) ? `${message.slice(0, -by.length)} by ${displayName}` : message;
}

export async function unreadCount(db: Db, reader: Reader): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, reader.id)))
    .where(and(addressedTo(reader), isNull(notificationReads.userId)));
  return Number(row?.count ?? 0);
}

/**
 * Marks the given notifications (or all, when `ids` is undefined) read for the reader. Only those
 * addressed to the reader count; returns how many of `ids` were addressed to them (others are
 * unknown to them: the caller answers 404). `onlyIfAll`: mark nothing unless every id is theirs.
 */
export async function markRead(db: Db, reader: Reader, ids?: number[], { onlyIfAll = false }: { onlyIfAll?: boolean } = {}): Promise<{ addressed: number }> {
  const mine = await db
    .select({ id: notifications.id, read: readByMe(reader) })
    .from(notifications)
    .where(and(addressedTo(reader), ids ? inArray(notifications.id, ids.length ? ids : [-1]) : sql`not ${readByMe(reader)}`));
  // onlyIfAll: one id that is not the reader's marks nothing (the route answers 404).
  if (onlyIfAll && ids && mine.length < new Set(ids).size) return { addressed: mine.length };
  const unread = mine.filter((m) => !m.read);
  for (let i = 0; i < unread.length; i += 1000) {
    await db
      .insert(notificationReads)
      .values(unread.slice(i, i + 1000).map((m) => ({ notificationId: m.id, userId: reader.id })))
      .onConflictDoNothing();
  }
  return { addressed: mine.length };
}
