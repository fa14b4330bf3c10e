import { listDeployments } from '@/db/repository';
import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Deployments, newest first, without their bundles; `?designId=` narrows to one design. */
export const GET = handle(async (request: Request) => {
  const designId = new URL(request.url).searchParams.get('designId') || undefined;
  return json({ deployments: await listDeployments({ designId }) });
});
