/** The shared failed-sign-in counters (table login_throttle); the rules are in lib/auth/throttle.ts. */
import { and, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '../client';
import { loginThrottle, type LoginThrottleRow } from '../schema';

export async function readThrottleRows({ db: dbArg, keys }: { db?: Db; keys: string[] }): Promise<Map<string, LoginThrottleRow>> {
  const db = dbArg ?? (await getDb());
  const rows = keys.length === 0 ? [] : await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  return new Map(rows.map((row) => [row.key, row]));
}

/**
 * Counts one failure for the key, atomically (two instances incrementing at once both count): the
 * count starts again when the row has been quiet for longer than `windowMs`. Returns the new count.
 */
export async function countThrottleFailure({ db: dbArg, key, now, windowMs }: { db?: Db; key: string; now: Date; windowMs: number }): Promise<number> {
  const db = dbArg ?? (await getDb());
  const quietSince = new Date(now.getTime() - windowMs);
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.updatedAt} < ${quietSince.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
        updatedAt: now,
      },
    })
    .returning({ failures: loginThrottle.failures });
  return row!.failures;
}

/** Blocks the key until `until` (never shortens a longer block another instance set). */
export async function blockThrottleKey({ db: dbArg, key, until }: { db?: Db; key: string; until: Date }): Promise<void> {
  const db = dbArg ?? (await getDb());
  await db
    .update(loginThrottle)
    .set({ blockedUntil: sql`greatest(coalesce(${loginThrottle.blockedUntil}, ${until.toISOString()}::timestamptz), ${until.toISOString()}::timestamptz)` })
    .where(sql`${loginThrottle.key} = ${key}`);
}

/** A correct sign-in: the pair's count starts again and the address is known for this account. */
export async function recordThrottleSuccess({ db: dbArg, key, now }: { db?: Db; key: string; now: Date }): Promise<void> {
  const db = dbArg ?? (await getDb());
  await db
    .insert(loginThrottle)
    .values({ key, failures: 0, lastSuccessAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: loginThrottle.key, set: { failures: 0, blockedUntil: null, lastSuccessAt: now, updatedAt: now } });
}

/** Drops rows that no longer matter: quiet and unblocked failures, and known addresses not used for `knownForMs`. */
export async function deleteStaleThrottleRows({ db: dbArg, now, windowMs, knownForMs }: { db?: Db; now: Date; windowMs: number; knownForMs: number }): Promise<void> {
  const db = dbArg ?? (await getDb());
  const quietSince = new Date(now.getTime() - windowMs);
  const knownSince = new Date(now.getTime() - knownForMs);
  await db
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.updatedAt, quietSince),
        or(isNull(loginThrottle.blockedUntil), lt(loginThrottle.blockedUntil, now)),
        or(isNull(loginThrottle.lastSuccessAt), lt(loginThrottle.lastSuccessAt, knownSince)),
      ),
    );
}
