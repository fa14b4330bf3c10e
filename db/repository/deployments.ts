import { and, desc, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import { nanoid } from 'nanoid';
import { getDb, type Db } from '../client';
import {
  deployIntents,
  deployments,
  designs,
  type DeploymentRow,
  type StoredFile,
  type StoredReplayCheck,
  type VersioningBehaviorSetting,
  type WorkerStartError,
} from '../schema';

/** A deployment without its bundle text (lists, API responses). */
export type DeploymentSummary = Omit<DeploymentRow, 'bundle'>;

const { bundle: _bundle, ...summaryColumns } = getTableColumns(deployments);

export function newDeploymentId(): string {
  // Lower-case letters and digits only: it becomes part of a task queue name and a directory.
  return nanoid(12).toLowerCase().replace(/[^a-z0-9]/g, 'x');
}

/** A legacy deployment's own task queue (before Worker Versioning; docs/versioning.md, "Migration"). */
export function taskQueueFor(deploymentId: string): string {
  return `signalbox-${deploymentId}`;
}

/** Where a versioned deployment runs: its design's stable queue and its build id (lib/deploy/versioning-names.ts). */
export interface VersionPlacement {
  taskQueue: string;
  buildId: string;
}

export async function createDeployment({
  db: dbArg,
  id = newDeploymentId(),
  designId,
  version,
  workflowType,
  files,
  bundle,
  replay = null,
  placement,
}: {
  db?: Db;
  id?: string;
  designId: string;
  version: number;
  workflowType: string;
  files: StoredFile[];
  bundle: string;
  /** The deploy's replay check, kept for the auto-upgrade switch. */
  replay?: StoredReplayCheck | null;
  /** A Worker Deployment Version's queue and build id; without it, a legacy deployment on its own queue (tests of the migration). */
  placement?: (id: string) => VersionPlacement;
}): Promise<DeploymentRow> {
  const db = dbArg ?? (await getDb());
  const queue = placement ? { versioning: 'versioned' as const, ...placement(id) } : { versioning: 'legacy' as const, taskQueue: taskQueueFor(id), buildId: null };
  const [row] = await db
    .insert(deployments)
    .values({ id, designId, version, workflowType, ...queue, status: 'active', files, bundle, replay })
    .returning();
  return row;
}

/** The versioned deployment with this build id (a Worker Deployment Version of its design), or null. */
export async function deploymentByBuildId({ db: dbArg, buildId }: { db?: Db; buildId: string }): Promise<DeploymentSummary | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select(summaryColumns).from(deployments).where(eq(deployments.buildId, buildId));
  return row ?? null;
}

/** A design's versioning behaviour ('pinned' unless chosen otherwise); null when the design does not exist. */
export async function designVersioningBehavior({ db: dbArg, designId }: { db?: Db; designId: string }): Promise<VersioningBehaviorSetting | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select({ behavior: designs.versioningBehavior }).from(designs).where(eq(designs.id, designId));
  return row?.behavior ?? null;
}

/** Sets a design's versioning behaviour for the versions deployed from now on; false when the design does not exist. */
export async function setDesignVersioningBehavior({
  db: dbArg,
  designId,
  behavior,
}: {
  db?: Db;
  designId: string;
  behavior: VersioningBehaviorSetting;
}): Promise<boolean> {
  const db = dbArg ?? (await getDb());
  const rows = await db.update(designs).set({ versioningBehavior: behavior }).where(eq(designs.id, designId)).returning({ id: designs.id });
  return rows.length > 0;
}

/** Newest first. */
export async function listDeployments({ db: dbArg, designId }: { db?: Db; designId?: string } = {}): Promise<DeploymentSummary[]> {
  const db = dbArg ?? (await getDb());
  return db
    .select(summaryColumns)
    .from(deployments)
    .where(designId ? eq(deployments.designId, designId) : undefined)
    .orderBy(desc(deployments.createdAt), desc(deployments.id));
}

export async function getDeployment({ db: dbArg, id }: { db?: Db; id: string }): Promise<DeploymentRow | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select().from(deployments).where(eq(deployments.id, id));
  return row ?? null;
}

/** The deployment new executions of a design start on: its newest active one. */
export async function latestDeployment({ db: dbArg, designId }: { db?: Db; designId: string }): Promise<DeploymentSummary | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db
    .select(summaryColumns)
    .from(deployments)
    .where(and(eq(deployments.designId, designId), eq(deployments.status, 'active')))
    .orderBy(desc(deployments.createdAt), desc(deployments.id))
    .limit(1);
  return row ?? null;
}

