/**
 * Property: whatever a user types, a design is either rejected with diagnostics that point at
 * what is wrong, or it becomes code that type-checks — and no user text ever lands outside a
 * string literal, a `//` comment or a validated identifier.
 *
 * SIGNALBOX_PROPERTY_RUNS designs per run (default 2,000; bench/property-nightly.sh runs 10,000);
 * SAFETY_SEED replays the run a failure printed (`{ seed: … }`).
 * Accepted designs are type-checked together, in batches of one TypeScript Program each
 * (codegen/verify/in-memory.ts) on a worker thread while the next batch is generated, which is
 * what makes thousands of them affordable.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import ts from 'typescript';
import { sourceLiteral, templateTextParts } from './expressions/testing';
import { checkIdentifier, identifierOf } from './names';
import { compileDesign, type GeneratedFile } from './pipeline';
import { messageTypeStem } from './message-names';
import type { Design, DesignEdge, DesignNode, Field, HandlerNode } from './schema/design';
import { generatorVocabulary } from './verify/vocabulary';
import { startBackgroundTypechecker, typecheckInMemory } from './verify/in-memory';

const RUNS = Number(process.env.SIGNALBOX_PROPERTY_RUNS ?? 2000);

const TYPECHECK_BATCH = 250;

/** Words that only ever appear inside hostile user text: finding one in code means it escaped. */
const MARKERS = ['PWNED', 'evilCall', 'alertX'];

const HOSTILE_FRAGMENTS = [
  '"; PWNED(); //',
  "'; PWNED(); //",
  '` + evilCall() + `',
  '${evilCall()}',
  '*/ alertX(1); /*',
  '</script><script>alertX(1)</script>',
  '\n PWNED()',
  '\r\nevilCall();\u2028alertX()\u2029',
  '\\',
  '\\u0022); PWNED(',
  '{{> header}}',
  '{{{evilCall}}}',
  '// PWNED',
  'Grüße 🚀 — ✓',
  '\u0000\u0007\u001b',
  '\ud800',
  '',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...HOSTILE_FRAGMENTS), { minLength: 2, maxLength: 4 }).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
);
/** Labels are at most 200 characters in the schema. */
const label = text.map((t) => t.slice(0, 200));

const HOSTILE_NAMES = ['a"b', 'x`y', 'x${y}', 'a*/b', 'two\nlines', 'grüße', 'constructor', '__proto__', 'class', 'input', 'args', 'setHandler', '', '1abc', 'a-b', 'PWNED()'];
const validName = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,9}$/).filter((n) => checkIdentifier(n) === null && !/pwned|evilcall|alertx/i.test(n));
/** Mostly valid identifiers; sometimes something a validator must refuse. */
const name = fc.oneof({ weight: 40, arbitrary: validName }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...HOSTILE_NAMES), text) });
const scalar = fc.constantFrom<'string' | 'number' | 'boolean'>('string', 'number', 'boolean');

const fieldPlan = fc.record({ name, type: scalar, label: fc.option(label, { nil: undefined }) });
const stepPlan = fc.record({
  kind: fc.constantFrom('timer', 'log', 'notify', 'assign', 'wait', 'decision'),
  label,
  description: fc.option(text, { nil: undefined }),
  text,
  other: text,
  seconds: fc.integer({ min: 1, max: 90 }),
  timeout: fc.boolean(),
  pick: fc.nat(),
});
const handlerPlan = fc.record({
  kind: fc.constantFrom<'signal' | 'query' | 'update'>('signal', 'query', 'update'),
  name,
  label,
  description: fc.option(text, { nil: undefined }),
  parameters: fc.array(fieldPlan, { maxLength: 3 }),
  message: text.map((t) => t.slice(0, 500)),
  text,
  pick: fc.nat(),
});
const designPlan = fc.record({
  workflowName: fc.oneof({ weight: 40, arbitrary: validName.map((n) => n.charAt(0).toUpperCase() + n.slice(1)) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NAMES) }),
  description: fc.option(text, { nil: undefined }),
  resultType: scalar,
  inputs: fc.array(fieldPlan, { maxLength: 3 }),
  variables: fc.array(fc.record({ name, type: scalar, text, description: fc.option(text, { nil: undefined }) }), { maxLength: 4 }),
  steps: fc.array(stepPlan, { maxLength: 6 }),
  handlers: fc.array(handlerPlan, { maxLength: 4 }),
  endLabel: label,
  endText: text,
  fail: fc.boolean(),
  hostileNodeId: fc.oneof({ weight: 40, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: text }),
});
type DesignPlan = typeof designPlan extends fc.Arbitrary<infer T> ? T : never;

