import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { compileDesign } from './pipeline';
import { parseDesign } from './parse';
import type { Design } from './schema/design';
import { approvalDesign } from './testing/designs';
import { typecheckFiles } from './verify/typecheck';

/** Text a hostile (or careless) user might type; none of it may become code. */
const HOSTILE = [
  `"; process.exit(1); //`,
  "` + process.exit(1) + `",
  '${process.exit(1)}',
  '*/ process.exit(1); /*',
  'line one\nprocess.exit(1)\r\n// and\u2028process.exit(1)\u2029x',
  "' + process.exit(1) + '",
  'Grüße 🚀 \\u0041 \\',
];

const HOSTILE_NAMES = ['approve"', 'a`b', 'x${y}', 'a*/b', 'two\nlines', 'grüße', 'constructor', '__proto__', ''];

function identifiersIn(source: string): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, source);
  const found = new Set<string>();
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.Identifier) found.add(scanner.getTokenText());
    // Template strings are generated only by the activities file, never from user text.
    if (token === ts.SyntaxKind.TemplateHead || token === ts.SyntaxKind.NoSubstitutionTemplateLiteral) found.add('`');
  }
  return found;
}

test('hostile text in labels, descriptions, messages and string literals stays data', async () => {
  const design = approvalDesign();
  HOSTILE.forEach((text, i) => {
    const wait = design.nodes.find((n) => n.id === 'await-approval');
    const update = design.nodes.find((n) => n.id === 'add-comment');
    if (wait?.type !== 'wait' || update?.type !== 'update') throw new Error('fixture changed');
    design.description = text;
    wait.label = text;
    wait.description = text;
    // A message's own braces are written doubled: "{…}" puts a value in (codegen/messages/update.ts).
    update.validators.push({ condition: `args.text != ${JSON.stringify(text)}`, message: text.replace(/[{}]/g, (brace) => brace + brace) });
    design.input[0].label = text;
    design.nodes.push({ id: `log-${i}`, type: 'activity', label: text, activity: 'log', args: { message: JSON.stringify(text) }, position: { x: 0, y: 0 } });
  });
  // Chain the log activities between the start and the wait.
  design.edges = design.edges.filter((e) => e.id !== 'e-start');
  const chain = ['start', ...HOSTILE.map((_, i) => `log-${i}`), 'await-approval'];
  chain.slice(1).forEach((target, i) => design.edges.push({ id: `chain-${i}`, source: chain[i], target }));

  const result = await compileDesign(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  for (const file of result.files.filter((f) => f.path !== 'activities.ts')) {
    const identifiers = identifiersIn(file.contents);
    assert.ok(!identifiers.has('process'), `${file.path}: user text became code`);
    // payload-checks.ts builds its messages in template literals of its own, fixed code; design text reaches it only as checked names in string literals.
    if (file.path !== 'payload-checks.ts') assert.ok(!identifiers.has('`'), `${file.path}: a template literal appeared`);
  }
  const dir = join(import.meta.dirname, '..', '.data', 'test-builds', `safety-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    for (const file of result.files) writeFileSync(join(dir, file.path), file.contents);
    assert.deepEqual(typecheckFiles({ dir, files: result.files.map((f) => f.path) }), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The text survives as data: every hostile string is in the code as its JSON literal (quotes normalised by prettier).
  const workflows = result.files.find((f) => f.path === 'workflows.ts')!.contents;
  const literals: string[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, workflows);
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) if (t === ts.SyntaxKind.StringLiteral) literals.push(scanner.getTokenValue());
  for (const text of HOSTILE) assert.ok(literals.includes(text), `missing literal for ${JSON.stringify(text)}`);
});

test('a message whose {…} part is not an expression of the language is refused on its field, never emitted', async () => {
  const design = approvalDesign();
  const update = design.nodes.find((n) => n.id === 'add-comment');
  if (update?.type !== 'update') throw new Error('fixture changed');
  update.validators.push({ condition: 'true', message: 'x ${process.exit(1)} y' });
  const result = await compileDesign(design);
  assert.equal(result.ok, false);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]?.field, `validators.${update.validators.length - 1}.message`);
  assert.match(errors[0]!.message, /Unexpected "\(" at position 16; only these functions can be called/);
});

test('hostile names are rejected with a diagnostic on their node, never emitted', async () => {
  for (const name of HOSTILE_NAMES) {
    const design: Design = approvalDesign();
    const signal = design.nodes.find((n) => n.id === 'approve');
    if (signal?.type !== 'signal') throw new Error('fixture changed');
    signal.name = name;
    const result = await compileDesign(design);
    assert.equal(result.ok, false, `name ${JSON.stringify(name)} was accepted`);
    const d = result.diagnostics.find((x) => x.code === 'name.invalid');
    assert.ok(d, `no name diagnostic for ${JSON.stringify(name)}`);
    assert.equal(d.nodeId, 'approve');
    assert.equal(result.files.length, 0);
  }
  for (const name of HOSTILE_NAMES) {
    const design = approvalDesign();
    design.variables[0].name = name;
    assert.equal((await compileDesign(design)).ok, false, `variable ${JSON.stringify(name)} was accepted`);
  }
});

test('hostile node ids are refused by the schema with the node named', () => {
  const design = approvalDesign() as unknown as { nodes: { id: string }[] };
  design.nodes[1].id = "x'); process.exit(1); ('";
  const parsed = parseDesign(design);
  assert.equal(parsed.ok, false);
  if (!parsed.ok) {
    assert.equal(parsed.diagnostics[0].field, 'id');
    assert.match(parsed.diagnostics[0].message, /^Wait "Await approval": "id" must be 1-64 letters/);
  }
});
