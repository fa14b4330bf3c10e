// The layer rules of docs/architecture.md, enforced by the lint phase of `npm test` (`eslint .`):
// one flat-config block per layer, each naming what that layer must not import and which rule of
// the document says so. typescript-eslint's no-restricted-imports (ESLint's own rule plus
// `allowTypeImports`) matches the import text. Across top-level folders code imports through the
// `@/` alias (tsconfig paths), so a pattern is "@/ then the folder"; a relative import that climbs
// into another top-level folder is refused (rule alias-across-folders), which also keeps the layer
// patterns exact (no nested folder here is called lib/, db/, worker/, app/ or components/). Test files are left out: they drive a layer from outside (an
// int test may go through app/ routes, a benchmark design or scripts/lib's Temporal server).
// The check itself is tested by scripts/lib/layers.test.ts.

const RULE = '@typescript-eslint/no-restricted-imports';
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const TOOLS = ['scripts', 'bench', 'e2e', 'cli'];

/** An import of one of `folders` (through the alias, or a relative path that climbs into it). */
const into = (folders) => `^(@/|(\\.\\./)+)(${folders.join('|')})(/|$)`;
/** What code outside codegen/ may import of it: its declared entry points (codegen/index.ts, design.ts, export/, verify/). */
const CODEGEN_DEEP = '^@/codegen/(?!(design|export|verify)$)';
const FRAMEWORK = '^(react|react-dom|next)(/|$)';
/** Test support: the top-level testing/ folder, or a layer's own (codegen/testing/), from any depth. */
const TEST_SUPPORT = '^((\\.\\.?/)+|@/(codegen/)?)testing(/|$)';

/** The lib/ modules that client components may import values from: pure, no server code. */
const BROWSER_SAFE_LIB = ['designs/', 'theme-script$', 'auth/roles$', 'auth/policy$', 'auth/limits$', 'approvals/spec$', 'approvals/templates$', 'executions/history-row$', 'calendar-date$'];

const why = (text, rule) => `${text} (docs/architecture.md, rule ${rule})`;

/**
 * `forbidden`: [regex, message, options] triples for the files of one layer. Every layer is also
 * product code, which never imports test support (one block per file set: a later block's options
 * for the same rule would replace these, not add to them).
 */
function layer(files, forbidden, mayImport) {
  const testSupport = [TEST_SUPPORT, why('product code never imports test support (testing/, codegen/testing/): move what it needs into the layer, or the caller into a test', 'testing-apart')];
  // Only the folders it may import: a forbidden one is already refused by its layer rule.
  const relativeAcross = [
    `^(\\.\\./)+(${mayImport.join('|')})(/|$)`,
    why('import another top-level folder through the alias: @/lib/…, @/codegen, not ../../lib/…', 'alias-across-folders'),
  ];
  const codegenSurface = [
    CODEGEN_DEEP,
    why("outside codegen/, import its entry points: @/codegen (the compiler), @/codegen/design (the design model, browser-safe), @/codegen/export, @/codegen/verify", 'codegen-surface'),
  ];
  const rules = [...forbidden, ...(mayImport.length ? [relativeAcross] : []), ...(files.includes('codegen/**') ? [] : [codegenSurface])];
  return {
    files,
    ignores: TESTS,
    rules: {
      [RULE]: ['error', { patterns: [...rules, testSupport].map(([regex, message, options]) => ({ regex, message, ...options })) }],
    },
  };
}

export const layerRules = [
  layer(['codegen/**'], [
    [into(['lib', 'db', 'worker', 'components', 'app', ...TOOLS]), why('codegen/ is the pure bottom layer: it imports nothing above it; move the piece down into codegen/', 'codegen-pure')],
    [FRAMEWORK, why('codegen/ is the pure bottom layer: no React or Next.js', 'codegen-pure')],
  ], []),
  layer(['db/**'], [
    [into(['lib', 'worker', 'components', 'app', ...TOOLS]), why('db/ is below lib/: it imports only codegen/ and db/; move the shared piece down into db/ and re-export it from lib/', 'db-below-lib')],
    [FRAMEWORK, why('db/ is below lib/: no React or Next.js', 'db-below-lib')],
  ], ['codegen']),
  layer(['lib/**'], [
    [into(['worker']), why('lib/ is below worker/: move the shared type or helper into lib/ and import it from both', 'lib-below-worker')],
    [into(['components', 'app', ...TOOLS]), why('lib/ is below components/, app/ and the tools: move the shared piece down into lib/', 'lib-below-ui')],
    [FRAMEWORK, why('lib/ is framework-free: code that needs Next.js or React lives in app/ (or components/)', 'lib-no-framework')],
  ], ['codegen', 'db']),
  layer(['worker/**'], [
    [into(['components', 'app', ...TOOLS]), why('worker/ runs outside Next.js and is below app/: move the shared piece down into lib/', 'worker-below-ui')],
    [FRAMEWORK, why('worker/ runs outside Next.js: no React or Next.js', 'worker-below-ui')],
  ], ['codegen', 'db', 'lib']),
  layer(['components/**'], [
    [into(['db', 'worker']), why('components/ run in the browser: no db/ or worker/; go through the HTTP API', 'components-browser-safe')],
    [
      `^(@/|(\\.\\./)+)lib/(?!(${BROWSER_SAFE_LIB.join('|')}))`,
      why(`components/ run in the browser: values only from browser-safe lib/ modules (lib/${BROWSER_SAFE_LIB.map((m) => m.replace('$', '')).join(', lib/')}); a server module's types with \`import type\``, 'components-browser-safe'),
      { allowTypeImports: true },
    ],
    [
      '^@/codegen$',
      why('components/ run in the browser: the compiler (@/codegen) is server code; values from @/codegen/design, its types with `import type`', 'components-browser-safe'),
      { allowTypeImports: true },
    ],
    [into(['app', ...TOOLS]), why('components/ are below app/ and the tools', 'components-below-app')],
  ], ['codegen', 'lib']),
  // app/ is on top: it may import every layer, through the alias and the codegen entry points.
  layer(['app/**', 'proxy.ts', 'instrumentation.ts'], [], ['codegen', 'db', 'lib', 'worker', 'components']),
];
