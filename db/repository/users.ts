import { asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import type { Role } from '../roles';
import { getDb, type Db } from '../client';
import { users, type UserRow } from '../schema';

/** A user as lists and API responses show it: never the password hash. */
export type UserSummary = Omit<UserRow, 'passwordHash' | 'oidcSubject'>;

const { passwordHash: _hash, oidcSubject: _sub, ...summaryColumns } = getTableColumns(users);

/** The username is taken (409). */
export class UsernameTakenError extends Error {
  readonly code = 'user.exists';
  constructor(readonly username: string) {
    super(`A user named "${username}" already exists`);
    this.name = 'UsernameTakenError';
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string | null;
  roles: Role[];
}

export async function countUsers({ db: dbArg }: { db?: Db } = {}): Promise<number> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0);
}

export async function createUser({ db: dbArg, user }: { db?: Db; user: NewUser }): Promise<UserSummary> {
  const db = dbArg ?? (await getDb());
  try {
    const [row] = await db
      .insert(users)
      .values({ id: nanoid(12), ...user })
      .returning(summaryColumns);
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new UsernameTakenError(user.username);
    throw error;
  }
}

/**
 * Creates the first user (an admin) only while there is no user at all; null when one exists.
 * An advisory lock serialises concurrent first visits, so exactly one of them wins.
 */
export async function createFirstUser({ db: dbArg, user }: { db?: Db; user: NewUser }): Promise<UserSummary | null> {
  const db = dbArg ?? (await getDb());
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    const [existing] = await tx.select({ n: count() }).from(users);
    if (Number(existing?.n ?? 0) > 0) return null;
    const [row] = await tx
      .insert(users)
      .values({ id: nanoid(12), ...user })
      .returning(summaryColumns);
    return row!;
  });
}

export async function getUserById({ db: dbArg, id }: { db?: Db; id: string }): Promise<UserRow | undefined> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function getUserByUsername({ db: dbArg, username }: { db?: Db; username: string }): Promise<UserRow | undefined> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select().from(users).where(eq(users.username, username.toLowerCase()));
  return row;
}

export async function listUsers({ db: dbArg }: { db?: Db } = {}): Promise<UserSummary[]> {
  const db = dbArg ?? (await getDb());
  return db.select(summaryColumns).from(users).orderBy(asc(users.username));
}

/** Changes roles, the disabled flag or the display name; undefined when the user does not exist. */
export async function updateUser({
  db: dbArg,
  id,
  changes,
}: {
  db?: Db;
  id: string;
  changes: { roles?: Role[]; disabled?: boolean; displayName?: string; passwordHash?: string };
}): Promise<UserSummary | undefined> {
  const db = dbArg ?? (await getDb());
  const [row] = await db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning(summaryColumns);
  return row;
}

/** How many enabled admins there are (the last one may not be demoted or disabled). */
export async function countActiveAdmins({ db: dbArg }: { db?: Db } = {}): Promise<number> {
  const db = dbArg ?? (await getDb());
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(sql`${users.disabled} = false and 'admin' = any(${users.roles})`);
  return Number(row?.n ?? 0);
}

/**
 * The account for an OIDC subject, created on first sign-in (no password; username from the
 * provider, made unique) and kept in step with the provider's name and roles on later ones.
 */
export async function upsertOidcUser({
  db: dbArg,
  subject,
  username,
  displayName,
  roles,
}: {
  db?: Db;
  subject: string;
  username: string;
  displayName: string;
  roles: Role[];
}): Promise<UserRow> {
  const db = dbArg ?? (await getDb());
  const [existing] = await db.select().from(users).where(eq(users.oidcSubject, subject));
  if (existing) {
    const [updated] = await db.update(users).set({ displayName, roles, updatedAt: new Date() }).where(eq(users.id, existing.id)).returning();
    return updated!;
  }
  for (let attempt = 1; attempt <= 20; attempt++) {
    const candidate = attempt === 1 ? username : `${username.slice(0, 36)}-${attempt}`;
    try {
      const [row] = await db
        .insert(users)
        .values({ id: nanoid(12), username: candidate, displayName, passwordHash: null, roles, oidcSubject: subject })
        .returning();
      return row!;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The subject itself may have been inserted concurrently: use that row.
      const [raced] = await db.select().from(users).where(eq(users.oidcSubject, subject));
      if (raced) return raced;
    }
  }
  throw new UsernameTakenError(username);
}