/** A literal of the type, written in the expression language (strings via its own escaping). */
function literal(type: string, value: string): string {
  if (type === 'string') return sourceLiteral(value);
  if (type === 'number') return String(value.length);
  return value.length % 2 === 0 ? 'true' : 'false';
}

/** Builds a design from a plan; the user's strings that must stay data are collected in `data`. */
function buildDesign(plan: DesignPlan, data: Set<string>): Design {
  const keep = (value: string) => (data.add(value), value);
  // A rule's message with {…} parts is text with values put in: its text parts are the user's data too.
  const keepMessage = (message: string) => (templateTextParts(message).forEach(keep), keep(message));
  const position = { x: 0, y: 0 };
  const variables = plan.variables.map((v) => ({ name: v.name, type: v.type, initial: literal(v.type, keep(v.text)), description: v.description }));
  const booleans = variables.filter((v) => v.type === 'boolean').map((v) => v.name);
  const nodes: DesignNode[] = [{ id: 'start', type: 'start', label: 'Start', position }];
  const released: DesignNode[] = [];
  const edges: DesignEdge[] = [];
  let previous: { id: string; handle?: string }[] = [{ id: 'start' }];
  const link = (target: string) => {
    for (const from of previous) edges.push({ id: `e${edges.length}`, source: from.id, target, ...(from.handle ? { sourceHandle: from.handle } : {}) });
  };
  plan.steps.forEach((step, i) => {
    const id = `n${i}`;
    const base = { id, label: step.label, description: step.description, position };
    let node: DesignNode;
    let outputs: { id: string; handle?: string }[] = [{ id }];
    switch (step.kind) {
      case 'timer':
        node = { ...base, type: 'timer', duration: { amount: step.seconds, unit: 'seconds' } };
        break;
      case 'log':
        node = { ...base, type: 'activity', activity: 'log', args: { message: sourceLiteral(keep(step.text)) } };
        break;
      case 'notify':
        node = { ...base, type: 'activity', activity: 'notify', args: { recipient: sourceLiteral(keep(step.text)), message: sourceLiteral(keep(step.other)) } };
        break;
      case 'assign': {
        const target = variables[step.pick % Math.max(variables.length, 1)];
        node = target
          ? { ...base, type: 'assign', assignments: [{ variable: target.name, value: literal(target.type, keep(step.text)) }] }
          : { ...base, type: 'activity', activity: 'log', args: { message: sourceLiteral(keep(step.text)) } };
        break;
      }
      case 'wait': {
        // A flag of its own that a signal of its own sets, so the wait can always be satisfied.
        variables.push({ name: `waitFlag${i}`, type: 'boolean', initial: 'false', description: undefined });
        released.push({ id: `release${i}`, type: 'signal', label: step.other.slice(0, 200), name: `release${i}`, parameters: [], assignments: [{ variable: `waitFlag${i}`, value: 'true' }], position });
        node = { ...base, type: 'wait', condition: `waitFlag${i}`, ...(step.timeout ? { timeout: { amount: step.seconds, unit: 'seconds' as const } } : {}) };
        outputs = step.timeout ? [{ id, handle: 'met' }, { id, handle: 'timeout' }] : [{ id, handle: 'met' }];
        break;
      }
      case 'decision':
        node = { ...base, type: 'decision', branches: [{ id: 'b1', label: step.other.slice(0, 200), condition: `len(${sourceLiteral(keep(step.text))}) > ${step.seconds % 5}` }] };
        outputs = [{ id, handle: 'b1' }, { id, handle: 'else' }];
        break;
    }
    nodes.push(node);
    link(id);
    previous = outputs;
  });
  const resultValue = plan.fail ? sourceLiteral(keep(plan.endText)) : literal(plan.resultType, keep(plan.endText));
  nodes.push({ id: 'end', type: 'end', label: plan.endLabel, outcome: plan.fail ? 'fail' : 'complete', result: resultValue, position });
  link('end');
  nodes.push(...released);

  plan.handlers.forEach((h, i) => {
    const id = `h${i}`;
    const parameters: Field[] = h.parameters.map((p) => ({ name: p.name, type: p.type, label: p.label }));
    const base = { id, label: h.label, description: h.description, name: h.name, parameters, position };
    const assignments = variables.slice(0, 2).map((v) => {
      const param = parameters.find((p) => p.type === v.type);
      return { variable: v.name, value: param ? `args.${param.name}` : literal(v.type, keep(h.text)) };
    });
    if (h.kind === 'signal') nodes.push({ ...base, type: 'signal', assignments });
    else if (h.kind === 'query') {
      const returned = variables[h.pick % Math.max(variables.length, 1)];
      nodes.push({ ...base, type: 'query', returns: returned ? returned.name : sourceLiteral(keep(h.text)) });
    } else {
      nodes.push({
        ...base,
        type: 'update',
        validators: [{ condition: booleans.length ? `!${booleans[0]}` : 'true', message: keepMessage(h.message) }],
        assignments,
        returns: sourceLiteral(keep(h.text)),
      });
    }
  });
  if (plan.hostileNodeId !== undefined && nodes.length > 1) nodes[1] = { ...nodes[1], id: plan.hostileNodeId } as DesignNode;

  for (const node of nodes) {
    keep(node.label);
    keep(node.label.trim()); // a step's label is data in its tracking line (stepTracker.enter(id, label)), trimmed
    if (node.description) keep(node.description);
    keep(node.id);
  }
  if (plan.description) keep(plan.description);
  for (const field of plan.inputs) if (field.label) keep(field.label);
  return {
    schemaVersion: 1,
    name: plan.workflowName,
    description: plan.description,
    input: plan.inputs.map((f) => ({ name: f.name, type: f.type, label: f.label })),
    resultType: plan.resultType,
    variables,
    nodes,
    edges,
  };
}

