import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../diagnostics';
import type { Design } from '../schema/design';
import { goldenDesign } from '../testing/fixtures';
import { findDiagnostic, nodeById } from '../testing/lookup';
import { validateDesign } from './index';

/**
 * The anti-patterns of 6.5 (and 6.1.8, 6.2.7) a drawing shows, as warnings on the node:
 * a loop that grows the history without bound (loop.unbounded-history), a query that computes
 * over every item of a list messages keep growing (query.computes-over-list).
 */
function diagnose(name: string, edit: (design: Design) => void = () => {}): Diagnostic[] {
  const design = goldenDesign(name);
  edit(design);
  return validateDesign(design).diagnostics;
}
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

test('a queue-draining loop through a wait and an activity that never continues as new is warned about on its decision', () => {
  const d = findDiagnostic(diagnose('message-queue'), 'loop.unbounded-history');
  assert.equal(d.severity, 'warning');
  assert.equal(d.nodeId, 'has-message');
  assert.equal(d.field, 'branches');
  assert.match(d.message, /^Decision "Queue empty\?" is on a loop through Wait "Until there is work", Activity "Post the next message" that never continues as new: .*continueAsNewSuggested\(\)/);
});

test('the same loop with a branch that continues as new when Temporal suggests it is fine', () => {
  const diagnostics = diagnose('message-queue', (design) => {
    nodeById<'decision'>(design, 'is-stopping').branches.push({ id: 'long', label: 'History is long', condition: 'continueAsNewSuggested()' });
    design.nodes.push({ id: 'fresh', type: 'continueAsNew', label: 'Fresh history', position: { x: 0, y: 0 }, carry: ['queue', 'answers', 'shuttingDown'] });
    design.edges.push({ id: 'e-fresh', source: 'is-stopping', sourceHandle: 'long', target: 'fresh' });
  });
  assert.ok(!codes(diagnostics).includes('loop.unbounded-history'), JSON.stringify(diagnostics));
});

test('a loop bounded by a counter (rounds < 3, rounds = rounds + 1) and the continue-as-new pattern are not warned about', () => {
  assert.ok(!codes(diagnose('review-loop')).includes('loop.unbounded-history'));
  assert.ok(!codes(diagnose('continue-as-new')).includes('loop.unbounded-history'));
  assert.ok(!codes(diagnose('orchestrator')).includes('loop.unbounded-history'));
});

test('the review loop without its counter is warned about', () => {
  const d = findDiagnostic(diagnose('review-loop', (design) => (nodeById<'decision'>(design, 'too-many').branches[0].condition = 'feedback != ""')), 'loop.unbounded-history');
  assert.equal(d.nodeId, 'verdict');
});

test('a loop with no way out at all is warned about on its first waiting step', () => {
  const d = findDiagnostic(
    diagnose('message-queue', (design) => {
      // post → dequeue → post: drains forever, no decision on the loop.
      design.edges.find((e) => e.source === 'dequeue')!.target = 'post';
    }),
    'loop.unbounded-history',
  );
  assert.equal(d.nodeId, 'post');
  assert.equal(d.field, 'activity');
});

test('a query that sums a list signals keep growing is warned about; one reading a maintained total is not', () => {
  const design = goldenDesign('continue-as-new');
  design.variables.push({ name: 'seen', type: 'list', items: 'number', initial: '[]' });
  nodeById<'signal'>(design, 'add').assignments.push({ variable: 'seen', value: 'append(seen, args.value)' });
  nodeById<'query'>(design, 'q-total').returns = 'total + sum(seen)';
  const d = findDiagnostic(validateDesign(design).diagnostics, 'query.computes-over-list');
  assert.equal(d.severity, 'warning');
  assert.equal(d.nodeId, 'q-total');
  assert.equal(d.field, 'returns');
  assert.match(d.message, /^Query "Total" computes sum\(\) over every item of "seen", which messages keep growing/);

  nodeById<'query'>(design, 'q-total').returns = 'total + len(seen)';
  assert.ok(!codes(validateDesign(design).diagnostics).includes('query.computes-over-list'));
});

test('a query over a list no message changes is not warned about', () => {
  const design = goldenDesign('continue-as-new');
  design.variables.push({ name: 'weights', type: 'list', items: 'number', initial: '[1, 2, 3]' });
  nodeById<'query'>(design, 'q-total').returns = 'sum(weights)';
  assert.ok(!codes(validateDesign(design).diagnostics).includes('query.computes-over-list'));
});
