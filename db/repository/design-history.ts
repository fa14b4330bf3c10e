import { desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '../client';
import { designVersions, users } from '../schema';

/** A version as the history lists it: what was said, by whom, when. */
export interface VersionHistoryEntry {
  version: number;
  message: string | null;
  createdBy: string | null;
  /** The author's display name; null when unknown (older versions, API saves without a user). */
  authorName: string | null;
  createdAt: Date;
}

/** Every version of the design, newest first (empty when the design is missing). */
export async function listVersionHistory({ db: dbArg, id }: { db?: Db; id: string }): Promise<VersionHistoryEntry[]> {
  const db = dbArg ?? (await getDb());
  return db
    .select({
      version: designVersions.version,
      message: designVersions.message,
      createdBy: designVersions.createdBy,
      authorName: users.displayName,
      createdAt: designVersions.createdAt,
    })
    .from(designVersions)
    .leftJoin(users, eq(users.id, designVersions.createdBy))
    .where(eq(designVersions.designId, id))
    .orderBy(desc(designVersions.version));
}
