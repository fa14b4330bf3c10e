/**
 * The layer rules of docs/architecture.md, as `eslint .` (the lint phase of `npm test`) applies
 * them: a wrong-way import is refused with a message naming the rule, a right-way one passes.
 * Each case lints one snippet as if it were a file at that path, with the project's own config.
 */
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });
const LAYER_RULE = '@typescript-eslint/no-restricted-imports';

/** The layer-rule messages for `source` placed at `path` (relative to the project root). */
async function layerProblems(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === LAYER_RULE).map((m) => m.message);
}

async function assertRefused(path: string, source: string, rule: string): Promise<void> {
  const problems = await layerProblems(path, source);
  assert.equal(problems.length, 1, `${path}: expected one layer problem, got ${JSON.stringify(problems)}`);
  assert.match(problems[0]!, new RegExp(`docs/architecture\\.md, rule ${rule}\\)`));
}

test('db/ importing lib/ is refused by rule db-below-lib, with the way out', async () => {
  await assertRefused('db/schema.ts', "import type { Role } from '../lib/auth/roles';\nexport type R = Role;\n", 'db-below-lib');
  await assertRefused('db/repository/x.ts', "import { dataDir } from '../../lib/paths';\nexport const d = dataDir;\n", 'db-below-lib');
  const [message] = await layerProblems('db/client.ts', "import { dataDir } from '../lib/paths';\nexport const d = dataDir;\n");
  assert.match(message!, /'\.\.\/lib\/paths' import is restricted/);
  assert.match(message!, /db\/ is below lib\/: .*move the shared piece down into db\//);
});

test('codegen/ is pure: no db/, lib/ or React', async () => {
  await assertRefused('codegen/ir/x.ts', "import { getDb } from '../../db/client';\nexport const g = getDb;\n", 'codegen-pure');
  await assertRefused('codegen/x.ts', "import { useState } from 'react';\nexport const u = useState;\n", 'codegen-pure');
});

test('lib/ imports neither worker/ nor Next.js', async () => {
  await assertRefused('lib/deploy.ts', "import type { VerifyReport } from '../worker/verify-cli';\nexport type V = VerifyReport;\n", 'lib-below-worker');
  await assertRefused('lib/auth/x.ts', "import { redirect } from 'next/navigation';\nexport const r = redirect;\n", 'lib-no-framework');
  await assertRefused('lib/x.ts', "import { THEME } from '../components/theme';\nexport const t = THEME;\n", 'lib-below-ui');
});

test('worker/ imports no app/ route', async () => {
  await assertRefused('worker/x.ts', "import * as route from '../app/api/designs/route';\nexport const r = route;\n", 'worker-below-ui');
});

test('components/ take values only from browser-safe lib/ modules, types from any', async () => {
  await assertRefused('components/x/A.tsx', "import { listExecutions } from '@/lib/executions/list';\nexport const l = listExecutions;\n", 'components-browser-safe');
  await assertRefused('components/x/B.tsx', "import { getDb } from '../../db/client';\nexport const g = getDb;\n", 'components-browser-safe');
  assert.deepEqual(await layerProblems('components/x/C.tsx', "import type { ExecutionRow } from '@/lib/executions/list';\nexport type R = ExecutionRow;\n"), []);
  assert.deepEqual(await layerProblems('components/x/D.tsx', "import { ROLES } from '@/lib/auth/roles';\nimport { parseFragment } from '@/lib/designs/fragment';\nexport const x = [ROLES, parseFragment];\n"), []);
});

test('right-way imports pass, and tests may drive a layer from above', async () => {
  assert.deepEqual(await layerProblems('lib/x.ts', "import { getDb } from '@/db/client';\nimport { compileDesign } from '@/codegen';\nexport const x = [getDb, compileDesign];\n"), []);
  assert.deepEqual(await layerProblems('worker/x.ts', "import { buildsDir } from '@/lib/paths';\nexport const b = buildsDir;\n"), []);
  assert.deepEqual(await layerProblems('db/x.test.ts', "import { stack } from '../testing/stack';\nexport const s = stack;\n"), []);
});

test('product code never imports test support (testing/, codegen/testing/); tests and tools do', async () => {
  await assertRefused('lib/executions/x.ts', "import { eventually } from '../../testing/eventually';\nexport const e = eventually;\n", 'testing-apart');
  await assertRefused('app/api/x/route.ts', "import { call } from '../../../testing/api';\nexport const c = call;\n", 'testing-apart');
  await assertRefused('codegen/ir/x.ts', "import { designs } from '../testing/designs';\nexport const d = designs;\n", 'testing-apart');
  await assertRefused('components/x/E.tsx', "import type { Child } from '../../testing/processes';\nexport type C = Child;\n", 'testing-apart');
  assert.deepEqual(await layerProblems('lib/x.test.ts', "import { eventually } from '../testing/eventually';\nexport const e = eventually;\n"), []);
  assert.deepEqual(await layerProblems('bench/x.ts', "import { startTestStack } from '../testing/stack';\nexport const s = startTestStack;\n"), []);
});

test('across top-level folders through the @/ alias: a climbing relative import is refused', async () => {
  await assertRefused('lib/deploy/x.ts', "import { getDb } from '../../db/client';\nexport const g = getDb;\n", 'alias-across-folders');
  await assertRefused('app/api/x/route.ts', "import { handle } from '../../../lib/api/handle';\nexport const h = handle;\n", 'alias-across-folders');
  const [message] = await layerProblems('worker/x.ts', "import { buildsDir } from '../lib/paths';\nexport const b = buildsDir;\n");
  assert.match(message!, /through the alias: @\/lib/);
  assert.deepEqual(await layerProblems('lib/deploy/x.ts', "import { verify } from '../verifier';\nexport const v = verify;\n"), []);
});

test('outside codegen/, only its entry points: @/codegen, @/codegen/design, @/codegen/export, @/codegen/verify', async () => {
  await assertRefused('lib/x.ts', "import { lowerDesign } from '@/codegen/ir/lower';\nexport const l = lowerDesign;\n", 'codegen-surface');
  await assertRefused('components/x/F.tsx', "import type { Design } from '@/codegen/schema/design';\nexport type D = Design;\n", 'codegen-surface');
  await assertRefused('components/x/G.tsx', "import { compileDesign } from '@/codegen';\nexport const c = compileDesign;\n", 'components-browser-safe');
  assert.deepEqual(await layerProblems('components/x/H.tsx', "import { kindTitle, type Design } from '@/codegen/design';\nimport type { GeneratedFile } from '@/codegen';\nexport const k = kindTitle;\nexport type X = [Design, GeneratedFile];\n"), []);
  assert.deepEqual(await layerProblems('worker/x.ts', "import { typecheckFiles } from '@/codegen/verify';\nimport { exportProject } from '@/codegen/export';\nexport const x = [typecheckFiles, exportProject];\n"), []);
  assert.deepEqual(await layerProblems('codegen/ir/x.ts', "import { STEPS } from '../steps';\nexport const s = STEPS;\n"), []);
});
