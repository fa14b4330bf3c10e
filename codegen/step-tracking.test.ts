import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DESIGNER_STATE_QUERY, SEARCH_ATTRIBUTES } from './runtime-contract';
import { goldenDesign } from './testing/fixtures';
import { validateDesign } from './validate';
import { typecheckFiles } from './verify/typecheck';

/**
 * The monitor's plumbing lives in the generated step-tracking.ts; workflows.ts only calls
 * trackSteps once and one line per step, so it reads as business logic.
 */
const goldenRoot = join(import.meta.dirname, '__golden__');
const goldens = readdirSync(goldenRoot);
const read = (name: string, file: string) => readFileSync(join(goldenRoot, name, file), 'utf8');
/** `stepTracker.enter('id', 'Label')`: the label is the execution's current details in Temporal's UI. */
const TRACKING_LINE = /^\s*stepTracker\.(enter|enterWaiting)\('([^']+)'(?:, '((?:[^'\\]|\\.)*)')?\);$/gm;

test('every golden workflow tracks its steps through step-tracking.ts, with no plumbing of its own', () => {
  assert.ok(goldens.length > 5);
  for (const name of goldens) {
    const code = read(name, 'workflows.ts');
    assert.match(code, /^import \{ trackSteps \} from '\.\/step-tracking';$/m, name);
    assert.equal(code.match(/\btrackSteps\(/g)?.length, 1, `${name}: trackSteps is called once`);
    for (const plumbing of ['currentStep', 'stepPath', 'enterStep', 'recordStep', 'designerStateQuery', 'stepSearchAttribute', 'upsertSearchAttributes', 'typedSearchAttributes']) {
      assert.ok(!code.includes(plumbing), `${name}: workflows.ts spells ${plumbing}`);
    }
  }
});

test('every step the flow reaches is entered by its own one tracking line, in nested code and in a state machine alike', () => {
  for (const name of goldens) {
    const { validated } = validateDesign(goldenDesign(name));
    assert.ok(validated, name);
    const code = read(name, 'workflows.ts');
    const entered = new Set([...code.matchAll(TRACKING_LINE)].map((m) => m[2]));
    const reached = [...validated.graph.reachable].filter((id) => id !== validated.graph.startId);
    assert.deepEqual([...entered].sort(), reached.sort(), name);
    // A state machine enters a step at the top of its case (after the step's comment), not at the loop head.
    const lines = code.split('\n');
    lines.forEach((line, i) => {
      const opened = /^\s*case '([^']+)': \{$/.exec(line);
      if (!opened) return;
      const first = lines.slice(i + 1).find((l) => !l.trim().startsWith('//'));
      assert.match(first ?? '', new RegExp(`^\\s*stepTracker\\.enter(Waiting)?\\('${opened[1]}'(, '.*')?\\);$`), `${name}: case ${opened[1]}`);
    });
  }
});

test('step-tracking.ts is the same module in every golden and answers the names the monitor asks for', () => {
  const withoutHeader = (text: string) => text.slice(text.indexOf('\n') + 1);
  const reference = withoutHeader(read('order', 'step-tracking.ts'));
  for (const name of goldens) assert.equal(withoutHeader(read(name, 'step-tracking.ts')), reference, name);
  assert.ok(reference.includes(`defineQuery<DesignerState>('${DESIGNER_STATE_QUERY}')`));
  const attribute = /defineSearchAttributeKey\(\s*'(\w+)',\s*SearchAttributeType\.(\w+),?\s*\)/.exec(reference);
  assert.deepEqual(attribute?.slice(1), [SEARCH_ATTRIBUTES.step.name, SEARCH_ATTRIBUTES.step.type.toUpperCase()]);
  // shared.ts keeps only the workflow's own API, which clients import.
  for (const name of goldens) assert.ok(!/designerStateQuery|stepSearchAttribute|DesignerState/.test(read(name, 'shared.ts')), `${name}/shared.ts`);
});

test('step-tracking.ts type-checks on its own against the real @temporalio types, under the generated-code rules', () => {
  assert.deepEqual(typecheckFiles({ dir: join(goldenRoot, 'order'), files: ['step-tracking.ts'] }), []);
});

test("each tracking line passes its step's label, which the execution shows as its current details in Temporal's UI", () => {
  for (const name of goldens) {
    const labels = new Map(goldenDesign(name).nodes.map((n) => [n.id, n.label]));
    for (const [, , id, label] of read(name, 'workflows.ts').matchAll(TRACKING_LINE)) {
      assert.equal(label?.replace(/\\(.)/g, '$1'), labels.get(id!)?.trim() || undefined, `${name}: ${id}`);
    }
  }
  assert.match(read('order', 'step-tracking.ts'), /setCurrentDetails\(label\);/);
});
