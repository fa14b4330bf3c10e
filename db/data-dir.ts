/**
 * Where the project and its data live (server-side). Here rather than in lib/ because the
 * database client opens its files under the data directory and db/ is below lib/
 * (docs/architecture.md); lib/paths.ts re-exports both and adds the build directories.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
