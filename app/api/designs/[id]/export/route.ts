import { zipSync, strToU8 } from 'fflate';
import { exportProject } from '@/codegen/export';
import { getLatestVersion, getVersion } from '@/db/repository';
import { ApiError, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { intParam } from '@/lib/api/request';
import { designTaskQueue } from '@/lib/deploy/versioning-names';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The design as a standalone Temporal project in a zip (the latest version, or ?version=N): one
 * folder named after the workflow, ready for `npm install && npm test`. 422 with the diagnostics
 * when the version does not compile.
 */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const requested = new URL(request.url).searchParams.get('version');
  const version = requested === null ? null : intParam(requested, 'version');
  const row = version === null ? await getLatestVersion({ id }) : await getVersion({ id, version });
  if (!row) {
    throw version === null
      ? notFound(`Design ${id} not found`, 'design.not-found')
      : notFound(`Version ${version} of design ${id} not found`, 'version.not-found');
  }

  const result = await exportProject(row.design, { signalboxTaskQueue: designTaskQueue(id) });
  if (!result.ok || !result.projectName) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    throw new ApiError(
      422,
      'export.invalid-design',
      `Version ${row.version} has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before it can be exported${first ? `: ${first.message}` : ''}`,
      { ...(first?.nodeId ? { nodeId: first.nodeId } : {}), ...(first?.field ? { field: first.field } : {}) },
      { diagnostics: result.diagnostics },
    );
  }

  const folder = result.projectName;
  const zip = zipSync(Object.fromEntries(result.files.map((file) => [`${folder}/${file.path}`, strToU8(file.contents)])), { level: 6 });
  return new Response(zip, {
    status: 200,
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${folder}-v${row.version}.zip"`,
      'content-length': String(zip.byteLength),
      'cache-control': 'no-store',
    },
  });
});
