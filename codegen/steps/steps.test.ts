import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FLOW_NODE_TYPES, isHandlerNode } from '../schema/design';
import { templatesDir } from '../templates-dir';
import { goldenDesign } from '../testing/fixtures';
import { validateDesign } from '../validate';
import { isStepKind, STEPS, stepOf } from '.';

test('every flow step kind has exactly one definition, filed under its own kind', () => {
  assert.deepEqual(Object.keys(STEPS).sort(), [...FLOW_NODE_TYPES].sort());
  for (const [kind, step] of Object.entries(STEPS)) assert.equal(step.kind, kind);
  assert.equal(isStepKind('signal'), false);
  assert.equal(isStepKind('toString'), false);
});

test("every partial a step names is a template in templates/partials, so a step's rendering is found from its file", () => {
  for (const step of Object.values(STEPS)) {
    for (const partial of step.partials) {
      assert.ok(existsSync(join(templatesDir(), 'partials', `${partial}.hbs`)), `${step.kind}: ${partial}.hbs`);
    }
  }
});

test('a decision offers one output per branch and "else"; an edge from it must name one', () => {
  const decision = { type: 'decision' as const, branches: [{ id: 'big', label: 'Big', condition: 'true' }] };
  assert.deepEqual(stepOf(decision).outputs(decision), ['big', 'else']);
  assert.deepEqual(STEPS.decision.outputs({}), ['else'], 'a decision still being drawn');
  assert.equal(STEPS.decision.defaultOutput, undefined);
  assert.deepEqual(STEPS.wait.outputs({ timeout: { amount: 1, unit: 'days' } }), ['met', 'timeout']);
  assert.deepEqual(STEPS.end.outputs({}), []);
});

test('the step definitions keep the golden designs valid: every flow node of every golden is connected at exactly its outputs', () => {
  const goldens = readdirSync(join(import.meta.dirname, '..', '__golden__'));
  assert.ok(goldens.length > 5);
  for (const name of goldens) {
    const design = goldenDesign(name);
    const { validated, diagnostics } = validateDesign(design);
    assert.ok(validated, `${name}: ${JSON.stringify(diagnostics)}`);
    for (const node of design.nodes) {
      if (isHandlerNode(node)) continue;
      const connected = [...(validated.graph.successors.get(node.id)?.keys() ?? [])].sort();
      assert.deepEqual(connected, [...stepOf(node).outputs(node)].sort(), `${name}: ${node.id}`);
    }
  }
});
