import { discardDraft, getDesign, saveDraft } from '@/db/repository';
import { json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { DraftBodySchema } from '../../schema';
import { conflictAnswer } from '../versions/save';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Autosave: stores the work in progress without making a version. 409 when a version was saved since `baseVersion`. */
export const PUT = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { design, baseVersion } = await readBody(request, DraftBodySchema);
  try {
    const saved = await saveDraft({ id, design, baseVersion, updatedBy: requirePrincipal().id });
    if (!saved) throw notFound(`Design ${id} not found`, 'design.not-found');
    return json(saved);
  } catch (error) {
    return conflictAnswer(id, error);
  }
});

/** Discards the draft: the design is its latest version again. */
export const DELETE = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const design = await getDesign({ id });
  if (!design) throw notFound(`Design ${id} not found`, 'design.not-found');
  return json({ discarded: await discardDraft({ id }), version: design.latestVersion, design: design.design });
});
