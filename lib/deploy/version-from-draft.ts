import 'server-only';
import { saveVersionFromDraft, VersionConflictError } from '@/db/repository';
import { ApiError } from '@/lib/api/errors';
import { currentPrincipal } from '@/lib/auth/context';

/** What a version made by Deploy says in the history. */
export const DEPLOY_VERSION_MESSAGE = 'Saved by Deploy';

/**
 * Deploying the latest version deploys the designer's work in progress: a draft that differs from
 * the latest version becomes a version first (by whoever deploys). A draft over a version saved
 * elsewhere since is refused (409) before anything is built.
 */
export async function versionTheDraft(designId: string): Promise<void> {
  try {
    await saveVersionFromDraft({ id: designId, message: DEPLOY_VERSION_MESSAGE, createdBy: currentPrincipal()?.id });
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    throw new ApiError(409, error.code, `${error.message}: reload the design, then deploy`, { baseVersion: error.baseVersion, currentVersion: error.currentVersion });
  }
}
