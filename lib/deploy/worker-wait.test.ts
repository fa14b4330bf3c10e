import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitForWorker } from './worker-wait';

const never = async () => null;

test('a worker polling wins over a start failure another host recorded', async () => {
  assert.equal(await waitForWorker({ failure: async () => 'host B: module threw', polled: async () => true }, 1_000), 'polled');
});

test('a recorded failure while nobody polls is the answer at once, not after the deadline', async () => {
  const started = Date.now();
  assert.equal(await waitForWorker({ failure: async () => 'module threw', polled: async () => false }, 60_000), 'module threw');
  assert.ok(Date.now() - started < 1_000);
});

test('Temporal unreachable is waited out: a poller that appears later counts; none until the deadline is a timeout', async () => {
  let calls = 0;
  const flaky = async () => {
    calls += 1;
    if (calls < 3) throw new Error('UNAVAILABLE');
    return true;
  };
  assert.equal(await waitForWorker({ failure: never, polled: flaky }, 5_000, 5), 'polled');
  assert.equal(await waitForWorker({ failure: never, polled: async () => false }, 50, 5), 'timeout');
});
