import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { nanoid } from 'nanoid';
import { getDb, type Db } from '../client';
import { apiTokens, users, type ApiTokenRow, type UserRow } from '../schema';

/** A token as lists show it: never the hash. */
export type ApiTokenSummary = Omit<ApiTokenRow, 'tokenHash'> & { username: string; createdByName: string | null };

export async function createApiToken({
  db: dbArg,
  tokenHash,
  prefix,
  name,
  userId,
  createdBy,
}: {
  db?: Db;
  tokenHash: string;
  prefix: string;
  name: string;
  userId: string;
  createdBy: string | null;
}): Promise<Omit<ApiTokenRow, 'tokenHash'>> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.insert(apiTokens).values({ id: nanoid(12), tokenHash, prefix, name, userId, createdBy }).returning();
  const { tokenHash: _hash, ...summary } = row!;
  return summary;
}

/** The unrevoked token with this hash and the user it acts as. */
export async function findApiToken({
  db: dbArg,
  tokenHash,
}: {
  db?: Db;
  tokenHash: string;
}): Promise<{ token: ApiTokenRow; user: UserRow } | undefined> {
  const db = dbArg ?? (await getDb());
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}

/** Records a use, at most once a minute per token (no write on every request). */
export async function touchApiToken({ db: dbArg, id, now = new Date() }: { db?: Db; id: string; now?: Date }): Promise<void> {
  const db = dbArg ?? (await getDb());
  const aMinuteAgo = new Date(now.getTime() - 60_000);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, aMinuteAgo))));
}

export async function listApiTokens({ db: dbArg }: { db?: Db } = {}): Promise<ApiTokenSummary[]> {
  const db = dbArg ?? (await getDb());
  const creator = alias(users, 'creator');
  const rows = await db
    .select({ token: apiTokens, username: users.username, createdByName: creator.username })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(creator, eq(creator.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt), apiTokens.id);
  return rows.map(({ token: { tokenHash: _hash, ...token }, username, createdByName }) => ({ ...token, username, createdByName }));
}

/** Revokes (idempotently); undefined when there is no such token. */
export async function revokeApiToken({
  db: dbArg,
  id,
  now = new Date(),
}: {
  db?: Db;
  id: string;
  now?: Date;
}): Promise<Omit<ApiTokenRow, 'tokenHash'> | undefined> {
  const db = dbArg ?? (await getDb());
  await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  if (!row) return undefined;
  const { tokenHash: _hash, ...summary } = row;
  return summary;
}
