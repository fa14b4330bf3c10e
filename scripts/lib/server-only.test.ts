/**
 * lib/ is split by what runs where (docs/architecture.md, "Server-only modules"): a module the
 * layer rules let components/ import a value from is browser-safe and must not reach
 * `server-only`; every other lib/ module starts with `import 'server-only';`, so that a client
 * component importing it fails `next build`. "Browser-safe" is asked of the lint config itself
 * (BROWSER_SAFE_LIB in eslint.layers.js), so the list and this check cannot drift apart.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ONLY = /^import 'server-only';$/m;

function libModules(dir = join(root, 'lib'), out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) libModules(path, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(relative(root, path));
  }
  return out.sort();
}

/** Whether the layer rules let a component import a value from `module` (e.g. lib/auth/roles.ts). */
async function browserSafe(eslint: ESLint, module: string): Promise<boolean> {
  const specifier = `@/${module.replace(/\.tsx?$/, '')}`;
  const [result] = await eslint.lintText(`import * as probe from '${specifier}';\nexport const p = probe;\n`, { filePath: join(root, 'components/probe/Probe.tsx') });
  return !(result?.messages ?? []).some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports');
}

/** The project files `file` loads at run time (relative and `@/` value imports; `import type` is erased). */
function valueImports(file: string): string[] {
  const source = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const [, clause, specifier] of source.matchAll(/^(?:import|export)(\s+type\b)?[^'";]*?from\s+'((?:\.|@\/)[^']+)'/gm)) {
    if (clause) continue;
    const base = specifier.startsWith('@/') ? join(root, specifier.slice(2)) : resolve(dirname(join(root, file)), specifier);
    const target = ['.ts', '.tsx', '/index.ts', ''].map((ext) => base + ext).find((p) => existsSync(p) && statSync(p).isFile());
    if (target) found.push(relative(root, target));
  }
  return found;
}

/** The modules `start` loads, itself included, following its value imports. */
function closure(start: string): string[] {
  const seen = new Set([start]);
  for (const file of seen) for (const next of valueImports(file)) seen.add(next);
  return [...seen];
}

test('every lib/ module is either browser-safe (and never reaches server-only) or imports server-only first', async () => {
  const eslint = new ESLint({ cwd: root });
  const modules = libModules();
  const safe: string[] = [];
  for (const module of modules) {
    const source = readFileSync(join(root, module), 'utf8');
    if (await browserSafe(eslint, module)) {
      safe.push(module);
      const server = closure(module).filter((file) => SERVER_ONLY.test(readFileSync(join(root, file), 'utf8')));
      assert.deepEqual(server, [], `${module} is browser-safe (BROWSER_SAFE_LIB) but loads server-only modules`);
    } else {
      const firstImport = /^import\b[^\n]*/m.exec(source)?.[0];
      assert.equal(firstImport, "import 'server-only';", `${module} is not browser-safe: its first import must be \`import 'server-only';\` (or add it to BROWSER_SAFE_LIB in eslint.layers.js)`);
    }
  }
  // The split is real: both sides are populated (guards against a probe that accepts or refuses everything).
  assert.ok(safe.includes('lib/auth/roles.ts') && safe.some((m) => m.startsWith('lib/designs/')), `browser-safe: ${safe.join(', ')}`);
  assert.ok(modules.length - safe.length > 40, `${modules.length - safe.length} server-only modules`);
});

test('outside Next.js, `node --import tsx` loads server-only modules (tsconfig paths map server-only to its empty module)', () => {
  // lib/executions/service.ts reaches the database, Temporal and the auth modules: all server-only.
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "await import('./lib/executions/service.ts'); console.log('loaded')"], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /loaded/);
});

test('without that mapping, server-only throws: the marker still fails a client bundle', () => {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', "import 'server-only';"], { cwd: root, encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /cannot be imported from a Client Component module/);
});
