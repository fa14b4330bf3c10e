import { and, desc, eq, max, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { DesignSchema, type Design } from '@/codegen/design';
import { refuseUnsafeName } from '../text-safety';
import { getDb, type Db } from '../client';
import { deployments, designDrafts, designs, designVersions, users } from '../schema';
import { DesignValidationError } from './errors';

export interface DesignSummary {
  id: string;
  name: string;
  latestVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What the home page shows and filters by: owner, tags and description of the latest version, and what is deployed. */
export interface DesignListing extends DesignSummary {
  createdBy: string | null;
  ownerName: string | null;
  description: string | null;
  tags: string[];
  /** The design version its newest active deployment runs; null when nothing is deployed. */
  deployedVersion: number | null;
  lastDeployedAt: Date | null;
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

export async function createDesign({ db: dbArg, design, createdBy = null }: { db?: Db; design: unknown; createdBy?: string | null }): Promise<{ id: string; version: number }> {
  const db = dbArg ?? (await getDb());
  const parsed = parseDesign(design);
  const id = nanoid(12);
  await db.transaction(async (tx) => {
    await tx.insert(designs).values({ id, name: parsed.name, createdBy });
    await tx.insert(designVersions).values({ designId: id, version: 1, design: parsed, createdBy });
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

/**
 * Every design as the home page lists it, newest first. Tags and description come from the latest
 * version's JSON (read in SQL, not the whole design); deployment facts from the active deployments.
 */
export async function listDesignsForHome({ db: dbArg }: { db?: Db } = {}): Promise<DesignListing[]> {
  const db = dbArg ?? (await getDb());
  const latest = sql<number>`(select max(${designVersions.version}) from ${designVersions} where ${designVersions.designId} = ${designs.id})`;
  const latestJson = (key: 'tags' | 'description') =>
    sql<unknown>`(select ${designVersions.design} -> ${key} from ${designVersions} where ${designVersions.designId} = ${designs.id} order by ${designVersions.version} desc limit 1)`;
  const rows = await db
    .select({
      id: designs.id,
      name: designs.name,
      createdAt: designs.createdAt,
      updatedAt: designs.updatedAt,
      createdBy: designs.createdBy,
      ownerName: users.displayName,
      latestVersion: latest,
      tags: latestJson('tags'),
      description: latestJson('description'),
      deployedVersion: sql<number | null>`(select ${deployments.version} from ${deployments} where ${deployments.designId} = ${designs.id} and ${deployments.status} = 'active' order by ${deployments.createdAt} desc limit 1)`,
      lastDeployedAt: sql<string | null>`(select max(${deployments.createdAt}) from ${deployments} where ${deployments.designId} = ${designs.id})`,
    })
    .from(designs)
    .leftJoin(users, eq(users.id, designs.createdBy))
    .orderBy(desc(designs.updatedAt), designs.id);
  return rows.map((row) => ({
    ...row,
    latestVersion: Number(row.latestVersion ?? 0),
    tags: Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === 'string') : [],
    description: typeof row.description === 'string' ? row.description : null,
    deployedVersion: row.deployedVersion === null ? null : Number(row.deployedVersion),
    lastDeployedAt: row.lastDeployedAt === null ? null : new Date(row.lastDeployedAt),
  }));
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
 * The version now holds the work in progress, so the design's draft (db/repository/design-drafts.ts) goes.
 */
export async function saveVersion({
  db: dbArg,
  id,
  design,
  baseVersion,
  message = null,
  createdBy = null,
}: {
  db?: Db;
  id: string;
  design: unknown;
  baseVersion?: number;
  /** What the person saving says about this version (blank means none). */
  message?: string | null;
  createdBy?: string | null;
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
    const said = message?.trim() ? message.trim() : null;
    await tx.insert(designVersions).values({ designId: id, version, design: parsed, message: said, createdBy });
    await tx.delete(designDrafts).where(eq(designDrafts.designId, id));
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
