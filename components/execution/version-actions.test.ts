import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeploymentVersionView } from '@/lib/deploy/versioning-view';
import { parseRampPercentage, versionActions, versionLabel } from './version-actions';

function row(id: string, day: number, status: DeploymentVersionView['status']): DeploymentVersionView {
  return { deploymentId: id, version: day, buildId: status === 'legacy' ? null : `v${day}-${id}`, taskQueue: 'q', createdAt: `2026-12-0${day}T00:00:00.000Z`, status, executions: null };
}

test('a row offers promote when newer than the current version, rollback when older, ramp when neither current nor ramping', () => {
  const old = row('a', 1, 'draining');
  const current = row('b', 2, 'current');
  const newer = row('c', 3, 'inactive');
  const legacy = row('l', 1, 'legacy');
  const view = { deployments: [newer, current, old, legacy], currentBuildId: current.buildId };
  assert.deepEqual(versionActions(current, view), []);
  assert.deepEqual(versionActions(newer, view), ['promote', 'ramp']);
  assert.deepEqual(versionActions(old, view), ['rollback', 'ramp']);
  assert.deepEqual(versionActions(legacy, view), ['redeploy']);
  assert.deepEqual(versionActions({ ...newer, status: 'ramping' }, view), ['promote', 'stop-ramp']);
  assert.deepEqual(versionActions(row('r', 1, 'retired'), view), ['rollback', 'ramp']);
});

test('without a current version a row can only be promoted (a ramp needs a current version for the rest)', () => {
  const only = row('a', 1, 'inactive');
  assert.deepEqual(versionActions(only, { deployments: [only], currentBuildId: null }), ['promote']);
});

test('a ramp percentage is a whole number from 1 to 99', () => {
  assert.deepEqual(parseRampPercentage(' 25 % '), { percentage: 25 });
  assert.deepEqual(parseRampPercentage('1'), { percentage: 1 });
  for (const bad of ['0', '100', '12.5', '', 'ten', '-5']) assert.ok('error' in parseRampPercentage(bad), bad);
});

test('a version deployed twice is told apart by which deploy of it a row is', () => {
  const a = row('a', 1, 'draining');
  const b = { ...row('b', 2, 'current'), version: 1 };
  const c = row('c', 3, 'inactive');
  const all = [c, b, a];
  assert.equal(versionLabel(a, all), 'v1 (deploy 1)');
  assert.equal(versionLabel(b, all), 'v1 (deploy 2)');
  assert.equal(versionLabel(c, all), 'v3');
});
