import { createDesign, listDesignsForHome } from '@/db/repository';
import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { DesignBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Every design with what the home page finds and tells apart by: owner, tags, description, what is deployed. */
export const GET = handle(async () => {
  const designs = await listDesignsForHome();
  return json({
    designs: designs.map(({ id, name, latestVersion, updatedAt, createdBy, ownerName, tags, description, deployedVersion, lastDeployedAt }) => ({
      id,
      name,
      latestVersion,
      updatedAt,
      owner: createdBy ? { id: createdBy, displayName: ownerName } : null,
      tags,
      description,
      deployedVersion,
      lastDeployedAt,
    })),
  });
});

export const POST = handle(async (request: Request) => {
  const { design } = await readBody(request, DesignBodySchema);
  return json(await createDesign({ design, createdBy: requirePrincipal().id }), 201);
});
