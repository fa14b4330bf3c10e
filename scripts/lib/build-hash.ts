/**
 * What decides whether `npm start` runs `next build` again: a hash of the sources the build reads
 * and of the settings next.config.js reads at build time.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const HASHED_DIRS = ['app', 'codegen', 'templates', 'components', 'lib', 'db', 'public', 'styles'];
const HASHED_FILES = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs', 'postcss.config.js'];
/** Environment variables next.config.js reads (they change what `next build` produces). */
export const BUILD_SETTINGS = ['SIGNALBOX_BROWSER_SOURCE_MAPS'];

async function listFiles(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await listFiles(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

export async function buildSourceHash(root: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<string> {
  const files: string[] = [];
  for (const dir of HASHED_DIRS) await listFiles(join(root, dir), files);
  for (const file of HASHED_FILES) if (existsSync(join(root, file))) files.push(join(root, file));
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(root, file)).update('\0').update(await readFile(file)).update('\0');
  }
  // A build made for profiling (source maps) is not reused by a start without the setting, and vice versa.
  for (const name of BUILD_SETTINGS) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex');
}
