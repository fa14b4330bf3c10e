import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { requirePrincipal } from '@/lib/auth/context';
import { deployResponse } from '@/lib/deploy/response';
import { createProcess, processSummaries } from '@/lib/approvals/service';
import { withResultExtras } from './result-extras';
import { CreateProcessBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The approval processes, newest first, with whether each is deployed (anyone signed in: requesters pick one). */
export const GET = handle(async () => json({ processes: await processSummaries() }));

/**
 * Creates a process from the form's spec: the generated design is saved and deployed in one go.
 * 400 `process.invalid` with `issues` (path + message per form field) when the spec is wrong;
 * else the deploy's answer (201 with the deployment, 422 with its stage), plus `process` — also
 * as the last line of the progress stream when the client accepts application/x-ndjson.
 * A repeated `idempotencyKey` (the form's submission) answers the first create's result: one process.
 */
export const POST = handle(async (request: Request) => {
  const { spec, idempotencyKey } = await readBody(request, CreateProcessBodySchema);
  const principal = requirePrincipal();
  let created: Awaited<ReturnType<typeof createProcess>>['process'] | undefined;
  const response = await deployResponse(request, async (onProgress) => {
    const { process, deploy } = await createProcess(spec, principal, onProgress, { idempotencyKey });
    created = process;
    return deploy;
  });
  return withResultExtras(response, () => (created ? { process: created } : undefined));
});
