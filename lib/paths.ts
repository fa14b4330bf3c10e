/** Where the project and its data live (server-side). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';

/** The directory holding Signalbox's package.json: $SIGNALBOX_PROJECT_ROOT, else found upwards from the working directory. */
export function projectRoot(): string {
  if (process.env.SIGNALBOX_PROJECT_ROOT) return resolve(process.env.SIGNALBOX_PROJECT_ROOT);
  let dir = process.cwd();
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'signalbox') return dir;
      } catch {
        // not ours
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function dataDir(): string {
  return resolve(projectRoot(), process.env.SIGNALBOX_DATA_DIR ?? '.data');
}

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