/** The validated names of a design and the names the generator derives from them. */
function derivedNames(design: Design): Set<string> {
  const names = new Set<string>();
  const add = (n: string | undefined) => {
    if (!n || checkIdentifier(n) !== null) return;
    // A wire name (approver_name) is read under its identifier (approverName) too: codegen/names.ts.
    for (const name of new Set([n, identifierOf(n)])) {
      const pascal = name.charAt(0).toUpperCase() + name.slice(1);
      const camel = name.charAt(0).toLowerCase() + name.slice(1);
      for (const derived of [name, pascal, camel, `${camel}Signal`, `${camel}Query`, `${camel}Update`, `${camel}SignalPayload`, `${camel}UpdatePayload`, `${pascal}Args`, `${pascal}Fields`, `${name}Input`, `${name}InputFields`]) names.add(derived);
    }
  };
  add(design.name);
  design.input.forEach((f) => add(f.name));
  design.variables.forEach((v) => add(v.name));
  for (const node of design.nodes) {
    if ('name' in node) add(node.name);
    if ('parameters' in node) node.parameters.forEach((p) => add(p.name));
  }
  // A signal and a query (or update) of one name get kind-prefixed type names (SignalNArgs,
  // QueryNArgs): codegen/message-names.ts.
  const handlers = design.nodes.filter((node): node is HandlerNode => node.type === 'signal' || node.type === 'query' || node.type === 'update');
  for (const handler of handlers) add(messageTypeStem(handler, handlers));
  return names;
}

