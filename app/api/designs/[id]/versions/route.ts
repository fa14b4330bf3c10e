import { saveVersion } from '../../../../../db/repository';
import { handle, json, notFound } from '../../../../../lib/api/errors';
import { readBody } from '../../../../../lib/api/request';
import { DesignBodySchema } from '../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Saves a new version; the design must match the schema, not be deployable (work in progress). */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { design } = await readBody(request, DesignBodySchema);
  const saved = await saveVersion({ id, design });
  if (!saved) throw notFound(`Design ${id} not found`, 'design.not-found');
  return json(saved, 201);
});
