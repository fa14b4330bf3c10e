import { desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '../client';
import { auditLog, type AuditRow } from '../schema';

export interface AuditActor {
  id: string;
  username: string;
}

/** Appends one entry: who (null when anonymous), what (`user.create`, `auth.login-failed`, …), on what, details. */
export async function recordAudit({
  db: dbArg,
  actor,
  action,
  target,
  details = {},
}: {
  db?: Db;
  actor: AuditActor | null;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}): Promise<AuditRow> {
  const db = dbArg ?? (await getDb());
  const [row] = await db
    .insert(auditLog)
    .values({ actorId: actor?.id ?? null, actorName: actor?.username ?? null, action, target: target ?? null, details })
    .returning();
  return row!;
}

/** Newest first; `target` narrows to one user, token, design, … */
export async function listAudit({ db: dbArg, limit = 100, target }: { db?: Db; limit?: number; target?: string } = {}): Promise<AuditRow[]> {
  const db = dbArg ?? (await getDb());
  const query = db.select().from(auditLog);
  const filtered = target ? query.where(eq(auditLog.target, target)) : query;
  return filtered.orderBy(desc(auditLog.id)).limit(Math.min(Math.max(limit, 1), 1000));
}
