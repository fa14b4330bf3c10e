// ESLint flat config: typescript-eslint's recommended rules (syntax-only, not type-aware — tsc
// runs separately in `npm test`), the core React hooks rules for .tsx, and Node globals for
// plain .js/.mjs files; then the layer rules of docs/architecture.md (eslint.layers.js) and the
// file-name rule (eslint.file-names.js).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { fileNameRules } from './eslint.file-names.js';
import { layerRules } from './eslint.layers.js';

const nodeGlobals = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'fetch', 'AbortController', 'AbortSignal',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
    'queueMicrotask', 'structuredClone', 'TextEncoder', 'TextDecoder', 'globalThis',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '.data*/**',
      'test-results/**',
      'playwright-report/**',
      'blob-report/**',
      'codegen/__golden__/**',
      'e2e/.output/**',
      'next-env.d.ts',
      'out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly' } },
  },
  {
    rules: {
      // Escaping control characters is normal in a code generator / terminal output.
      'no-control-regex': 'off',
      // Re-throwing with a friendlier message that already quotes the original is fine here.
      'preserve-caught-error': 'off',
      // `_`-prefixed names are deliberately unused (e.g. ignored parameters, rest omission).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  ...layerRules,
  ...fileNameRules,
);
