import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeStage, describeStages, formatDuration, stoppedAt } from './deploy-stages';

const during = { ended: false, hadActiveDeployment: false };
const words = (outcome: { label: string; words: string }) => `${outcome.label}: ${outcome.words}`;

test('a passed stage says so with its time', () => {
  assert.equal(words(describeStage('typecheck', { stage: 'typecheck', state: 'done', ms: 412 }, during)), 'Type check: passed in 412 ms');
  assert.equal(words(describeStage('bundle', { stage: 'bundle', state: 'done', ms: 1530 }, during)), 'Bundle: done in 1.5 s');
  assert.equal(describeStage('validate', { stage: 'validate', state: 'done', ms: 3 }, during).tone, 'passed');
});

test('the started worker says it polls, and which build is current', () => {
  const outcome = describeStage('start-worker', { stage: 'start-worker', state: 'done', ms: 1400, message: 'build v3-k2x9abcd is current' }, during);
  assert.equal(words(outcome), 'Start worker: polling in 1.4 s — version 3 is current');
  const ramping = describeStage('start-worker', { stage: 'start-worker', state: 'done', ms: 90, message: 'build v4-k2x9abcd ramps at 10 %' }, during);
  assert.equal(words(ramping), 'Start worker: polling in 90 ms — version 4 ramps at 10 %');
});

test('a skipped replay check says why: first deploy, or no executions of the previous version', () => {
  const line = { stage: 'replay', state: 'skipped', message: 'no earlier deployment of this design to compare with' } as const;
  assert.equal(words(describeStage('replay', line, during)), 'Replay check: skipped — first deploy, nothing to compare with');
  assert.equal(
    words(describeStage('replay', line, { ended: false, hadActiveDeployment: true })),
    'Replay check: skipped — no executions of the previous version to compare with',
  );
  assert.equal(words(describeStage('replay', line, { ended: false, hadActiveDeployment: null })), 'Replay check: skipped — nothing earlier to compare with');
  assert.equal(describeStage('replay', line, during).tone, 'skipped');
});

test('a rollback skips the checks because its code was verified before, without showing a deployment id', () => {
  const outcome = describeStage('typecheck', { stage: 'typecheck', state: 'skipped', message: 'reusing the verified code of deployment abc123' }, during);
  assert.equal(words(outcome), 'Type check: skipped — code already verified when first deployed');
});

test('a running stage says what it does; an unreached one waits, or did not run once the deploy stopped', () => {
  assert.equal(words(describeStage('start-worker', { stage: 'start-worker', state: 'running' }, during)), 'Start worker: waiting for a worker to poll…');
  assert.equal(words(describeStage('bundle', undefined, during)), 'Bundle: waiting');
  assert.equal(words(describeStage('bundle', undefined, { ended: true, hadActiveDeployment: false })), 'Bundle: not run');
});

test('a failed or warning stage says so in words and points at the details', () => {
  assert.equal(words(describeStage('validate', { stage: 'validate', state: 'failed', ms: 20 }, during)), 'Validate: failed after 20 ms — see below');
  const warned = describeStage('replay', { stage: 'replay', state: 'warning', ms: 800 }, during);
  assert.equal(words(warned), 'Replay check: would break running executions in 800 ms — see below');
  assert.equal(warned.tone, 'warning');
});

test('every stage is described, in order, and the stage a deploy stopped at is found', () => {
  const stages = { validate: { stage: 'validate', state: 'done', ms: 5 }, generate: { stage: 'generate', state: 'failed', ms: 9 } } as const;
  assert.deepEqual(describeStages(stages, during).map((s) => s.name), ['validate', 'generate', 'typecheck', 'bundle', 'replay', 'start-worker']);
  assert.equal(stoppedAt(stages), 'generate');
  assert.equal(stoppedAt({ validate: { stage: 'validate', state: 'done' } }), null);
});

test('durations read as ms under a second, else seconds with one decimal', () => {
  assert.equal(formatDuration(999), '999 ms');
  assert.equal(formatDuration(1000), '1.0 s');
});
