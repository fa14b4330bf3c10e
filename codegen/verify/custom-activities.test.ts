import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Diagnostic } from '../diagnostics';
import { compileDesign } from '../pipeline';
import type { Design } from '../schema/design';
import { writeBuild, type Build } from '../testing/build';
import { goldenDesign } from '../testing/fixtures';
import { typecheckFiles } from './typecheck';

/**
 * The verifier holds a designer's activity code to the signature the design declares, and reports
 * what is wrong on the activity, at the line and column inside the designer's own source.
 */
const builds: Build[] = [];
after(() => builds.forEach((b) => b.remove()));

const GOOD = goldenDesign('custom-activity').activities!.find((a) => a.name === 'computeDiscount')!.source;

async function verifyWithSource(source: string): Promise<Diagnostic[]> {
  const design: Design = goldenDesign('custom-activity');
  design.activities!.find((a) => a.name === 'computeDiscount')!.source = source;
  const build = await writeBuild(design);
  builds.push(build);
  return typecheckFiles({ dir: build.dir, files: ['workflows.ts', 'shared.ts', 'activities.ts'] });
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics, null, 1));
  return diagnostics[0]!;
}

test("the user's source goes verbatim into its own file, and generated code never contains it", async () => {
  const result = await compileDesign(goldenDesign('custom-activity'));
  assert.ok(result.ok);
  const file = result.files.find((f) => f.path === 'activities/computeDiscount.ts');
  assert.equal(file?.contents, GOOD);
  for (const generated of result.files.filter((f) => !f.path.startsWith('activities/'))) {
    assert.ok(!generated.contents.includes('Math.min(loyaltyYears'), `${generated.path} contains user code`);
  }
  const activities = result.files.find((f) => f.path === 'activities.ts')!.contents;
  assert.match(activities, /export const computeDiscount: \(input: ComputeDiscountInput\) => Promise<Money> =\s+computeDiscountImplementation;/);
  assert.match(result.files.find((f) => f.path === 'workflows.ts')!.contents, /discount = await computeDiscount\(\{ total: input\.total, loyaltyYears: input\.loyaltyYears \}\);/);
});

test('a body that matches its declared signature type-checks with the generated code', async () => {
  assert.deepEqual(await verifyWithSource(GOOD), []);
});

test('a wrong return type is refused on the activity, at its function', async () => {
  const d = only(await verifyWithSource(GOOD.replace('Promise<string>', 'Promise<number>').replace('.toFixed(2)', '')));
  assert.equal(d.code, 'activity.signature');
  assert.deepEqual([d.activity, d.field], ['computeDiscount', 'source']);
  assert.match(d.message, /^Custom activity "computeDiscount", line 2, column 23: computeDiscount does not match the signature the design declares/);
});

test('a type error inside the body is reported at its line and column', async () => {
  const d = only(await verifyWithSource(GOOD.replace('loyaltyYears * 0.02', 'loyaltyYears.toUpperCase() * 0.02')));
  assert.equal(d.code, 'activity.typecheck');
  assert.match(d.message, /^Custom activity "computeDiscount", line 3, column 38: Property 'toUpperCase' does not exist on type 'number'/);
  assert.equal(GOOD.replace('loyaltyYears * 0.02', 'loyaltyYears.toUpperCase() * 0.02').slice(d.range!.start, d.range!.end), 'toUpperCase');
});

test('a syntax error is reported where it is', async () => {
  const diagnostics = await verifyWithSource(GOOD.replace('const rate =', 'const rate ='.replace('=', '= = ')));
  assert.ok(diagnostics.length > 0);
  assert.ok(diagnostics.every((d) => d.activity === 'computeDiscount'), JSON.stringify(diagnostics));
  assert.match(diagnostics[0]!.message, /line 3, column \d+: Expression expected/);
});

