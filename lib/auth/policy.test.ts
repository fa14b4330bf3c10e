import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchPattern, pageRuleFor, rolesAllowed, routeRuleFor, ROUTE_POLICY, type Access } from './policy';
import type { Role } from './roles';

function may(roles: Role[], [method, path]: readonly [string, string]): boolean {
  const rule = routeRuleFor(method, path);
  return !!rule && rolesAllowed(rule.access, roles);
}

test('patterns: dynamic segments match one segment, static segments win, lengths must agree', () => {
  assert.deepEqual(matchPattern('/api/designs/[id]', '/api/designs/abc'), [2, 2, 1]);
  assert.equal(matchPattern('/api/designs/[id]', '/api/designs'), null);
  assert.equal(matchPattern('/api/designs/[id]', '/api/designs/a/versions'), null);
  assert.equal(matchPattern('/api/designs/[id]', '/api/designsX/a'), null);
  assert.deepEqual(matchPattern('/docs/[...rest]', '/docs/a/b/c'), [2, 0]);
  assert.equal(matchPattern('/docs/[...rest]', '/docs'), null);
  assert.equal(routeRuleFor('GET', '/api/designs/x/deployments')?.pattern, '/api/designs/[id]/deployments');
  assert.equal(routeRuleFor('HEAD', '/api/designs')?.pattern, '/api/designs', 'HEAD is checked as GET');
  assert.equal(routeRuleFor('PUT', '/api/designs'), undefined, 'a method without a rule is denied');
  assert.equal(routeRuleFor('GET', '/api/nothing-here'), undefined);
  assert.equal(routeRuleFor('GET', '/api/designs/a%2Fb')?.pattern, '/api/designs/[id]', 'an encoded slash stays inside its segment');
  assert.equal(pageRuleFor('/designs/abc')?.pattern, '/designs/[id]');
  assert.equal(pageRuleFor('/executions')?.pattern, '/executions');
});

test('the role matrix: designing and deploying only for designers and admins; viewers only read', () => {
  const design = ['POST', '/api/designs'] as const;
  const deploy = ['POST', '/api/designs/d1/deployments'] as const;
  const save = ['POST', '/api/designs/d1/versions'] as const;
  const start = ['POST', '/api/executions'] as const;
  const signal = ['POST', '/api/executions/w1/signals/approve'] as const;
  const update = ['POST', '/api/executions/w1/updates/approve'] as const;
  const read = ['GET', '/api/executions/w1'] as const;
  const users = ['GET', '/api/admin/users'] as const;

  for (const action of [design, deploy, save]) {
    assert.equal(may(['admin'], action), true);
    assert.equal(may(['designer'], action), true);
    for (const role of ['operator', 'approver', 'viewer', 'requester'] as const) assert.equal(may([role], action), false, `${role} ${action.join(' ')}`);
  }
  for (const action of [start, signal, update]) {
    assert.equal(may(['operator'], action), true);
    assert.equal(may(['viewer'], action), false);
    assert.equal(may(['requester'], action), false);
  }
  assert.equal(may(['viewer'], read), true);
  assert.equal(may(['viewer'], ['POST', '/api/executions/w1/queries/status']), true, 'a query changes nothing');
  assert.equal(may(['viewer', 'operator'], deploy), false, 'roles add up, none gives deploy');
  assert.equal(may(['designer'], users), false);
  assert.equal(may(['admin'], users), true);
  assert.equal(may([], read), false);
});

test('no rule lists an unknown role or an empty role list', () => {
  for (const rule of ROUTE_POLICY) {
    const access: Access = rule.access;
    if (access === 'public' || access === 'signed-in') continue;
    assert.ok(access.length > 0, `${rule.method} ${rule.pattern}`);
  }
  const keys = ROUTE_POLICY.map((r) => `${r.method} ${r.pattern}`);
  assert.equal(new Set(keys).size, keys.length, 'no duplicate rules');
});
