import { getVersion } from '@/db/repository';
import { badRequest, json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { intParam } from '@/lib/api/request';
import { diffGeneratedCode } from '@/lib/versions/code-diff';
import { diffDesigns } from '@/lib/designs/diff';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET ?from=2&to=3: what changed from one version to another (steps, edges, inputs…) and the generated code's diff. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const query = new URL(request.url).searchParams;
  const number = (name: 'from' | 'to') => {
    const raw = query.get(name);
    if (raw === null) throw badRequest(`${name} is required: the version number to compare (e.g. ?from=1&to=2)`, 'input.invalid', { field: name });
    return intParam(raw, name);
  };
  const [from, to] = [number('from'), number('to')];
  const [before, after] = await Promise.all([getVersion({ id, version: from }), getVersion({ id, version: to })]);
  const missing = (version: number) => notFound(`Version ${version} of design ${id} not found`, 'version.not-found');
  if (!before) throw missing(from);
  if (!after) throw missing(to);
  const summary = diffDesigns(before.design, after.design);
  const code = await diffGeneratedCode({ version: from, design: before.design }, { version: to, design: after.design });
  return json({ from, to, summary, code });
});
