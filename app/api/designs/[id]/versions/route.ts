import { getDesign } from '@/db/repository';
import { json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { versionListing } from '@/lib/versions/version-history';
import { SaveVersionBodySchema } from '../../schema';
import { saveDesignVersion } from './save';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Makes a version with an optional message: of `design` when given (it must match the schema, not
 * be deployable: work in progress), else of the design's draft. 201 when a version was made, 200
 * with the latest version when the draft held nothing new; 409 on a stale baseVersion.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const body = await readBody(request, SaveVersionBodySchema);
  const saved = await saveDesignVersion(id, body);
  return json(saved, saved.created === false ? 200 : 201);
});

/** The history, newest first: message, author, time, and which versions are deployed and current. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!(await getDesign({ id }))) throw notFound(`Design ${id} not found`, 'design.not-found');
  return json(await versionListing(id));
});
