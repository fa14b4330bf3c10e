import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { SaveVersionBodySchema } from '../../schema';
import { saveDesignVersion } from './save';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Saves a new version; the design must match the schema, not be deployable (work in progress). 409 on a stale baseVersion. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const body = await readBody(request, SaveVersionBodySchema);
  return json(await saveDesignVersion(id, body), 201);
});
