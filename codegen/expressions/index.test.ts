import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkExpression,
  compileExpression,
  emitExpression,
  formatType,
  parseExpression,
  referencedNames,
  type Expr,
} from './index';
import { SCOPE } from './testing';

function parse(text: string): Expr {
  const r = parseExpression(text);
  if (!r.ok) assert.fail(r.error.message);
  return r.ast;
}

describe('compileExpression', () => {
  it('parses, checks and emits', () => {
    const r = compileExpression('approved == false && input.amount > 10', SCOPE, 'boolean');
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.code, 'approved === false && input.amount > 10');
    assert.deepEqual(r.type, { kind: 'boolean' });
    assert.equal(r.ast.kind, 'binary');
    assert.equal(emitExpression(r.ast), r.code);
  });

  it('reports a wrong result type over the whole expression', () => {
    assert.deepEqual(compileExpression(' "yes" ', SCOPE, 'boolean'), {
      ok: false,
      errors: [{ message: 'Expected a boolean, got string', start: 1, end: 6 }],
    });
    assert.deepEqual(compileExpression('count > 1', SCOPE, 'number'), {
      ok: false,
      errors: [{ message: 'Expected a number, got boolean', start: 0, end: 9 }],
    });
    assert.deepEqual(compileExpression('1', SCOPE, 'string'), {
      ok: false,
      errors: [{ message: 'Expected a string, got number', start: 0, end: 1 }],
    });
  });

  it('returns the parse error as a one-element list', () => {
    assert.deepEqual(compileExpression('approved = true', SCOPE), {
      ok: false,
      errors: [{ message: 'Unexpected "=" at position 9; did you mean "=="?', start: 9, end: 10 }],
    });
  });

  it('returns every type error', () => {
    const r = compileExpression('aproved && count', SCOPE, 'boolean');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(
      r.errors.map((e) => e.message),
      [
        'Unknown name "aproved" at position 0; did you mean "approved"?',
        'Expected a boolean on the right of "&&", got number at position 11',
      ],
    );
  });

  it('reports an empty expression', () => {
    assert.deepEqual(compileExpression('', SCOPE), {
      ok: false,
      errors: [{ message: 'The expression is empty', start: 0, end: 0 }],
    });
  });

  it('accepts a whole record as the result (a query answers with one), typed as the record', () => {
    const r = compileExpression('args', SCOPE);
    assert.ok(r.ok);
    if (r.ok) assert.deepEqual(r.type, { kind: 'object', fields: { comment: { kind: 'string' } } });
  });
});

describe('checkExpression (direct)', () => {
  it('returns the type', () => {
    assert.deepEqual(checkExpression(parse('str(count)'), SCOPE), { ok: true, type: { kind: 'string' }, lowerings: new Map() });
  });
});

describe('referencedNames', () => {
  it('collects top-level names, not fields or functions', () => {
    const names = referencedNames(parse('approved && len(input.requestId) > count ? args.comment : lower(name)'));
    assert.deepEqual([...names].sort(), ['approved', 'args', 'count', 'input', 'name']);
  });

  it('is empty for literals', () => {
    assert.equal(referencedNames(parse('1 + 2 == 3')).size, 0);
  });

  it('reads inside records, lists and f-strings, but not the item name of item => …', () => {
    const names = referencedNames(parse('{a: filter(items, item => item.sku == args.sku), b: [count], c: f"{name}"}'));
    assert.deepEqual([...names].sort(), ['args', 'count', 'items', 'name']);
  });

  it('counts a name once', () => {
    assert.deepEqual([...referencedNames(parse('count + count * count'))], ['count']);
  });
});

describe('formatType', () => {
  it('formats primitives and objects (fields sorted)', () => {
    assert.equal(formatType({ kind: 'string' }), 'string');
    assert.equal(formatType({ kind: 'number' }), 'number');
    assert.equal(formatType({ kind: 'boolean' }), 'boolean');
    assert.equal(formatType({ kind: 'object', fields: { requestId: { kind: 'string' } } }), '{ requestId: string }');
    assert.equal(
      formatType(SCOPE.names.input),
      '{ address: { city: string }; amount: number; requestId: string; urgent: boolean }',
    );
    assert.equal(formatType({ kind: 'object', fields: {} }), '{}');
  });
});
