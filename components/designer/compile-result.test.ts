import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '@/codegen/design';
import { keepUnchangedDiagnostics, keepUnchangedFiles } from './compile-result';

const file = (path: string, contents: string) => ({ path, contents });

test('an answer with the same files keeps the previous array and objects', () => {
  const previous = [file('workflows.ts', 'a'), file('shared.ts', 'b')];
  assert.equal(keepUnchangedFiles(previous, [file('workflows.ts', 'a'), file('shared.ts', 'b')]), previous);
});

test('a changed file is replaced; the unchanged ones keep their objects', () => {
  const previous = [file('workflows.ts', 'a'), file('shared.ts', 'b')];
  const merged = keepUnchangedFiles(previous, [file('workflows.ts', 'a2'), file('shared.ts', 'b')]);
  assert.notEqual(merged, previous);
  assert.equal(merged[0]!.contents, 'a2');
  assert.equal(merged[1], previous[1]);
});

test('a file that appears or disappears changes the array', () => {
  const previous = [file('workflows.ts', 'a')];
  assert.equal(keepUnchangedFiles(previous, [file('workflows.ts', 'a'), file('money.ts', 'm')]).length, 2);
  assert.deepEqual(keepUnchangedFiles([...previous, file('money.ts', 'm')], previous), previous);
});

test('diagnostics equal in content keep the previous array', () => {
  const diagnostic = { severity: 'error', message: 'x', nodeId: 'n1' } as unknown as Diagnostic;
  const previous = [diagnostic];
  assert.equal(keepUnchangedDiagnostics(previous, [{ ...diagnostic }]), previous);
  const changed = [{ ...diagnostic, message: 'y' }] as Diagnostic[];
  assert.equal(keepUnchangedDiagnostics(previous, changed), changed);
  const none: Diagnostic[] = [];
  assert.equal(keepUnchangedDiagnostics(none, []), none);
});
