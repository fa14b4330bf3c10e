import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Principal } from '@/lib/auth/principal';
import { accessFor } from './CurrentUser';

const as = (roles: Principal['roles']): Principal => ({ id: 'u', username: 'u', displayName: 'U', roles, via: 'session' });

test('accessFor mirrors the server policy, with a reason to show', () => {
  assert.deepEqual(accessFor(as(['designer']), 'POST', '/api/designs/d1/deployments'), { allowed: true, reason: null });
  const viewer = accessFor(as(['viewer']), 'POST', '/api/designs/d1/deployments');
  assert.equal(viewer.allowed, false);
  assert.equal(viewer.reason, 'Needs one of the roles admin, designer; you have viewer');
  assert.equal(accessFor(null, 'GET', '/api/designs').reason, 'Sign in first');
  assert.equal(accessFor(null, 'POST', '/api/auth/login').allowed, true);
  assert.equal(accessFor(as(['admin']), 'POST', '/api/nowhere').allowed, false);
});
