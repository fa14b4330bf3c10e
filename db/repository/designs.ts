import { and, desc, eq, max, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { DesignSchema, type Design } from '@/codegen/design';
import { refuseUnsafeName } from '../text-safety';
import { getDb, type Db } from '../client';
import { designs, designVersions } from '../schema';
import { DesignValidationError } from './errors';

export interface DesignSummary {
  id: string;
  name: string;
  latestVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DesignDetail extends DesignSummary {
  design: Design;
  versions: { version: number; createdAt: Date }[];
}

export interface DesignVersion {
  designId: string;
  version: number;
  design: Design;
  createdAt: Date;
}

/**
 * The name lists designs to everyone (and becomes the workflow type): bounded, and without the
 * bidi or control characters that could make it read as another (db/text-safety.ts).
 */
const StoredDesignSchema = DesignSchema.extend({
  name: DesignSchema.shape.name.max(200, 'must have at most 200 characters').superRefine(refuseUnsafeName),
});

/** Parses with DesignSchema (stripping unknown keys); throws DesignValidationError. */
export function parseDesign(input: unknown): Design {
  const parsed = StoredDesignSchema.safeParse(input);
  if (!parsed.success) throw new DesignValidationError(parsed.error);
  return parsed.data;
}

export async function createDesign({ db: dbArg, design }: { db?: Db; design: unknown }): Promise<{ id: string; version: number }> {
  const db = dbArg ?? (await getDb());
  const parsed = parseDesign(design);
  const id = nanoid(12);
  await db.transaction(async (tx) => {
    await tx.insert(designs).values({ id, name: parsed.name });
    await tx.insert(designVersions).values({ designId: id, version: 1, design: parsed });
  });
  return { id, version: 1 };
}

export async function listDesigns({ db: dbArg }: { db?: Db } = {}): Promise<DesignSummary[]> {
  const db = dbArg ?? (await getDb());
  const rows = await db
    .select({
      id: designs.id,
      name: designs.name,
      createdAt: designs.createdAt,
      updatedAt: designs.updatedAt,
      latestVersion: max(designVersions.version),
    })
    .from(designs)
    .leftJoin(designVersions, eq(designVersions.designId, designs.id))
    .groupBy(designs.id)
    .orderBy(desc(designs.updatedAt), designs.id);
  return rows.map((row) => ({ ...row, latestVersion: Number(row.latestVersion ?? 0) }));
}

export async function getDesign({ db: dbArg, id }: { db?: Db; id: string }): Promise<DesignDetail | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select().from(designs).where(eq(designs.id, id));
  if (!row) return null;
  const versions = await db
    .select({ version: designVersions.version, createdAt: designVersions.createdAt })
    .from(designVersions)
    .where(eq(designVersions.designId, id))
    .orderBy(desc(designVersions.version));
  const latest = versions[0];
  if (!latest) return null;
  const [content] = await db
    .select({ design: designVersions.design })
    .from(designVersions)
    .where(and(eq(designVersions.designId, id), eq(designVersions.version, latest.version)));
  return { ...row, latestVersion: latest.version, design: content.design, versions };
}

/** Another save landed since the version this one was based on; nothing was written. */
export class VersionConflictError extends Error {
  readonly code = 'design.version-conflict';
  constructor(
    readonly baseVersion: number,
    readonly currentVersion: number,
  ) {
    super(`The design was saved elsewhere (now version ${currentVersion}) since version ${baseVersion}, which this save was based on`);
    this.name = 'VersionConflictError';
  }
}

/**
 * Saves a new version (n+1) and updates the design's name and updatedAt; null when the design is missing.
 * With `baseVersion` (optimistic concurrency), throws VersionConflictError unless it is still the latest.
 */
export async function saveVersion({
  db: dbArg,
  id,
  design,
  baseVersion,
}: {
  db?: Db;
  id: string;
  design: unknown;
  baseVersion?: number;
}): Promise<{ version: number } | null> {
  const db = dbArg ?? (await getDb());
  const parsed = parseDesign(design);
  return db.transaction(async (tx) => {
    // Locks the design row, so concurrent saves of one design number (and check) their versions in turn.
    const updated = await tx
      .update(designs)
      .set({ name: parsed.name, updatedAt: sql`now()` })
      .where(eq(designs.id, id))
      .returning({ id: designs.id });
    if (updated.length === 0) return null;
    const [{ latest }] = await tx
      .select({ latest: max(designVersions.version) })
      .from(designVersions)
      .where(eq(designVersions.designId, id));
    const current = Number(latest ?? 0);
    // Throwing rolls the transaction back, name and updatedAt included.
    if (baseVersion !== undefined && baseVersion !== current) throw new VersionConflictError(baseVersion, current);
    const version = current + 1;
    await tx.insert(designVersions).values({ designId: id, version, design: parsed });
    return { version };
  });
}

export async function getVersion({ db: dbArg, id, version }: { db?: Db; id: string; version: number }): Promise<DesignVersion | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db
    .select()
    .from(designVersions)
    .where(and(eq(designVersions.designId, id), eq(designVersions.version, version)));
  return row ? { designId: row.designId, version: row.version, design: row.design, createdAt: row.createdAt } : null;
}

export async function getLatestVersion({ db: dbArg, id }: { db?: Db; id: string }): Promise<DesignVersion | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db
    .select()
    .from(designVersions)
    .where(eq(designVersions.designId, id))
    .orderBy(desc(designVersions.version))
    .limit(1);
  return row ? { designId: row.designId, version: row.version, design: row.design, createdAt: row.createdAt } : null;
}
