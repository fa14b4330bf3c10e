import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginThrottle, UNKNOWN_ADDRESS } from './throttle';

test('login throttle: refuses after N failures per username or per address, for the window; success clears the username', () => {
  let now = 1_000_000;
  const throttle = new LoginThrottle(() => now, 3, 60_000);
  for (let i = 0; i < 3; i++) {
    assert.equal(throttle.retryAfterMs('ann', '1.1.1.1'), 0);
    throttle.recordFailure('ann', '1.1.1.1');
    now += 1000;
  }
  assert.equal(throttle.retryAfterMs('ann', '2.2.2.2'), 57_000, 'the username is locked from every address');
  assert.equal(throttle.retryAfterMs('bob', '1.1.1.1'), 57_000, 'the address is locked for every username');
  assert.equal(throttle.retryAfterMs('bob', '2.2.2.2'), 0);
  now += 57_000;
  assert.equal(throttle.retryAfterMs('ann', '2.2.2.2'), 0, 'the window passes');

  throttle.recordFailure('cy', '3.3.3.3');
  throttle.recordFailure('cy', '3.3.3.3');
  throttle.recordSuccess('cy');
  throttle.recordFailure('cy', '4.4.4.4');
  assert.equal(throttle.retryAfterMs('cy', '4.4.4.4'), 0, 'a success starts the count again');
});

test('without a client address only the username is counted (no shared lock-out)', () => {
  const throttle = new LoginThrottle(() => 0, 2, 60_000);
  throttle.recordFailure('ann', UNKNOWN_ADDRESS);
  throttle.recordFailure('ann', UNKNOWN_ADDRESS);
  assert.ok(throttle.retryAfterMs('ann', UNKNOWN_ADDRESS) > 0);
  assert.equal(throttle.retryAfterMs('bob', UNKNOWN_ADDRESS), 0);
});
