import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileExpression } from './index';
import { evaluate } from './testing';
import type { Scope } from './types';

/** slice and replace, as the chapter's Python writes them (card_token[-16:], str.replace). */
const SCOPE: Scope = { names: { token: { kind: 'string' }, n: { kind: 'number' }, total: { kind: 'money' } } };
const ENV = { token: 'tok_1234567890abcdef', n: 4, total: '12.50' };

function run(text: string): unknown {
  const r = compileExpression(text, SCOPE);
  if (!r.ok) assert.fail(r.errors.map((e) => e.message).join(' | '));
  assert.equal(r.type.kind, 'string');
  return evaluate(r.code, ENV);
}

function errorOf(text: string): string {
  const r = compileExpression(text, SCOPE);
  assert.equal(r.ok, false, text);
  return r.ok ? '' : r.errors.map((e) => e.message).join(' | ');
}

describe('slice(text, start[, end]): Python slicing', () => {
  const python: Array<[string, string]> = [
    ['slice(token, -16)', '1234567890abcdef'], // token[-16:]
    ['slice(token, 4)', '1234567890abcdef'], // token[4:]
    ['slice(token, 0, 8)', 'tok_1234'], // token[:8]
    ['slice(token, -6, -3)', 'abc'], // token[-6:-3]
    ['slice(token, 30)', ''], // past the end: empty, as in Python
    ['slice(token, -100, 3)', 'tok'], // before the start: from the start
    ['slice(token, 5, 2)', ''], // end before start: empty
    ['slice(token, n)', '1234567890abcdef'],
    ['"txn_" + slice(token, -16)', 'txn_1234567890abcdef'],
  ];
  for (const [text, want] of python) it(`${text} = ${JSON.stringify(want)}`, () => assert.equal(run(text), want));

  it('emits String.prototype.slice, whose negative indexes count from the end like Python', () => {
    const r = compileExpression('slice(token, -16)', SCOPE);
    assert.ok(r.ok);
    if (r.ok) assert.equal(r.code, 'token.slice(-16)');
  });

  it('refuses a fractional literal position, a non-text, a missing or an extra argument', () => {
    assert.match(errorOf('slice(token, 1.5)'), /whole-number positions/);
    assert.match(errorOf('slice(token, -1.5)'), /whole-number positions/);
    assert.match(errorOf('slice(n, 1)'), /Argument 1 of slice must be a string, got number/);
    assert.match(errorOf('slice(token, "1")'), /Argument 2 of slice must be a number, got string/);
    assert.match(errorOf('slice(token)'), /slice takes 2 or 3 arguments, got 1/);
    assert.match(errorOf('slice(token, 1, 2, 3)'), /slice takes 2 or 3 arguments, got 4/);
  });
});

describe('replace(text, old, new): every occurrence, as Python str.replace', () => {
  const python: Array<[string, string]> = [
    ['replace(token, "tok_", "")', '1234567890abcdef'],
    ['replace("a-b-c", "-", "+")', 'a+b+c'],
    ['replace("abc", "", "-")', '-a-b-c-'], // Python: '-a-b-c-'
    ['replace("abc", "x", "y")', 'abc'],
    ['"txn_" + replace(token, "tok_", "")', 'txn_1234567890abcdef'],
  ];
  for (const [text, want] of python) it(`${text} = ${JSON.stringify(want)}`, () => assert.equal(run(text), want));

  it('takes the new text literally: $& and $1 are not replacement patterns', () => {
    assert.equal(run('replace("ab", "b", "$&$&")'), 'a$&$&');
    assert.equal(run('replace("ab", "b", "$1$`")'), 'a$1$`');
  });

  it('refuses anything but text', () => {
    assert.match(errorOf('replace(token, "a", n)'), /Argument 3 of replace must be a string, got number/);
    assert.match(errorOf('replace(total, "a", "b")'), /Argument 1 of replace must be a string, got money/);
    assert.match(errorOf('replace(token, "a")'), /replace takes 3 arguments, got 2/);
  });
});

describe('security: slice and replace emit only fixed text, the scope\'s names and literals', () => {
  const HOSTILE = ['"); process.exit(1); ("', '$&', '${process.exit(1)}', '`', '\\', '\u2028', ') => process.exit(1) || ('];
  for (const value of HOSTILE) {
    it(`a hostile old or new text stays data: ${JSON.stringify(value)}`, () => {
      const literal = JSON.stringify(value);
      const r = compileExpression(`replace(slice(token, 0, 4), "tok_", ${literal})`, SCOPE);
      if (!r.ok) assert.fail(r.errors.map((e) => e.message).join(' | '));
      assert.match(r.code, /^token\.slice\(0, 4\)\.replaceAll\("tok_", \(\) => "/);
      assert.equal(evaluate(r.code, ENV), value);
      const old = compileExpression(`replace(${literal}, ${literal}, "x")`, SCOPE);
      assert.ok(old.ok);
      if (old.ok) assert.equal(evaluate(old.code, ENV), 'x');
    });
  }
});