interface Leak {
  file: string;
  kind: string;
  text: string;
}

/** Every token of the generated code traced back to the generator or to validated design names. */
function untracedTokens(files: GeneratedFile[], design: Design, data: Set<string>): Leak[] {
  const vocabulary = generatorVocabulary();
  const names = derivedNames(design);
  const leaks: Leak[] = [];
  for (const file of files) {
    const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, file.contents);
    // The scanner reads a template literal's `}` as a brace unless told to re-scan: track the open `${`.
    const openSubstitutions: number[] = [];
    let braces = 0;
    for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
      if (token === ts.SyntaxKind.OpenBraceToken) braces++;
      if (token === ts.SyntaxKind.CloseBraceToken) {
        if (openSubstitutions.at(-1) === braces) {
          token = scanner.reScanTemplateToken(false);
          if (token === ts.SyntaxKind.TemplateTail) openSubstitutions.pop();
        } else braces--;
      }
      if (token === ts.SyntaxKind.TemplateHead) openSubstitutions.push(braces);
      const raw = scanner.getTokenText();
      const leak = (kind: string) => leaks.push({ file: file.path, kind, text: raw });
      switch (token) {
        case ts.SyntaxKind.Identifier:
          if (!vocabulary.identifiers.has(raw) && !names.has(raw)) leak('identifier');
          break;
        case ts.SyntaxKind.StringLiteral: {
          const value = scanner.getTokenValue();
          if (!data.has(value) && !names.has(value) && !vocabulary.strings.has(value) && !/^\d+ (second|minute|hour|day)s?$/.test(value)) leak('string');
          break;
        }
        case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        case ts.SyntaxKind.TemplateHead:
        case ts.SyntaxKind.TemplateMiddle:
        case ts.SyntaxKind.TemplateTail:
          if (!vocabulary.templateText.includes(raw)) leak('template literal');
          break;
        case ts.SyntaxKind.MultiLineCommentTrivia:
          if (!vocabulary.templateText.includes(raw)) leak('block comment');
          break;
        case ts.SyntaxKind.SingleLineCommentTrivia:
          break; // user text is allowed here: the comment helper keeps it on single lines
        default:
          if (MARKERS.some((m) => raw.includes(m))) leak(ts.SyntaxKind[token]);
      }
    }
  }
  return leaks;
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

