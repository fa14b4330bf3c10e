import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTags } from './WorkflowSettings';

test('tags: trimmed, empty ones dropped, each once; none is absent', () => {
  assert.deepEqual(parseTags(' finance, Onboarding ,, finance'), ['finance', 'Onboarding']);
  assert.equal(parseTags(' , '), undefined);
});
