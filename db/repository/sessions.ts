import { and, eq, gt, lte, ne } from 'drizzle-orm';
import { getDb, type Db } from '../client';
import { sessions, users, type SessionRow, type UserRow } from '../schema';

export async function createSession({
  db: dbArg,
  tokenHash,
  userId,
  expiresAt,
}: {
  db?: Db;
  tokenHash: string;
  userId: string;
  expiresAt: Date;
}): Promise<SessionRow> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.insert(sessions).values({ tokenHash, userId, expiresAt }).returning();
  return row!;
}

/** The unexpired session with this token hash and its user (disabled users included: the caller decides). */
export async function findSession({
  db: dbArg,
  tokenHash,
  now = new Date(),
}: {
  db?: Db;
  tokenHash: string;
  now?: Date;
}): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const db = dbArg ?? (await getDb());
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession({ db: dbArg, tokenHash }: { db?: Db; tokenHash: string }): Promise<void> {
  const db = dbArg ?? (await getDb());
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Signs a user out everywhere (password reset, disabling). */
export async function deleteUserSessions({ db: dbArg, userId }: { db?: Db; userId: string }): Promise<void> {
  const db = dbArg ?? (await getDb());
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Signs a user out everywhere but in the session with this token hash (changing one's own password). */
export async function deleteOtherUserSessions({ db: dbArg, userId, keepTokenHash }: { db?: Db; userId: string; keepTokenHash?: string }): Promise<void> {
  const db = dbArg ?? (await getDb());
  await db.delete(sessions).where(keepTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions({ db: dbArg, now = new Date() }: { db?: Db; now?: Date } = {}): Promise<void> {
  const db = dbArg ?? (await getDb());
  await db.delete(sessions).where(lte(sessions.expiresAt, now));
}
