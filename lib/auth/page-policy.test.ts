/**
 * Every page under app/ (found by walking the directory, so new pages are covered) has a rule in
 * PAGE_POLICY and checks it: it calls requirePageAccess with its own pattern — or, for the
 * public sign-in and setup pages, is listed as public.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { PAGE_POLICY } from './policy';

const appDir = fileURLToPath(new URL('../../app/', import.meta.url));

function pages(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'api' || entry.name.startsWith('_')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pages(path, out);
    else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** app/designs/[id]/page.tsx → /designs/[id]; route groups `(x)` do not count. */
function patternOf(file: string): string {
  const dir = relative(appDir, file).replace(/\\/g, '/').replace(/\/?page\.\w+$/, '');
  const segments = dir.split('/').filter((s) => s !== '' && !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

test('every page has a rule and calls requirePageAccess with its own pattern', () => {
  const found = pages(appDir);
  assert.ok(found.length >= 5, `only ${found.length} pages found`);
  const problems: string[] = [];
  for (const file of found) {
    const pattern = patternOf(file);
    const rule = PAGE_POLICY.find((r) => r.pattern === pattern);
    if (!rule) {
      problems.push(`${pattern}: no rule in PAGE_POLICY (lib/auth/policy.ts)`);
      continue;
    }
    if (rule.access === 'public') continue;
    const source = readFileSync(file, 'utf8');
    if (!source.includes(`requirePageAccess('${pattern}'`)) problems.push(`${pattern}: ${relative(appDir, file)} must start with await requirePageAccess('${pattern}')`);
  }
  assert.deepEqual(problems, []);
});

test('only the sign-in and setup pages are public', () => {
  assert.deepEqual(PAGE_POLICY.filter((r) => r.access === 'public').map((r) => r.pattern).sort(), ['/login', '/setup']);
});
