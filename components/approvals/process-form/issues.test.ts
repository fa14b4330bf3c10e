import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issueElementId, issueLines, sentenceOf } from './issues';

test('each problem once, grouped by field, as a sentence naming where it is', () => {
  const lines = issueLines([
    { path: 'name', message: 'needs a name' },
    { path: 'name', message: 'needs at least one letter' },
    { path: 'levels.0.required', message: 'needs 4 approvals but only 3 approvers are listed' },
    { path: 'name', message: 'needs a name' },
  ]);
  assert.deepEqual(lines.map(sentenceOf), [
    'Process name: needs a name; needs at least one letter.',
    'Level 1 › approvals needed: needs 4 approvals but only 3 approvers are listed.',
  ]);
  assert.equal(sentenceOf({ path: '', where: 'The process', messages: ['is wrong!'] }), 'The process: is wrong!');
});

test('inline messages get ids a screen reader can point to', () => {
  assert.equal(issueElementId('levels.0.approvers.1.name'), 'process-issue-levels-0-approvers-1-name');
  assert.equal(issueElementId(''), 'process-issue-process');
});
