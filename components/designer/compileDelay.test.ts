import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDelay, FAST_ROUND_TRIP_MS, SLOW_SERVER_DEBOUNCE_MS } from './compileDelay';

test('the design as opened compiles at once', () => {
  assert.equal(compileDelay(0, 5_000), 0);
});

test('edits compile at once until a recompile came back slowly, then after a pause', () => {
  assert.equal(compileDelay(1, null), 0);
  assert.equal(compileDelay(7, 40), 0);
  assert.equal(compileDelay(7, FAST_ROUND_TRIP_MS), 0);
  assert.equal(compileDelay(7, FAST_ROUND_TRIP_MS + 1), SLOW_SERVER_DEBOUNCE_MS);
});
