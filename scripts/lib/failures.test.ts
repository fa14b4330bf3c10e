import assert from 'node:assert/strict';
import test from 'node:test';
import { nodeFailures, playwrightFailures } from './failures';

test('node spec reporter: each failed test with its location and first message line', () => {
  const output = `ℹ fail 2

✖ failing tests:

test at a.test.mjs:3:1
✖ bad one (0.582243ms)
  AssertionError [ERR_ASSERTION]: numbers differ
      at TestContext.<anonymous> (file:///tmp/ft/a.test.mjs:3:32)

test at a.test.mjs:4:38
✖ inner bad (0.192084ms)
  Error: boom
      at TestContext.<anonymous> (file:///tmp/ft/a.test.mjs:4:70)
`.split('\n');
  assert.deepEqual(nodeFailures(output), [
    'bad one (a.test.mjs:3:1): AssertionError [ERR_ASSERTION]: numbers differ',
    'inner bad (a.test.mjs:4:38): Error: boom',
  ]);
});

test('no failing-tests block: nothing to report', () => {
  assert.deepEqual(nodeFailures(['ℹ pass 3', 'ℹ fail 0']), []);
});

test('Playwright list reporter: the failed tests after "N failed"', () => {
  const output = `  1 failed
    [chromium] › e2e/monitor.spec.ts:15:1 › deploy, list and filter executions
  1 flaky
    [chromium] › e2e/designer.spec.ts:16:1 › draw
  20 passed (3.3m)`.split('\n');
  assert.deepEqual(playwrightFailures(output), ['[chromium] › e2e/monitor.spec.ts:15:1 › deploy, list and filter executions']);
});
