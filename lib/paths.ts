/** Where builds live (server-side); the project root and data directory come from db/data-dir.ts. */
import 'server-only';
import { join, relative, isAbsolute } from 'node:path';
import { dataDir, projectRoot } from '@/db/data-dir';

export { dataDir, projectRoot };

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Build directories for deployments. They must be inside the project so that the generated
 * code's `@temporalio/*` imports resolve from its node_modules: $SIGNALBOX_DATA_DIR/builds when
 * the data directory is inside the project, else <project>/.data/builds.
 */
export function buildsDir(): string {
  const root = projectRoot();
  const data = dataDir();
  return isInside(data, root) ? join(data, 'builds') : join(root, '.data', 'builds');
}
