import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { STEPS } from '../../codegen/steps';
import { KINDS, PALETTE_GROUPS } from './kinds';

const root = join(import.meta.dirname, '..', '..');
const pascal = (kind: string): string => kind.charAt(0).toUpperCase() + kind.slice(1);

// Each codegen/steps/<kind>.ts names its UI pieces by this convention; this keeps the names true.
test('every flow step kind has its canvas node, its inspector form and its palette entry where its step file says', () => {
  const offered = new Set(PALETTE_GROUPS.flatMap((g) => g.kinds));
  for (const kind of Object.keys(STEPS)) {
    assert.ok(existsSync(join(root, 'components/flow/nodes', `${pascal(kind)}Node.tsx`)), `${kind}: canvas node`);
    assert.ok(KINDS[kind as keyof typeof KINDS], `${kind}: KINDS entry`);
    // A design has exactly one Start, created with it: no form, not in the palette.
    if (kind === 'start') continue;
    assert.ok(existsSync(join(root, 'components/designer/inspector', `${pascal(kind)}Form.tsx`)), `${kind}: inspector form`);
    assert.ok(offered.has(kind as keyof typeof KINDS), `${kind}: palette`);
  }
});
