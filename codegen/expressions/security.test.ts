import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ts from 'typescript';
import { emitExpression } from './emit';
import { compileExpression } from './index';
import { ENV, SCOPE, evaluate, sourceLiteral } from './testing';

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
    '{__proto__: 1}',
    '{constructor: {}}',
    '{prototype: 1}',
    '{"a": 1}',
    '{[name]: 1}',
    '{a}',
    '{...input}',
    '[...tags]',
    'x => process',
    'filter(input, x => x)',
    'map(input.address, constructor => 1)',
    'f"{process.exit(1)}"',
    'f"{name}" + `x`',
    'f"{"',
    'f"}"',
    'now',
    'Date.now()',
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

describe('security: records, lists, functions and f-strings only ever emit data, names and fixed text', () => {
  const LIST_SCOPE = {
    names: { ...SCOPE.names, orders: { kind: 'list' as const, item: { kind: 'object' as const, fields: { note: { kind: 'string' as const } } } } },
  };
  const compileOk = (source: string): string => {
    const r = compileExpression(source, LIST_SCOPE);
    if (!r.ok) assert.fail(r.errors.map((e) => e.message).join(' | '));
    return r.code;
  };
  /** Every token of the code is a fixed word, a scope name, punctuation or a string literal holding `value`. */
  const assertOnly = (code: string, allowedWords: string[], value?: string): void => {
    const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, code);
    for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
      const text = scanner.getTokenText();
      if (token === ts.SyntaxKind.StringLiteral) {
        if (value !== undefined) assert.ok(value.includes(scanner.getTokenValue()), `unexpected string ${text}`);
      } else if (token === ts.SyntaxKind.Identifier || (token >= ts.SyntaxKind.FirstKeyword && token <= ts.SyntaxKind.LastKeyword)) {
        assert.ok(allowedWords.includes(text), `unexpected word ${text} in ${code}`);
      } else {
        assert.ok(!/^[`$]/.test(text) && token !== ts.SyntaxKind.NoSubstitutionTemplateLiteral && token !== ts.SyntaxKind.TemplateHead, `unexpected token ${text}`);
      }
    }
  };

  for (const value of HOSTILE) {
    it(`a hostile value as a record field, a list item and an f-string part: ${JSON.stringify(value)}`, () => {
      const literal = sourceLiteral(value);
      const record = compileOk(`{note: ${literal}, snake_key: [${literal}, name]}`);
      assertOnly(record, ['note', 'snake_key', 'name'], value);
      assert.deepEqual(evaluate(record), { note: value, snake_key: [value, '  Bob '] });
      // In an f-string the text is written raw (only quotes, backslashes, braces and line breaks escaped).
      const raw = value.replace(/[{}]/g, (b) => b + b);
      const fsource = 'f' + sourceLiteral(raw).replace(/^"|"$/g, '"');
      const template = compileOk(`${fsource.slice(0, -1)}{name}"`);
      assertOnly(template, ['String', 'name'], value);
      assert.equal(evaluate(template), `${value}  Bob `);
      const filtered = compileOk(`filter(orders, order => order.note == ${literal})`);
      assertOnly(filtered, ['orders', 'filter', 'order', 'note'], value);
      assert.deepEqual(evaluate(filtered, { ...ENV, orders: [{ note: value }, { note: 'x' }] }), value === 'x' ? [{ note: value }, { note: 'x' }] : [{ note: value }]);
    });
  }

  it('"$" before a brace in an f-string is plain text (the chapter\'s "${total}"), not a JavaScript substitution', () => {
    const code = compileOk('f"${name}"');
    assert.equal(code, '"$" + String(name)');
    assert.equal(evaluate(code), '$  Bob ');
  });

  it('emits no key, item name or name the checker did not validate', () => {
    assert.throws(() => emitExpression({ kind: 'record', fields: [{ key: '__proto__', keyStart: 0, value: { kind: 'number', value: 1, start: 0, end: 1 } }], start: 0, end: 1 }), /Refusing to emit invalid property name/);
    assert.throws(() => emitExpression({ kind: 'record', fields: [{ key: 'a: 1, b', keyStart: 0, value: { kind: 'number', value: 1, start: 0, end: 1 } }], start: 0, end: 1 }), /Refusing to emit invalid property name/);
    const lambda = { kind: 'lambda' as const, param: 'x) => process.exit(1) || ((y', body: { kind: 'boolean' as const, value: true, start: 0, end: 1 }, start: 0, end: 1 };
    const list = { kind: 'identifier' as const, name: 'tags', start: 0, end: 1 };
    assert.throws(() => emitExpression({ kind: 'call', callee: 'filter', args: [list, lambda], start: 0, end: 1 }), /Refusing to emit invalid identifier/);
    assert.throws(() => emitExpression({ kind: 'template', parts: [{ kind: 'identifier', name: 'a;b', start: 0, end: 1 }], start: 0, end: 1 }), /Refusing to emit invalid identifier/);
    assert.throws(() => emitExpression({ kind: 'lambda', param: 'x', body: list, start: 0, end: 1 }), /outside a call/);
  });

  it('random f-string and record sources never throw, and what is accepted evaluates inside the scope', () => {
    const piece = fc.constantFrom('f"', '{', '}', '{{', '}}', 'name', ':', ',', '"', "'", 'x =>', '[', ']', 'len(', ')', 'filter(', 'orders', '.note', '\\', '$', '`');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const r = compileExpression(text, LIST_SCOPE);
        if (r.ok) {
          evaluate(r.code, { ...ENV, orders: [] });
          return;
        }
        for (const e of r.errors) assert.ok(e.start >= 0 && e.end >= e.start && e.end <= text.length, `${text}: ${e.message}`);
      }),
      { numRuns: 1000 },
    );
  });
});