test('imports outside the allow-list are refused, Node built-ins and @temporalio/activity are fine', async () => {
  const source = `import { readFile } from 'node:fs/promises';\nimport { Context } from '@temporalio/activity';\nimport left from 'left-pad';\n${GOOD}`;
  const diagnostics = await verifyWithSource(source);
  const d = diagnostics.find((x) => x.code === 'activity.import');
  assert.ok(d, JSON.stringify(diagnostics));
  assert.match(d.message, /line 3, column 18: "left-pad" cannot be imported: custom activities run in the worker host/);
  assert.equal(diagnostics.filter((x) => x.code === 'activity.import').length, 1);
  const dynamic = await verifyWithSource(`${GOOD}\nexport const sneaky = () => import('../workflows');\n`);
  assert.ok(dynamic.some((x) => x.code === 'activity.import' && x.message.includes('"../workflows"')), JSON.stringify(dynamic));
});

test('a file that does not export the declared function is told so', async () => {
  const d = only(await verifyWithSource(GOOD.replace('export async function computeDiscount', 'export async function computeRebate')));
  assert.equal(d.code, 'activity.signature');
  assert.match(d.message, /the file must export a function named computeDiscount/);
});

test('an activity without parameters, and one taking and returning lists of records, type-check as declared', async () => {
  const design: Design = goldenDesign('custom-activity');
  design.variables.push(
    { name: 'stamp', type: 'string', initial: '""' },
    { name: 'lines', type: 'list', items: 'object', itemFields: [{ name: 'sku', type: 'string' }, { name: 'price', type: 'money' }], initial: '[]' },
  );
  design.activities!.push(
    { name: 'now', parameters: [], result: { type: 'string' }, source: "export async function now(): Promise<string> {\n  return new Date().toISOString();\n}\n" },
    {
      name: 'cheapest',
      parameters: [{ name: 'items', type: 'list', items: 'object', itemFields: [{ name: 'sku', type: 'string' }, { name: 'price', type: 'money' }] }],
      result: { type: 'list', items: 'object', itemFields: [{ name: 'sku', type: 'string' }, { name: 'price', type: 'money' }] },
      source: 'export async function cheapest({ items }: { items: { sku: string; price: string }[] }): Promise<{ sku: string; price: string }[]> {\n  return [...items].sort((a, b) => Number(a.price) - Number(b.price)).slice(0, 1);\n}\n',
    },
  );
  design.nodes.push(
    { id: 'stamp', type: 'activity', label: 'Stamp', activity: 'now', args: {}, resultVariable: 'stamp', position: { x: 200, y: 0 } },
    { id: 'pick', type: 'activity', label: 'Pick', activity: 'cheapest', args: { items: 'lines' }, resultVariable: 'lines', position: { x: 200, y: 100 } },
  );
  const end = design.edges.find((e) => e.target === 'end')!;
  design.edges.push({ id: 'e-stamp', source: 'stamp', target: 'pick' }, { id: 'e-pick', source: 'pick', target: 'end' });
  end.target = 'stamp';
  const result = await compileDesign(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const workflow = result.files.find((f) => f.path === 'workflows.ts')!.contents;
  assert.match(workflow, /stamp = await now\(\);/);
  assert.match(workflow, /lines = await cheapest\(\{ items: lines \}\);/);
  const build = await writeBuild(design);
  builds.push(build);
  assert.deepEqual(typecheckFiles({ dir: build.dir, files: ['workflows.ts', 'shared.ts', 'activities.ts'] }), []);
});

test("the source a new activity starts with type-checks against its declared signature", async () => {
  const { customActivityTemplate } = await import('../activities');
  const design: Design = goldenDesign('custom-activity');
  const shape = { name: 'fresh', parameters: [{ name: 'total', type: 'money' as const }, { name: 'tags', type: 'list' as const, items: 'string' as const }], result: { type: 'boolean' as const } };
  design.activities!.push({ ...shape, source: customActivityTemplate(shape) }, { name: 'quiet', parameters: [], source: customActivityTemplate({ name: 'quiet', parameters: [] }) });
  const build = await writeBuild(design);
  builds.push(build);
  assert.deepEqual(typecheckFiles({ dir: build.dir, files: ['workflows.ts', 'shared.ts', 'activities.ts'] }), []);
});
