/**
 * The file-name rule of docs/architecture.md ("File names"), as `eslint .` applies it: kebab-case,
 * PascalCase for components and classes, `useX` hooks, a node kind's files spelled as the kind.
 */
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });

async function nameProblems(path: string): Promise<string[]> {
  const [result] = await eslint.lintText('export const x = 1;\n', { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'unicorn/filename-case').map((m) => m.message);
}

test('a camelCase module name is refused, with the kebab-case name to use', async () => {
  const [message] = await nameProblems('codegen/fieldTypes.ts');
  assert.match(message ?? '', /not in kebab case/);
  assert.match(message ?? '', /field-types\.ts/);
  assert.equal((await nameProblems('lib/designs/nodeCode.test.ts')).length, 1);
});

test('kebab-case modules, PascalCase components, hooks, route parameters and kind files pass', async () => {
  for (const path of [
    'codegen/field-types.ts',
    'components/designer/Palette.tsx',
    'e2e/pages/DesignerPage.ts',
    'components/designer/useCompile.ts',
    'app/api/executions/[workflowId]/route.ts',
    'codegen/steps/childWorkflow.ts',
    'components/steps/signalExternal.tsx',
  ]) {
    assert.deepEqual(await nameProblems(path), [], path);
  }
});

test('only a node kind folder may spell a file in camelCase', async () => {
  assert.equal((await nameProblems('components/flow/childWorkflow.ts')).length, 1);
});
