/**
 * The exported project's package-lock.json. Resolving one takes npm and the registry (too slow and
 * too fragile at export time), so each dependency set an export can have is resolved once by
 * `npx tsx scripts/export-lockfiles.ts` and kept in templates/export/locks/<key>.json; the export
 * copies it with the project's own name. lockfile.test.ts fails when a design's dependency set has
 * no lock or a lock drifts from the versions pinned in versions.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '../templates-dir';

export interface ExportManifest {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** The name the stored locks are resolved under, replaced by the project's own on export. */
export const LOCK_PLACEHOLDER_NAME = 'signalbox-export';

/** What a lock depends on: the pinned dependencies and dev dependencies, nothing else of package.json. */
export function lockKey(manifest: Pick<ExportManifest, 'dependencies' | 'devDependencies'>): string {
  const identity = JSON.stringify({ dependencies: sorted(manifest.dependencies), devDependencies: sorted(manifest.devDependencies) });
  return createHash('sha256').update(identity).digest('hex').slice(0, 16);
}

export function lockPath(key: string): string {
  return join(templatesDir(), 'export', 'locks', `${key}.json`);
}

/** The stored lock for this manifest's dependency set, under the project's name; throws when there is none. */
export function lockfileFor(manifest: ExportManifest): string {
  const key = lockKey(manifest);
  const path = lockPath(key);
  if (!existsSync(path)) {
    throw new Error(`internal: no package-lock.json for the export dependency set ${key}; run \`npx tsx scripts/export-lockfiles.ts\``);
  }
  const lock = JSON.parse(readFileSync(path, 'utf8')) as { name: string; version: string; packages: Record<string, Record<string, unknown>> };
  lock.name = manifest.name;
  lock.version = manifest.version;
  lock.packages[''] = { ...lock.packages[''], name: manifest.name, version: manifest.version };
  return `${JSON.stringify(lock, null, 2)}\n`;
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
