import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActiveDeployment } from '@/db/repository';
import { retirableVersions, type DeploymentRouting, type VersionStatus } from './version-retirement';

const now = Date.parse('2026-12-03T12:00:00Z');
const graceMs = 60_000;

function deployment(id: string, ageMs: number): ActiveDeployment {
  return {
    id,
    designId: 'd1',
    version: 1,
    workflowType: 'W',
    taskQueue: 'signalbox-design-d1',
    versioning: 'versioned',
    buildId: `v1-${id}`,
    status: 'active',
    createdAt: new Date(now - ageMs),
  };
}

function routing(current: string | null, ramping: string | null, versions: Record<string, VersionStatus>): DeploymentRouting {
  return { current, ramping, versions: new Map(Object.entries(versions)) };
}

const ids = (list: ActiveDeployment[]) => list.map((d) => d.id);

test('a drained version that is neither current nor ramping is retired; draining ones and the current one stay', () => {
  const all = [deployment('a', 600_000), deployment('b', 300_000), deployment('c', 100_000)];
  const state = routing('v1-c', null, {
    'v1-a': 'drained',
    'v1-b': 'draining',
    'v1-c': 'current',
  });
  assert.deepEqual(ids(retirableVersions(all, state, { now, graceMs })), ['a']);
});

test('drained but current again (rolled back to) or ramping is kept', () => {
  const all = [deployment('a', 600_000), deployment('b', 300_000), deployment('c', 100_000)];
  const state = routing('v1-a', 'v1-b', {
    'v1-a': 'drained',
    'v1-b': 'drained',
    'v1-c': 'draining',
  });
  assert.deepEqual(ids(retirableVersions(all, state, { now, graceMs })), []);
});

test('a version that never became active is retired after the grace period, but never the newest (about to be made current)', () => {
  const all = [deployment('old', 120_000), deployment('young', 1_000), deployment('newest', 200_000)];
  assert.deepEqual(
    ids(
      retirableVersions(all, routing('v1-x', null, { 'v1-old': 'inactive' }), {
        now,
        graceMs,
      }),
    ),
    ['old'],
  );
  assert.deepEqual(ids(retirableVersions(all, null, { now, graceMs })), ['old']);
});

test('legacy deployments (no build id) are never decided here', () => {
  const legacy = {
    ...deployment('l', 600_000),
    versioning: 'legacy' as const,
    buildId: null,
    taskQueue: 'signalbox-l',
  };
  assert.deepEqual(ids(retirableVersions([legacy, deployment('n', 1)], null, { now, graceMs })), []);
});
