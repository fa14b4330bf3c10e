import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDelay, FAST_ROUND_TRIP_MS, rememberRoundTrip, ROUND_TRIPS_KEPT, SLOW_SERVER_DEBOUNCE_MS } from './compile-delay';

test('the design as opened compiles at once', () => {
  assert.equal(compileDelay(0, [5_000, 5_000]), 0);
});

test('edits compile at once while recompiles come back fast, after a pause once they come back slowly', () => {
  assert.equal(compileDelay(1, []), 0);
  assert.equal(compileDelay(7, [40]), 0);
  assert.equal(compileDelay(7, [FAST_ROUND_TRIP_MS]), 0);
  assert.equal(compileDelay(7, [FAST_ROUND_TRIP_MS + 1]), SLOW_SERVER_DEBOUNCE_MS);
  assert.equal(compileDelay(7, [900, 900, 40]), SLOW_SERVER_DEBOUNCE_MS);
});

test('one slow answer among fast ones does not switch the debounce on', () => {
  assert.equal(compileDelay(7, [40, 2_000, 60]), 0);
});

test('only the latest round trips are kept', () => {
  let recent: number[] = [];
  for (const ms of [1, 2, 3, 4, 5]) recent = rememberRoundTrip(recent, ms);
  assert.deepEqual(recent, [3, 4, 5].slice(-ROUND_TRIPS_KEPT));
});
