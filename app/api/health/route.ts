import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Database, Temporal and worker hosts (lib/health.ts): 200 when the database and Temporal answer, 503 (same body) when one does not. */
export const GET = handle(async () => {
  const health = await checkHealth();
  return json(health, health.ok ? 200 : 503);
});
