import { compileDesign } from '@/codegen';
import type { Design } from '@/codegen/design';
import { ApiError, badRequest, json } from '@/lib/api/errors';
import { CLIENT_CLOSED_REQUEST, handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { compileSessions } from '@/lib/compile-sessions';
import { applyPatch, PatchError, type DesignPatch } from '@/lib/designs/patch';
import { CompileBodySchema, type CompileBody } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The live code view: diagnostics and generated files for a design as drawn (nothing is stored
 * but the design itself, in memory, so the same editor's next request can send only its change).
 */
export const POST = handle(async (request: Request) => {
  const started = performance.now();
  const body = await readBody(request, CompileBodySchema);
  // A chunked body has no length: then the JSON is measured (rare; browsers send the length).
  const declared = Number(request.headers.get('content-length') ?? 0);
  const { design, bytes } = designOf(body, declared > 0 ? declared : JSON.stringify(body).length);
  const read = performance.now();
  // The designer aborts the request of an edit that a newer one superseded; under fast typing such
  // requests can wait here behind a compile in progress. Compiling them would only delay the newest.
  if (request.signal.aborted) return new Response(null, { status: CLIENT_CLOSED_REQUEST });
  // The code view sends the edits of this design next: split its code into the format cache now.
  const { ok, diagnostics, files, workflowType, design: parsed } = await compileDesign(design, { editsFollow: true });
  // A design that does not parse is not a base for changes: the editor's next request sends it whole.
  const kept = body.editor !== undefined && body.seq !== undefined && parsed !== null;
  if (kept) compileSessions.put(requirePrincipal().id, body.editor!, body.seq!, design as Design, bytes);
  const compiled = performance.now();
  const response = json({ ok, diagnostics, files, workflowType, ...(kept ? { kept } : {}) });
  // Where a keystroke's time goes on the server (bench/designer.ts reads it): the browser's developer tools show it too.
  response.headers.append('server-timing', `read;dur=${(read - started).toFixed(1)}, compile;dur=${(compiled - read).toFixed(1)}, answer;dur=${(performance.now() - compiled).toFixed(1)}`);
  return response;
});

/** The design to compile, and what keeping it costs (bytes of JSON: a change counts its base's size too). */
function designOf(body: CompileBody, bodyBytes: number): { design: unknown; bytes: number } {
  if (!('patch' in body)) return { design: body.design, bytes: bodyBytes };
  const base = compileSessions.get(requirePrincipal().id, body.editor, body.base);
  if (!base) {
    throw new ApiError(409, 'compile.base-unknown', `The design request ${body.base} of this editor is no longer on the server (it restarted, or another server answered): send the whole design`);
  }
  try {
    return { design: applyPatch(base.design, body.patch as DesignPatch), bytes: base.bytes + bodyBytes };
  } catch (error) {
    if (error instanceof PatchError) throw badRequest(error.message, 'compile.bad-patch', { field: 'patch.nodeIds' });
    throw error;
  }
}
