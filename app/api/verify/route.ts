import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { checkDesign } from '@/lib/deploy/verify-design';
import { VerifyBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Verifies a design as drawn the way a deploy would (type-check with its custom activities' code,
 * bundle) without storing or starting anything: { ok, stage, diagnostics }.
 */
export const POST = handle(async (request: Request) => {
  const { design } = await readBody(request, VerifyBodySchema);
  return json(await checkDesign(design));
});
