import { createDesign, listDesigns } from '@/db/repository';
import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { DesignBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle(async () => {
  const designs = await listDesigns();
  return json({ designs: designs.map(({ id, name, latestVersion, updatedAt }) => ({ id, name, latestVersion, updatedAt })) });
});

export const POST = handle(async (request: Request) => {
  const { design } = await readBody(request, DesignBodySchema);
  return json(await createDesign({ design }), 201);
});
