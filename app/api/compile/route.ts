import { compileDesign } from '../../../codegen/pipeline';
import { handle, json } from '../../../lib/api/errors';
import { readBody } from '../../../lib/api/request';
import { CompileBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Not sent to anyone: the client gave up on the request (nginx's "client closed request"). */
const CLIENT_CLOSED_REQUEST = 499;

/** The live code view: diagnostics and generated files for a design as drawn (nothing is stored). */
export const POST = handle(async (request: Request) => {
  const { design } = await readBody(request, CompileBodySchema);
  // The designer aborts the request of an edit that a newer one superseded; under fast typing such
  // requests can wait here behind a compile in progress. Compiling them would only delay the newest.
  if (request.signal.aborted) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
  // The code view sends the edits of this design next: split its code into the format cache now.
  const { ok, diagnostics, files, workflowType } = await compileDesign(design, { editsFollow: true });
  return json({ ok, diagnostics, files, workflowType });
});
