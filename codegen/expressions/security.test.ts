import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ts from 'typescript';
import { compileExpression } from './index';
import { SCOPE, evaluate, sourceLiteral } from './testing';

/** Compiles a string literal written in the expression language and returns the emitted code. */
function emitLiteral(source: string): string {
  const r = compileExpression(source, SCOPE, 'string');
  if (!r.ok) assert.fail(r.errors.map((e) => e.message).join(' | '));
  return r.code;
}

/** The emitted code must be exactly one string-literal token (so nothing can break out of it). */
function assertSingleStringLiteral(code: string): void {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, code);
  assert.equal(scanner.scan(), ts.SyntaxKind.StringLiteral, code);
  assert.equal(scanner.scan(), ts.SyntaxKind.EndOfFileToken, code);
}

const HOSTILE = [
  'a"; process.exit(1); //',
  "a'; process.exit(1); //",
  '`${process.exit(1)}`',
  '${x}',
  '*/ process.exit(1); /*',
  '</script><script>alert(1)</script>',
  'line1\nline2\r\nline3',
  'tab\there',
  'back\\slash\\',
  '\\"; evil(); "',
  '\u2028\u2029',
  'nul\u0000byte',
  'héllo wörld 👋 — ✓',
  '\ud800 lone surrogate',
  '"',
  "'",
  '\\',
  '',
];

describe('security: hostile strings are emitted as inert data', () => {
  for (const value of HOSTILE) {
    it(JSON.stringify(value), () => {
      for (const source of [sourceLiteral(value, '"'), sourceLiteral(value, "'"), sourceLiteral(value, '"', true)]) {
        const code = emitLiteral(source);
        assertSingleStringLiteral(code);
        assert.equal(evaluate(code), value);
      }
    });
  }

  it('the classic breakout, written directly in the designer, stays a string', () => {
    const code = emitLiteral('"a\\"; process.exit(1); //"');
    assert.equal(code, '"a\\"; process.exit(1); //"');
    assertSingleStringLiteral(code);
    assert.equal(evaluate(code), 'a"; process.exit(1); //');
  });

  it('escapes U+2028 and U+2029 in emitted code', () => {
    assert.equal(emitLiteral('"\u2028\u2029"'), '"\\u2028\\u2029"');
  });

  it('keeps any random string intact through source, parse and emission', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom<'"' | "'">('"', "'"), fc.boolean(), (value, quote, all) => {
        const code = emitLiteral(sourceLiteral(value, quote, all));
        assertSingleStringLiteral(code);
        assert.equal(evaluate(code), value);
      }),
      { numRuns: 500 },
    );
  });

  it('concatenations with hostile strings only ever produce literals, names and "+"', () => {
    const r = compileExpression('"`${" + name + "}`" + "*/"', SCOPE);
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.equal(r.code, '"`${" + name + "}`" + "*/"');
    assert.equal(evaluate(r.code), '`${  Bob }`*/');
  });
});

describe('security: nothing but the language gets through', () => {
  const rejected = [
    '`${process.exit(1)}`',
    'process.exit(1)',
    'constructor.constructor("return process")()',
    'input.constructor',
    'input["constructor"]',
    'name.constructor',
    'x = 1',
    'a; b',
    '(() => 1)()',
    'function() {}',
    'new Date()',
    'typeof input',
    'void 0',
    'delete input.amount',
    'this',
    'globalThis',
    'import("fs")',
    'require("fs")',
    'eval("1")',
    'len(name) /* comment */',
    'a // comment',
    'name\u2028+ 1',
    '${name}',
    'count++',
    'count += 1',
    'a, b',
    'a ?? b',
    'a?.b',
    'a ** 2',
    'a << 2',
    'a ~ b',
    '@x',
    '#x',
    '\\u0061',
  ];
  for (const text of rejected) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      const r = compileExpression(text, SCOPE);
      assert.equal(r.ok, false);
      if (r.ok) return;
      for (const e of r.errors) {
        assert.ok(e.start >= 0 && e.end >= e.start && e.end <= text.length, `${e.message} [${e.start}, ${e.end}]`);
        assert.match(e.message, /at position \d+|is empty/);
      }
    });
  }

  it('rejects random non-language text without throwing, always with a range inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const r = compileExpression(text, SCOPE);
        if (r.ok) {
          // Whatever is accepted must evaluate without touching anything outside the scope.
          evaluate(r.code);
          return;
        }
        for (const e of r.errors) assert.ok(e.start >= 0 && e.end >= e.start && e.end <= text.length);
      }),
      { numRuns: 1000 },
    );
  });
});
