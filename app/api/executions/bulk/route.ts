import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { bulkControl } from '@/lib/executions/bulk';
import { BulkControlBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Cancels or terminates several executions: `{ action: "cancel" | "terminate", workflowIds, reason? }`.
 * Bad input is 400 naming the field before anything happens; then each execution is checked and
 * operated on like the single routes (each success audited under its own path), and the answer
 * lists every outcome: `{ results: [{ workflowId, ok, status?, error? }], succeeded, failed }`.
 */
export const POST = handle(async (request: Request) => {
  const { action, workflowIds, reason } = await readBody(request, BulkControlBodySchema);
  const results = await bulkControl({ principal: requirePrincipal(), action, workflowIds, reason });
  const succeeded = results.filter((r) => r.ok).length;
  return json({ results, succeeded, failed: results.length - succeeded });
});
