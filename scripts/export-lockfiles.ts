/**
 * Resolves the package-lock.json of every dependency set an exported project can have (one per
 * distinct set among the golden and example designs) with `npm install --package-lock-only`, into
 * templates/export/locks/<key>.json. Run after changing codegen/export/versions.ts:
 *   npx tsx scripts/export-lockfiles.ts
 * Needs the npm registry; the export itself never does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { exportDesignFiles } from '../codegen/export/design-files';
import { LOCK_PLACEHOLDER_NAME, lockKey, lockPath } from '../codegen/export/lockfile';
import { exportManifest } from '../codegen/export/index';

const force = process.argv.includes('--force');
const seen = new Set<string>();
let skipped = 0;
for (const file of exportDesignFiles()) {
  const manifest = await exportManifest(JSON.parse(readFileSync(file, 'utf8'))).catch((error: unknown) => {
    console.warn(`skipped ${file}: ${String(error).slice(0, 200)}`);
    skipped += 1;
    return null;
  });
  if (!manifest) continue;
  const key = lockKey(manifest);
  if (seen.has(key)) continue;
  seen.add(key);
  const target = lockPath(key);
  if (existsSync(target) && !force) continue;
  const dir = mkdtempSync(join(tmpdir(), 'export-lock-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, name: LOCK_PLACEHOLDER_NAME, version: '0.1.0' }, null, 2));
    execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(join(dir, 'package-lock.json')));
    console.log(`${key}: ${Object.keys(manifest.dependencies).join(', ')} (from ${file})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
// Locks no design needs any more are removed, so the folder holds exactly the sets in use (only
// when every design compiled: a skipped one may need a lock that looks unused).
if (skipped === 0) for (const name of readdirSync(join(dirname(lockPath('x')))))
  if (!seen.has(name.replace(/\.json$/, ''))) rmSync(join(dirname(lockPath('x')), name));
