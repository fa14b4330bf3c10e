import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually, until } from './eventually';

test('returns the first value that is not undefined, asking again at the given interval', async () => {
  let calls = 0;
  const started = Date.now();
  const value = await eventually('the third call', async () => (++calls === 3 ? 'ready' : undefined), { intervalMs: 20 });
  assert.equal(value, 'ready');
  assert.equal(calls, 3);
  assert.ok(Date.now() - started < 300, 'the interval is the one given, not the default 300 ms');
});

test('a number is the timeout; running out names what was awaited', async () => {
  await assert.rejects(eventually('the impossible', async () => undefined, 50), /timed out waiting for the impossible$/);
});

test('an error fails at once unless retryErrors; then it is retried and named when time runs out', async () => {
  let calls = 0;
  const failing = async () => {
    calls++;
    throw new Error('connection refused');
  };
  await assert.rejects(eventually('the server', failing, { timeoutMs: 1000, intervalMs: 10 }), /^Error: connection refused$/);
  assert.equal(calls, 1);

  await assert.rejects(eventually('the server', failing, { timeoutMs: 60, intervalMs: 10, retryErrors: true }), /timed out waiting for the server \(last error: connection refused\)/);
  assert.ok(calls > 2, 'asked again after errors');

  let attempts = 0;
  const recovers = async () => {
    if (++attempts < 3) throw new Error('not yet');
    return attempts;
  };
  assert.equal(await eventually('the restart', recovers, { intervalMs: 10, retryErrors: true }), 3);
});

test('until turns a yes-or-no check into a value to wait for', async () => {
  let calls = 0;
  assert.equal(await eventually('yes', until(async () => ++calls === 2), { intervalMs: 10 }), true);
  assert.equal(calls, 2);
});
