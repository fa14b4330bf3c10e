import { compileDesign } from '../../../codegen/pipeline';
import { handle, json } from '../../../lib/api/errors';
import { readBody } from '../../../lib/api/request';
import { CompileBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The live code view: diagnostics and generated files for a design as drawn (nothing is stored). */
export const POST = handle(async (request: Request) => {
  const { design } = await readBody(request, CompileBodySchema);
  const { ok, diagnostics, files, workflowType } = await compileDesign(design);
  return json({ ok, diagnostics, files, workflowType });
});
