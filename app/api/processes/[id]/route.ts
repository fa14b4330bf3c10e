import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { processSummary, updateProcess } from '@/lib/approvals/service';
import { deployResponse } from '@/lib/deploy/response';
import { withResultExtras } from '../result-extras';
import { UpdateProcessBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** One process with its spec (the request form is built from its fields) and where its design stands (versions, canvas edits). */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return json({ process: await processSummary(routeParam(id)) });
});

/**
 * Edits the process from the form: a new version of its design, deployed (201 with the
 * deployment and `process`, `version`, `saved`). 400 `process.invalid` with `issues`; 409
 * `process.changed-on-canvas` / `process.changed` (nothing saved) unless `overwrite`; 422 with the
 * deploy stage (the version is saved). Streams progress with `Accept: application/x-ndjson`.
 */
export const PUT = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = routeParam((await params).id);
  const { spec, baseVersion, overwrite } = await readBody(request, UpdateProcessBodySchema);
  let outcome: Omit<Awaited<ReturnType<typeof updateProcess>>, 'deploy'> | undefined;
  const response = await deployResponse(request, async (onProgress) => {
    const { deploy, ...rest } = await updateProcess(id, spec, { baseVersion, overwrite, onProgress });
    outcome = rest;
    return deploy;
  });
  return withResultExtras(response, () => outcome);
});
