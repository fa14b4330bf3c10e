/** Test helpers: picking a node out of a design and a finding out of a validation's diagnostics. */
import assert from 'node:assert/strict';
import type { Diagnostic } from '../diagnostics';
import type { Design, DesignNode } from '../schema/design';

/** The node with this id, typed as the caller expects it to be; throws when there is none. */
export function nodeById<T extends DesignNode['type']>(design: Design, id: string): Extract<DesignNode, { type: T }> {
  const found = design.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found as Extract<DesignNode, { type: T }>;
}

/** The first diagnostic with this code; fails the test, listing all of them, when there is none. */
export function findDiagnostic(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === code);
  assert.ok(found, `expected a ${code} diagnostic, got ${JSON.stringify(diagnostics, null, 1)}`);
  return found;
}
