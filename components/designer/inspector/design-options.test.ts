import assert from 'node:assert/strict';
import { test } from 'node:test';
import { designOptions } from './useDesignNames';

test('a step naming another design offers the saved designs by name, and keeps a name that is not (or not yet) listed', () => {
  assert.deepEqual(designOptions(['Orchestrator', 'TaskWorker'], 'TaskWorker', '(choose a design)').map((o) => o.value), ['', 'Orchestrator', 'TaskWorker']);
  assert.deepEqual(designOptions([], 'TaskWorker', '(choose a design)'), [
    { value: '', label: '(choose a design)' },
    { value: 'TaskWorker', label: 'TaskWorker' },
  ]);
  assert.deepEqual(designOptions(['A'], undefined, '(any workflow)'), [{ value: '', label: '(any workflow)' }, { value: 'A', label: 'A' }]);
});
