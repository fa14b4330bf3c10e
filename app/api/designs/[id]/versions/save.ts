import { getDesign, saveVersion, VersionConflictError } from '@/db/repository';
import { ApiError, notFound } from '@/lib/api/errors';
import type { SaveVersionBody } from '../../schema';

/**
 * Saves a new version. With `baseVersion`, another save that came first is a 409 carrying the
 * current version and design, so the client lets the user choose instead of silently overwriting.
 */
export async function saveDesignVersion(id: string, { design, baseVersion }: SaveVersionBody): Promise<{ version: number }> {
  try {
    const saved = await saveVersion({ id, design, baseVersion });
    if (!saved) throw notFound(`Design ${id} not found`, 'design.not-found');
    return saved;
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const current = await getDesign({ id });
    throw new ApiError(
      409,
      error.code,
      `${error.message}. Reload to see the other changes, or save yours as a new version over them.`,
      { baseVersion: error.baseVersion, currentVersion: error.currentVersion },
      { current: current ? { version: current.latestVersion, design: current.design } : null },
    );
  }
}
