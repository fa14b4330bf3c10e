import { getDesign, saveVersion, saveVersionFromDraft, VersionConflictError } from '@/db/repository';
import { ApiError, notFound } from '@/lib/api/errors';
import { currentPrincipal } from '@/lib/auth/context';
import type { SaveVersionBody } from '../../schema';

/**
 * Another save came first: a 409 carrying the current version and design, so the client lets the
 * user choose instead of silently overwriting. Any other error is thrown on.
 */
export async function conflictAnswer(id: string, error: unknown): Promise<never> {
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

/**
 * Makes a version: of the given design (answered `{ version }`, as before drafts), or of the
 * design's draft when none is given (with `created`: false when the draft held nothing new).
 * Recorded with the message and who saved (none when called outside a request).
 */
export async function saveDesignVersion(id: string, { design, baseVersion, message }: SaveVersionBody): Promise<{ version: number; created?: boolean }> {
  const createdBy = currentPrincipal()?.id ?? null;
  try {
    if (design === undefined) {
      const fromDraft = await saveVersionFromDraft({ id, message, createdBy });
      if (!fromDraft) throw notFound(`Design ${id} not found`, 'design.not-found');
      return fromDraft;
    }
    const saved = await saveVersion({ id, design, baseVersion, message, createdBy });
    if (!saved) throw notFound(`Design ${id} not found`, 'design.not-found');
    return saved;
  } catch (error) {
    return conflictAnswer(id, error);
  }
}