test(`${RUNS} random designs with hostile names and text: rejected with diagnostics, or traced code that type-checks`, { timeout: 3_600_000 }, async () => {
  const started = Date.now();
  const cpuStarted = process.cpuUsage();
  const typechecker = startBackgroundTypechecker();
  const checks: Promise<void>[] = [];
  let accepted = 0;
  let rejected = 0;
  let pendingBatch: { design: Design; files: GeneratedFile[] }[] = [];
  let typecheckMs = 0;
  const checkBatch = (batch: { design: Design; files: GeneratedFile[] }[]) => {
    checks.push(
      typechecker.check(batch).then(({ results, ms }) => {
        typecheckMs += ms;
        results.forEach((diagnostics, i) => {
          assert.deepEqual(diagnostics, [], `accepted design does not type-check: ${JSON.stringify(batch[i]!.design)}`);
        });
      }),
    );
  };
  try {
    await fc.assert(
      fc.asyncProperty(designPlan, async (plan) => {
        const data = new Set<string>();
        const design = buildDesign(plan, data);
        const result = await compileDesign(design);
        if (!result.ok) {
          rejected += 1;
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          assert.ok(errors.length > 0, 'rejected without an error diagnostic');
          for (const d of errors) assert.ok(d.nodeId || d.edgeId || d.field, `diagnostic points nowhere: ${d.message}`);
          plan.handlers.forEach((h, i) => {
            if (checkIdentifier(h.name) !== null && plan.hostileNodeId === undefined) {
              assert.ok(errors.some((d) => d.nodeId === `h${i}`), `no diagnostic on node h${i} for the name ${JSON.stringify(h.name)}`);
            }
          });
          assert.equal(result.files.length, 0);
          return;
        }
        const leaks = untracedTokens(result.files, design, data);
        assert.deepEqual(leaks, [], `user text escaped into code:\n${JSON.stringify(leaks, null, 1)}`);
        accepted += 1;
        pendingBatch.push({ design, files: result.files });
        if (pendingBatch.length === TYPECHECK_BATCH) {
          checkBatch(pendingBatch);
          pendingBatch = [];
        }
      }),
      { numRuns: RUNS, ...(process.env.SAFETY_SEED ? { seed: Number(process.env.SAFETY_SEED) } : {}) },
    );
    const generatedMs = Date.now() - started;
    if (pendingBatch.length) checkBatch(pendingBatch);
    await Promise.all(checks);
    console.log(
      `[property] ${RUNS} designs: ${accepted} accepted (code traced and type-checked), ${rejected} rejected with diagnostics; ` +
        `generate+compile+trace ${generatedMs} ms; type-check ${Math.round(typecheckMs)} ms ` +
        `in ${checks.length} programs on a worker thread, overlapping generation; total ${Date.now() - started} ms wall, ` +
        `${Math.round(cpuMs(process.cpuUsage(cpuStarted)))} ms CPU`,
    );
    assert.ok(accepted > RUNS / 4, `too few designs were accepted (${accepted}) to say much about the code`);
    assert.ok(rejected > 0, 'no design was rejected: the hostile names are not reaching the validator');
  } finally {
    await typechecker.close();
  }
});

/** Regressions: generator gaps this property test found (fixed in ba30a86), as minimal designs. */
function smallDesign(overrides: Partial<Design>): Design {
  return {
    schemaVersion: 1,
    name: 'Gap',
    input: [],
    resultType: 'string',
    variables: [],
    nodes: [
      { id: 'start', type: 'start', label: 'Start', position: { x: 0, y: 0 } },
      { id: 'end', type: 'end', label: 'End', outcome: 'complete', result: '"done"', position: { x: 0, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'end' }],
    ...overrides,
  };
}

async function typecheckDesign(design: Design): Promise<string[]> {
  const result = await compileDesign(design);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  return typecheckInMemory([{ files: result.files }])[0]!.map((d) => d.message);
}

test('found by the property test: a workflow input the flow never reads still type-checks', async () => {
  assert.deepEqual(await typecheckDesign(smallDesign({ input: [{ name: 'orderId', type: 'string' }] })), []);
});

test('found by the property test: comparing two different string literals type-checks', async () => {
  const design = smallDesign({});
  design.nodes.push({ id: 'd', type: 'decision', label: 'Same?', branches: [{ id: 'b', label: 'yes', condition: '"a" == "b"' }], position: { x: 0, y: 0 } });
  design.nodes.push({ id: 'end2', type: 'end', label: 'End 2', outcome: 'complete', result: '"other"', position: { x: 0, y: 0 } });
  design.edges = [
    { id: 'e1', source: 'start', target: 'd' },
    { id: 'e2', source: 'd', sourceHandle: 'b', target: 'end' },
    { id: 'e3', source: 'd', sourceHandle: 'else', target: 'end2' },
  ];
  assert.deepEqual(await typecheckDesign(design), []);
});

test('found by the property test: a parameter with a reserved name is reported, not a crash', async () => {
  const design = smallDesign({ variables: [{ name: 'flag', type: 'boolean', initial: 'false' }] });
  design.nodes.push({
    id: 's', type: 'signal', label: 'Set', name: 'set', parameters: [{ name: 'constructor', type: 'boolean' }],
    assignments: [{ variable: 'flag', value: 'args.constructor' }], position: { x: 0, y: 0 },
  });
  const result = await compileDesign(design);
  assert.equal(result.ok, false);
  assert.ok(result.diagnostics.some((d) => d.nodeId === 's' && d.code === 'name.invalid'));
});
