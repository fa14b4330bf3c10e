import { listDeployments } from '../../../../../db/repository';
import { ApiError, handle, json } from '../../../../../lib/api/errors';
import { readBody } from '../../../../../lib/api/request';
import { deployDesignVersion } from '../../../../../lib/deploy';
import { DeployBodySchema } from '../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Deploys a version (the latest unless given): compile, verify, record. 422 with diagnostics when refused. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { version } = await readBody(request, DeployBodySchema);
  const result = await deployDesignVersion({ designId: id, version });
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    const message =
      result.stage === 'validate'
        ? `The design has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before it can be deployed${first ? `: ${first.message}` : ''}`
        : `The generated code did not pass verification (${result.stage})${first ? `: ${first.message}` : ''}`;
    throw new ApiError(
      422,
      `deploy.${result.stage}`,
      message,
      { ...(first?.nodeId ? { nodeId: first.nodeId } : {}), ...(first?.field ? { field: first.field } : {}) },
      { stage: result.stage, diagnostics: result.diagnostics, timings: result.timings },
    );
  }
  return json({ deployment: result.deployment, timings: result.timings }, 201);
});

export const GET = handle(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return json({ deployments: await listDeployments({ designId: id }) });
});