/** The deployments worker hosts run. Without the bundles unless asked (the hosts poll this often). */
export async function activeDeployments(params: { db?: Db; includeBundle: true }): Promise<DeploymentRow[]>;
export async function activeDeployments(params?: { db?: Db; includeBundle?: false }): Promise<DeploymentSummary[]>;
export async function activeDeployments({ db: dbArg, includeBundle = false }: { db?: Db; includeBundle?: boolean } = {}) {
  const db = dbArg ?? (await getDb());
  const query = includeBundle ? db.select().from(deployments) : db.select(summaryColumns).from(deployments);
  return query.where(eq(deployments.status, 'active')).orderBy(deployments.createdAt, deployments.id);
}

export async function setDeploymentStatus({ db: dbArg, id, status }: { db?: Db; id: string; status: DeploymentRow['status'] }): Promise<boolean> {
  const db = dbArg ?? (await getDb());
  const rows = await db.update(deployments).set({ status }).where(eq(deployments.id, id)).returning({ id: deployments.id });
  return rows.length > 0;
}

/** A worker host records why it could not start a deployment's worker (the last failure wins). */
export async function recordWorkerError({ db: dbArg, id, error }: { db?: Db; id: string; error: WorkerStartError }): Promise<void> {
  const db = dbArg ?? (await getDb());
  await db.update(deployments).set({ workerError: error }).where(eq(deployments.id, id));
}

/** Why no worker could be started for a deployment, or null (the deploy polls this while it waits). */
export async function deploymentWorkerError({ db: dbArg, id }: { db?: Db; id: string }): Promise<WorkerStartError | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select({ workerError: deployments.workerError }).from(deployments).where(eq(deployments.id, id));
  return row?.workerError ?? null;
}

/** What a worker host needs of an active deployment on every poll: no files, bundle or reports. */
export type ActiveDeployment = Pick<DeploymentRow, 'id' | 'designId' | 'version' | 'workflowType' | 'taskQueue' | 'versioning' | 'buildId' | 'status' | 'createdAt'>;

const activeColumns = {
  id: deployments.id,
  designId: deployments.designId,
  version: deployments.version,
  workflowType: deployments.workflowType,
  taskQueue: deployments.taskQueue,
  versioning: deployments.versioning,
  buildId: deployments.buildId,
  status: deployments.status,
  createdAt: deployments.createdAt,
};

/** A deploy intent older than this was left by an app process that died mid-deploy: ignored. */
const INTENT_TTL_MS = 60_000;

/**
 * One poll of a worker host: the active deployments (oldest first), and whether a deploy is under way
 * (then the host polls faster until it ends). Two small queries, no stored code.
 */
export async function workerHostPoll({ db: dbArg }: { db?: Db } = {}): Promise<{ deployments: ActiveDeployment[]; deployPending: boolean }> {
  const db = dbArg ?? (await getDb());
  const [rows, intents] = await Promise.all([
    db.select(activeColumns).from(deployments).where(eq(deployments.status, 'active')).orderBy(deployments.createdAt, deployments.id),
    db
      .select({ id: deployIntents.id })
      .from(deployIntents)
      .where(gt(deployIntents.startedAt, sql`now() - make_interval(secs => ${INTENT_TTL_MS / 1000})`))
      .limit(1),
  ]);
  return { deployments: rows, deployPending: intents.length > 0 };
}

/** Announces a deploy under way (see deployIntents); `endDeployIntent` with the same id ends it. */
export async function beginDeployIntent({ db: dbArg, id }: { db?: Db; id: string }): Promise<void> {
  const db = dbArg ?? (await getDb());
  // Old ones left by a crashed process go with the next deploy.
  await db.delete(deployIntents).where(sql`${deployIntents.startedAt} < now() - make_interval(secs => ${INTENT_TTL_MS / 1000})`);
  await db.insert(deployIntents).values({ id }).onConflictDoNothing();
}

export async function endDeployIntent({ db: dbArg, id }: { db?: Db; id: string }): Promise<void> {
  const db = dbArg ?? (await getDb());
  await db.delete(deployIntents).where(eq(deployIntents.id, id));
}

/** The replay check recorded with a deployment, or null (none ran, or an older deployment). */
export async function deploymentReplay({ db: dbArg, id }: { db?: Db; id: string }): Promise<StoredReplayCheck | null> {
  const db = dbArg ?? (await getDb());
  const [row] = await db.select({ replay: deployments.replay }).from(deployments).where(eq(deployments.id, id));
  return row?.replay ?? null;
}
