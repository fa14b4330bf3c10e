import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isHandlerNode, flowOutputs } from '@/codegen/design';
import { goldenDesign } from '@/codegen/testing/fixtures';
import { HANDLER_OUT, sourceHandles } from './handles';

test('the canvas offers exactly the outputs validation requires connected, for every node of every golden design', () => {
  const goldens = readdirSync(join(import.meta.dirname, '..', '..', 'codegen', '__golden__'));
  let checked = 0;
  for (const name of goldens) {
    for (const node of goldenDesign(name).nodes) {
      const expected = isHandlerNode(node) ? [HANDLER_OUT] : flowOutputs(node);
      assert.deepEqual(sourceHandles(node), expected, `${name}: ${node.id}`);
      checked++;
    }
  }
  assert.ok(checked > 50);
});

test('a node still being drawn (no branches yet, no timeout) offers what it has so far', () => {
  assert.deepEqual(sourceHandles({ type: 'decision' }), ['else']);
  assert.deepEqual(sourceHandles({ type: 'wait' }), ['met']);
  assert.deepEqual(sourceHandles({ type: 'end' }), []);
  assert.deepEqual(sourceHandles({ type: 'update' }), [HANDLER_OUT]);
});
