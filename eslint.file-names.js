// How files are named (docs/architecture.md, "File names"), enforced by the lint phase of `npm test`
// and folders with unicorn's filename-case: kebab-case; PascalCase for a React component, a class (e2e page
// objects) and their tests; `useX` for a React hook. A node kind's own files keep the kind's spelling
// from the design format (codegen/steps/childWorkflow.ts for `"type": "childWorkflow"`), so a kind
// is found by the name it has in a design.
import unicorn from 'eslint-plugin-unicorn';

const KIND_FOLDERS = ['codegen/steps/**', 'codegen/messages/**', 'components/steps/**'];
const HOOK = '^use[A-Z]';
// A Next.js dynamic segment is named as its parameter (`params.workflowId`).
const ROUTE_PARAMETER = '^\\[.+\\]$';

export const fileNameRules = [
  {
    files: ['**/*.{ts,tsx,mts,mjs,js,cjs}'],
    ignores: KIND_FOLDERS,
    plugins: { unicorn },
    rules: { 'unicorn/filename-case': ['error', { cases: { kebabCase: true, pascalCase: true }, ignore: [HOOK, ROUTE_PARAMETER] }] },
  },
  {
    files: KIND_FOLDERS.map((folder) => `${folder}/*.{ts,tsx}`),
    plugins: { unicorn },
    rules: { 'unicorn/filename-case': ['error', { cases: { kebabCase: true, camelCase: true } }] },
  },
];
