import type { DeploymentVersionView, DesignVersioningView } from '@/lib/deploy/versioning-view';

/**
 * Which buttons a deployment's row offers on the design page (components/execution/DeploymentsList.tsx),
 * decided from the versioning answer alone: promote a newer version, roll back to an older one (both
 * set the current version), ramp one that is neither current nor ramping, stop the ramp of the
 * ramping one; a legacy deployment (before Worker Versioning) can only be redeployed.
 */
export type VersionAction = 'promote' | 'rollback' | 'ramp' | 'stop-ramp' | 'redeploy';

export function versionActions(row: DeploymentVersionView, view: Pick<DesignVersioningView, 'deployments' | 'currentBuildId'>): VersionAction[] {
  if (row.status === 'legacy') return ['redeploy'];
  if (row.status === 'current') return [];
  const current = view.deployments.find((d) => d.buildId !== null && d.buildId === view.currentBuildId);
  // Newer than the current one (or nothing current yet) is a promotion; older is a rollback.
  const setCurrent: VersionAction = current && row.createdAt < current.createdAt ? 'rollback' : 'promote';
  if (row.status === 'ramping') return [setCurrent, 'stop-ramp'];
  return current ? [setCurrent, 'ramp'] : [setCurrent];
}

/** A ramp percentage typed by the user: a whole number from 1 to 99, or the reason it is not. */
export function parseRampPercentage(text: string): { percentage: number } | { error: string } {
  const trimmed = text.trim().replace(/\s*%$/, '');
  if (!/^\d+$/.test(trimmed)) return { error: 'The ramp percentage must be a whole number from 1 to 99.' };
  const percentage = Number(trimmed);
  if (percentage < 1 || percentage > 99) return { error: 'The ramp percentage must be from 1 to 99 (100 % is Promote).' };
  return { percentage };
}

/**
 * How a deployment is named on the page: its design version, and when that version was deployed
 * more than once (a redeploy, a template change), which deploy of it — "v3 (deploy 2)" — so that
 * two rows never read the same.
 */
export function versionLabel(row: Pick<DeploymentVersionView, 'deploymentId' | 'version' | 'createdAt'>, deployments: readonly DeploymentVersionView[]): string {
  const same = deployments.filter((d) => d.version === row.version).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.deploymentId.localeCompare(b.deploymentId));
  if (same.length < 2) return `v${row.version}`;
  return `v${row.version} (deploy ${same.findIndex((d) => d.deploymentId === row.deploymentId) + 1})`;
}
