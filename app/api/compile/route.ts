import { compileDesign } from '../../../codegen/pipeline';
import { CLIENT_CLOSED_REQUEST, handle, json } from '../../../lib/api/errors';
import { readBody } from '../../../lib/api/request';
import { CompileBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The live code view: diagnostics and generated files for a design as drawn (nothing is stored). */
export const POST = handle(async (request: Request) => {
  const started = performance.now();
  const { design } = await readBody(request, CompileBodySchema);
  const read = performance.now();
  // The designer aborts the request of an edit that a newer one superseded; under fast typing such
  // requests can wait here behind a compile in progress. Compiling them would only delay the newest.
  if (request.signal.aborted) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
  // The code view sends the edits of this design next: split its code into the format cache now.
  const { ok, diagnostics, files, workflowType } = await compileDesign(design, { editsFollow: true });
  const compiled = performance.now();
  const response = json({ ok, diagnostics, files, workflowType });
  // Where a keystroke's time goes on the server (bench/designer.ts reads it): the browser's developer tools show it too.
  response.headers.append('server-timing', `read;dur=${(read - started).toFixed(1)}, compile;dur=${(compiled - read).toFixed(1)}, answer;dur=${(performance.now() - compiled).toFixed(1)}`);
  return response;
});
