import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Design } from './schema/design';
import { isHandlerNode } from './schema/design';
import { entryStep, recordsStep } from './step-recording';
import { goldenDesign } from './testing/fixtures';

const goldenRoot = join(import.meta.dirname, '__golden__');

test('the order starts recorded at its first wait: nothing but Start lies before it', () => {
  assert.equal(entryStep(goldenDesign('order')), 'await-payment');
});

test('a step only some executions reach is not predicted: the step starts as the Start node', () => {
  const design = goldenDesign('order');
  const start = design.edges.find((e) => e.source === 'start')!;
  design.nodes.push({ id: 'choose', type: 'decision', position: { x: 0, y: 0 }, branches: [] } as unknown as Design['nodes'][number]);
  design.edges.push({ id: 'start-choose', source: 'start', target: 'choose' });
  start.source = 'choose';
  start.sourceHandle = 'else';
  assert.equal(entryStep(design), 'start');
});

test('instant steps before the first wait are passed over; a short timer records nothing, a long one does', () => {
  const design = goldenDesign('order');
  const toWait = design.edges.find((e) => e.source === 'start')!;
  design.nodes.push(
    { id: 'tick', type: 'timer', position: { x: 0, y: 0 }, duration: { amount: 5, unit: 'seconds' } } as unknown as Design['nodes'][number],
  );
  design.edges.push({ id: 'tick-wait', source: 'tick', target: toWait.target });
  toWait.target = 'tick';
  assert.equal(entryStep(design), 'await-payment');
  const tick = design.nodes.find((n) => n.id === 'tick')!;
  assert.equal(!isHandlerNode(tick) && recordsStep(tick), false);
  (tick as unknown as { duration: { amount: number; unit: string } }).duration = { amount: 2, unit: 'minutes' };
  assert.equal(entryStep(design), 'tick');
  assert.equal(!isHandlerNode(tick) && recordsStep(tick), true);
});

test('every golden workflow enters exactly the steps recordsStep names with stepTracker.enterWaiting', () => {
  for (const name of readdirSync(goldenRoot)) {
    const design = goldenDesign(name);
    const code = readFileSync(join(goldenRoot, name, 'workflows.ts'), 'utf8');
    const recording = design.nodes.filter((n) => !isHandlerNode(n) && recordsStep(n)).map((n) => n.id);
    const waiting = [...code.matchAll(/^\s*stepTracker\.enterWaiting\('([^']+)'(?:, '(?:[^'\\]|\\.)*')?\);$/gm)].map((m) => m[1]);
    assert.deepEqual(waiting.sort(), recording.sort(), `${name}: stepTracker.enterWaiting calls`);
    // The upsert itself lives in step-tracking.ts; the workflow never spells it.
    assert.equal(code.includes('upsertSearchAttributes'), false, `${name}: no upsert in the workflow's own code`);
  }
});
