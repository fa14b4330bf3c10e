/**
 * Groups: sets of users an admin names ("finance-managers"), usable as approvers of an approval
 * level (lib/approvals/spec.ts, kind `group`). Membership is read whenever a task is listed or
 * decided, so a user added to a group later may decide tasks already open for it.
 */
import 'server-only';
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { userGroupMembers, userGroups, users } from '@/db/schema';
import { ROLE_DESCRIPTIONS, ROLES } from './roles';

/** A group as the API shows it: members by username and display name (never anything else of the account). */
export interface GroupView {
  name: string;
  displayName: string;
  createdAt: string;
  members: { username: string; displayName: string }[];
}

/** The name is taken (409). */
export class GroupExistsError extends Error {
  readonly code = 'group.exists';
  constructor(readonly groupName: string) {
    super(`A group named "${groupName}" already exists`);
    this.name = 'GroupExistsError';
  }
}

/** Usernames that are not accounts (400 naming the first). */
export class UnknownUsersError extends Error {
  readonly code = 'group.unknown-user';
  constructor(readonly usernames: string[]) {
    super(`No user is called ${usernames.map((u) => `"${u}"`).join(', ')}`);
    this.name = 'UnknownUsersError';
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

const dbOr = async (db?: Db) => db ?? (await getDb());

async function membersOf(db: Db, names: string[]): Promise<Map<string, GroupView['members']>> {
  const byGroup = new Map<string, GroupView['members']>(names.map((n) => [n, []]));
  if (names.length === 0) return byGroup;
  const rows = await db
    .select({ groupName: userGroupMembers.groupName, username: users.username, displayName: users.displayName })
    .from(userGroupMembers)
    .innerJoin(users, eq(users.username, userGroupMembers.username))
    .where(inArray(userGroupMembers.groupName, names))
    .orderBy(asc(users.username));
  for (const row of rows) byGroup.get(row.groupName)?.push({ username: row.username, displayName: row.displayName });
  return byGroup;
}

export async function listGroups({ db: dbArg }: { db?: Db } = {}): Promise<GroupView[]> {
  const db = await dbOr(dbArg);
  const rows = await db.select().from(userGroups).orderBy(asc(userGroups.name));
  const members = await membersOf(db, rows.map((r) => r.name));
  return rows.map((r) => ({ name: r.name, displayName: r.displayName, createdAt: r.createdAt.toISOString(), members: members.get(r.name) ?? [] }));
}

export async function getGroup({ db: dbArg, name }: { db?: Db; name: string }): Promise<GroupView | null> {
  const db = await dbOr(dbArg);
  const [row] = await db.select().from(userGroups).where(eq(userGroups.name, name));
  if (!row) return null;
  const members = await membersOf(db, [row.name]);
  return { name: row.name, displayName: row.displayName, createdAt: row.createdAt.toISOString(), members: members.get(row.name) ?? [] };
}

/** The usernames among `usernames` that are not accounts. */
async function unknownUsers(db: Db, usernames: string[]): Promise<string[]> {
  if (usernames.length === 0) return [];
  const known = new Set((await db.select({ username: users.username }).from(users).where(inArray(users.username, usernames))).map((r) => r.username));
  return usernames.filter((u) => !known.has(u));
}

/** Creates a group with its first members, all or nothing. */
export async function createGroup({ db: dbArg, group }: { db?: Db; group: { name: string; displayName: string; members: string[] } }): Promise<GroupView> {
  const db = await dbOr(dbArg);
  const members = [...new Set(group.members)];
  const unknown = await unknownUsers(db, members);
  if (unknown.length) throw new UnknownUsersError(unknown);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(userGroups).values({ name: group.name, displayName: group.displayName });
      if (members.length) await tx.insert(userGroupMembers).values(members.map((username) => ({ groupName: group.name, username })));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new GroupExistsError(group.name);
    throw error;
  }
  return (await getGroup({ db, name: group.name }))!;
}

export async function renameGroup({ db: dbArg, name, displayName }: { db?: Db; name: string; displayName: string }): Promise<GroupView | null> {
  const db = await dbOr(dbArg);
  const [row] = await db.update(userGroups).set({ displayName }).where(eq(userGroups.name, name)).returning();
  return row ? getGroup({ db, name }) : null;
}

export async function deleteGroup({ db: dbArg, name }: { db?: Db; name: string }): Promise<boolean> {
  const db = await dbOr(dbArg);
  const deleted = await db.delete(userGroups).where(eq(userGroups.name, name)).returning({ name: userGroups.name });
  return deleted.length > 0;
}

/** Adds a member (already one: no change); null when the group does not exist. */
export async function addMember({ db: dbArg, name, username }: { db?: Db; name: string; username: string }): Promise<GroupView | null> {
  const db = await dbOr(dbArg);
  if (!(await getGroup({ db, name }))) return null;
  if ((await unknownUsers(db, [username])).length) throw new UnknownUsersError([username]);
  await db.insert(userGroupMembers).values({ groupName: name, username }).onConflictDoNothing();
  return getGroup({ db, name });
}

/** Removes a member (not one: no change); null when the group does not exist. */
export async function removeMember({ db: dbArg, name, username }: { db?: Db; name: string; username: string }): Promise<GroupView | null> {
  const db = await dbOr(dbArg);
  await db.delete(userGroupMembers).where(and(eq(userGroupMembers.groupName, name), eq(userGroupMembers.username, username)));
  return getGroup({ db, name });
}

/** The groups a user is in, by name: what the approvals pass to the workflow with the actor. */
export async function groupsOf({ db: dbArg, username }: { db?: Db; username: string }): Promise<string[]> {
  const db = await dbOr(dbArg);
  const rows = await db.select({ name: userGroupMembers.groupName }).from(userGroupMembers).where(eq(userGroupMembers.username, username)).orderBy(asc(userGroupMembers.groupName));
  return rows.map((r) => r.name);
}

/** The names among `names` that are not groups. */
export async function missingGroups({ db: dbArg, names }: { db?: Db; names: string[] }): Promise<string[]> {
  if (names.length === 0) return [];
  const db = await dbOr(dbArg);
  const known = new Set((await db.select({ name: userGroups.name }).from(userGroups).where(inArray(userGroups.name, names))).map((r) => r.name));
  return names.filter((n) => !known.has(n));
}

/** One suggestion of the approver picker. */
export interface PersonMatch {
  kind: 'user' | 'role' | 'group';
  /** What the approver stores: a username, a role or a group name. */
  name: string;
  displayName: string;
  /** A few words more: a role's description, a group's member count. */
  detail?: string;
}

/** `%text%` for ILIKE, with LIKE's own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Users (enabled ones), groups and built-in roles whose name or display name contains `query`
 * (everything, up to `limit` of each, when it is empty): the approver picker's suggestions.
 */
export async function searchPeople({ db: dbArg, query, limit = 8 }: { db?: Db; query: string; limit?: number }): Promise<PersonMatch[]> {
  const db = await dbOr(dbArg);
  const text = query.trim().toLowerCase();
  const like = containing(text);
  const [people, groups] = await Promise.all([
    db
      .select({ username: users.username, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.disabled, false), text ? or(ilike(users.username, like), ilike(users.displayName, like)) : undefined))
      .orderBy(asc(users.username))
      .limit(limit),
    db
      .select({ name: userGroups.name, displayName: userGroups.displayName, members: sql<number>`count(${userGroupMembers.username})::int` })
      .from(userGroups)
      .leftJoin(userGroupMembers, eq(userGroupMembers.groupName, userGroups.name))
      .where(text ? or(ilike(userGroups.name, like), ilike(userGroups.displayName, like)) : undefined)
      .groupBy(userGroups.name)
      .orderBy(asc(userGroups.name))
      .limit(limit),
  ]);
  const roles = ROLES.filter((r) => r.includes(text));
  return [
    ...people.map((u): PersonMatch => ({ kind: 'user', name: u.username, displayName: u.displayName })),
    ...groups.map((g): PersonMatch => ({ kind: 'group', name: g.name, displayName: g.displayName, detail: `${g.members} member${g.members === 1 ? '' : 's'}` })),
    ...roles.map((r): PersonMatch => ({ kind: 'role', name: r, displayName: r, detail: ROLE_DESCRIPTIONS[r] })),
  ];
}
