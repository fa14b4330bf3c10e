import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Database and Temporal reachability: 200 when both answer, 503 (same body) when one does not. */
export const GET = handle(async () => {
  const health = await checkHealth();
  return json(health, health.ok ? 200 : 503);
});
