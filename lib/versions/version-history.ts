import 'server-only';
import { listDeployments, listVersionHistory } from '@/db/repository';
import { currentBuildId } from '@/lib/deploy/version-rollout';

/** A version as the history dialog shows it (GET /api/designs/{id}/versions). */
export interface VersionListing {
  version: number;
  message: string | null;
  author: { id: string; displayName: string | null } | null;
  createdAt: Date;
  /** Workers run it: it has an active deployment. */
  deployed: boolean;
  /** New executions start on it: the design's current Worker Deployment Version (or its newest legacy deployment). */
  current: boolean;
}

/**
 * Which version is current asks Temporal (the Worker Deployment's routing), only when some active
 * deployment is versioned; when Temporal does not answer, `currentKnown` is false and no version is
 * marked current, while the rest of the history still lists.
 */
export async function versionListing(designId: string): Promise<{ versions: VersionListing[]; currentKnown: boolean }> {
  const [history, deployments] = await Promise.all([listVersionHistory({ id: designId }), listDeployments({ designId })]);
  const active = deployments.filter((d) => d.status === 'active');
  let currentVersion: number | null = null;
  let currentKnown = true;
  if (active.some((d) => d.versioning === 'versioned')) {
    try {
      const buildId = await currentBuildId(designId);
      currentVersion = active.find((d) => d.buildId !== null && d.buildId === buildId)?.version ?? null;
    } catch {
      currentKnown = false;
    }
  } else {
    // Legacy deployments: the newest active one takes new executions (listDeployments is newest first).
    currentVersion = active[0]?.version ?? null;
  }
  const deployed = new Set(active.map((d) => d.version));
  return {
    currentKnown,
    versions: history.map((v) => ({
      version: v.version,
      message: v.message,
      author: v.createdBy ? { id: v.createdBy, displayName: v.authorName } : null,
      createdAt: v.createdAt,
      deployed: deployed.has(v.version),
      current: v.version === currentVersion,
    })),
  };
}
