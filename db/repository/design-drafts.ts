import { and, desc, eq, max } from 'drizzle-orm';
import type { Design } from '@/codegen/design';
import { getDb, type Db } from '../client';
import { designDrafts, designs, designVersions, users } from '../schema';
import { parseDesign, saveVersion, VersionConflictError } from './designs';

/** A design's autosaved work in progress: newer than `baseVersion`, not a version until Save or Deploy. */
export interface DesignDraft {
  designId: string;
  design: Design;
  baseVersion: number;
  updatedAt: Date;
  updatedBy: string | null;
  updatedByName: string | null;
}

/**
 * Stores the draft (replacing the previous one); null when the design is missing. The draft's edits
 * started from `baseVersion`: when a version was saved since (another tab, another person), throws
 * VersionConflictError and stores nothing, as a save would.
 */
export async function saveDraft({
  db: dbArg,
  id,
  design,
  baseVersion,
  updatedBy = null,
}: {
  db?: Db;
  id: string;
  design: unknown;
  baseVersion: number;
  updatedBy?: string | null;
}): Promise<{ baseVersion: number; updatedAt: Date } | null> {
  const db = dbArg ?? (await getDb());
  const parsed = parseDesign(design);
  return db.transaction(async (tx) => {
    // Locks the design row: a draft and a version of one design are written one after the other.
    const [row] = await tx.select({ id: designs.id }).from(designs).where(eq(designs.id, id)).for('update');
    if (!row) return null;
    const [{ newest }] = await tx.select({ newest: max(designVersions.version) }).from(designVersions).where(eq(designVersions.designId, id));
    const latest = Number(newest ?? 0);
    if (baseVersion !== latest) throw new VersionConflictError(baseVersion, latest);
    const [saved] = await tx
      .insert(designDrafts)
      .values({ designId: id, design: parsed, baseVersion, updatedBy })
      .onConflictDoUpdate({ target: designDrafts.designId, set: { design: parsed, baseVersion, updatedBy, updatedAt: new Date() } })
      .returning({ updatedAt: designDrafts.updatedAt });
    return { baseVersion, updatedAt: saved.updatedAt };
  });
}

/** The design's draft, with who last edited it; null when there is none (everything is in a version). */
export async function getDraft({ db: dbArg, id }: { db?: Db; id: string }): Promise<DesignDraft | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db
    .select({
      designId: designDrafts.designId,
      design: designDrafts.design,
      baseVersion: designDrafts.baseVersion,
      updatedAt: designDrafts.updatedAt,
      updatedBy: designDrafts.updatedBy,
      updatedByName: users.displayName,
    })
    .from(designDrafts)
    .leftJoin(users, eq(users.id, designDrafts.updatedBy))
    .where(eq(designDrafts.designId, id));
  return row ?? null;
}

/** Throws the draft away (the latest version stays as it was); whether there was one. */
export async function discardDraft({ db: dbArg, id }: { db?: Db; id: string }): Promise<boolean> {
  const db = dbArg ?? (await getDb());
  const removed = await db.delete(designDrafts).where(eq(designDrafts.designId, id)).returning({ id: designDrafts.designId });
  return removed.length > 0;
}

/**
 * Makes a version of the draft, when there is one that differs from the latest version (a draft
 * equal to it is only removed). Returns the version now latest, `created` when this call made it;
 * null when the design is missing. Throws VersionConflictError when the draft is stale.
 */
export async function saveVersionFromDraft({
  db: dbArg,
  id,
  message = null,
  createdBy,
}: {
  db?: Db;
  id: string;
  message?: string | null;
  /** Who saves; the draft's last editor when not given. */
  createdBy?: string | null;
}): Promise<{ version: number; created: boolean } | null> {
  const db = dbArg ?? (await getDb());
  const draft = await getDraft({ db, id });
  const [latest] = await db
    .select({ version: designVersions.version, design: designVersions.design })
    .from(designVersions)
    .where(eq(designVersions.designId, id))
    .orderBy(desc(designVersions.version))
    .limit(1);
  if (!latest) return null;
  // Both come back from jsonb, so equal designs serialise alike.
  if (!draft || (draft.baseVersion === latest.version && JSON.stringify(draft.design) === JSON.stringify(latest.design))) {
    if (draft) await db.delete(designDrafts).where(and(eq(designDrafts.designId, id), eq(designDrafts.updatedAt, draft.updatedAt)));
    return { version: latest.version, created: false };
  }
  const saved = await saveVersion({ db, id, design: draft.design, baseVersion: draft.baseVersion, message, createdBy: createdBy === undefined ? draft.updatedBy : createdBy });
  return saved && { version: saved.version, created: true };
}
