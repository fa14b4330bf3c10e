import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Expr } from './ast';
import { emitExpression } from './emit';
import { compileExpression } from './index';
import { parseExpression } from './parser';
import { ENV, SCOPE, evaluate, sourceLiteral } from './testing';

function emit(text: string): string {
  const r = compileExpression(text, SCOPE);
  if (!r.ok) assert.fail(r.errors.map((e) => e.message).join(' | '));
  return r.code;
}

function ast(text: string): Expr {
  const r = parseExpression(text);
  if (!r.ok) assert.fail(r.error.message);
  return r.ast;
}

describe('emit: minimal, correct parentheses', () => {
  const cases: Array<[string, string]> = [
    ['1 + 2 * 3', '1 + 2 * 3'],
    ['(1 + 2) * 3', '(1 + 2) * 3'],
    ['((count))', 'count'],
    ['count - (ratio - 1)', 'count - (ratio - 1)'],
    ['(count - ratio) - 1', 'count - ratio - 1'],
    ['count / (ratio * 2)', 'count / (ratio * 2)'],
    ['"a" + (count + 1)', '"a" + (count + 1)'],
    ['("a" + count) + 1', '"a" + count + 1'],
    ['approved == (count > 1)', 'approved === count > 1'],
    ['(approved == flag) == true', 'approved === flag === true'],
    ['approved == (flag == true)', 'approved === (flag === true)'],
    ['count != 1', 'count !== 1'],
    ['approved || flag && input.urgent', 'approved || flag && input.urgent'],
    ['(approved || flag) && input.urgent', '(approved || flag) && input.urgent'],
    ['!(approved && flag)', '!(approved && flag)'],
    ['!!approved', '!!approved'],
    ['-(-count)', '-(-count)'],
    ['- -count', '-(-count)'],
    ['-(count + 1)', '-(count + 1)'],
    ['-count * 2', '-count * 2'],
    ['count - -1', 'count - -1'],
    ['approved ? 1 : flag ? 2 : 3', 'approved ? 1 : flag ? 2 : 3'],
    ['(approved ? flag : input.urgent) ? 1 : 2', '(approved ? flag : input.urgent) ? 1 : 2'],
    ['approved ? (flag ? 1 : 2) : 3', 'approved ? flag ? 1 : 2 : 3'],
    ['(approved ? 1 : 2) + 3', '(approved ? 1 : 2) + 3'],
    ['-input.amount', '-input.amount'],
    ['input.address.city', 'input.address.city'],
    ['len(name)', 'name.length'],
    ['len(name + "x")', '(name + "x").length'],
    ['len(approved ? name : "x")', '(approved ? name : "x").length'],
    ['len(input.requestId)', 'input.requestId.length'],
    ['len(lower(name))', 'name.toLowerCase().length'],
    ['len("abc")', '"abc".length'],
    ['-len(name)', '-name.length'],
    ['upper(trim(name))', 'name.trim().toUpperCase()'],
    ['contains(name, "b")', 'name.includes("b")'],
    ['startsWith(name + "x", "B")', '(name + "x").startsWith("B")'],
    ['str(count + 1)', 'String(count + 1)'],
    ['round(ratio)', 'Math.round(ratio)'],
    ['floor(ratio) + ceil(ratio) + abs(-ratio)', 'Math.floor(ratio) + Math.ceil(ratio) + Math.abs(-ratio)'],
    ['min(count, approved ? 1 : 2)', 'Math.min(count, approved ? 1 : 2)'],
    ['max(1, 2)', 'Math.max(1, 2)'],
    ['0.5 + 10', '0.5 + 10'],
    ["'single'", '"single"'],
  ];
  for (const [text, code] of cases) {
    it(`${text}  →  ${code}`, () => assert.equal(emit(text), code));
  }

  it('is deterministic', () => {
    const text = 'approved ? upper(name) + str(count * 2) : "none"';
    assert.equal(emit(text), emit(text));
    assert.equal(emitExpression(ast(text)), emitExpression(structuredClone(ast(text))));
  });
});

describe('emit: round trip (emitted code evaluates to the right value)', () => {
  const cases: Array<[string, unknown]> = [
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['10 - (4 - 3)', 9],
    ['2 * 3 % 4', 2],
    ['7 / 2', 3.5],
    ['"a" + 1 + 2', 'a12'],
    ['1 + 2 + "a"', '3a'],
    ['"a" + (1 + 2)', 'a3'],
    ['"x" + approved', 'xfalse'],
    ['count > 5 && !approved', true],
    ['approved || count == 7', true],
    ['count >= 7 == true', true],
    ['"b" < "a"', false],
    ['approved ? 1 : flag ? 2 : 3', 2],
    ['-count + 1', -6],
    ['- -count', 7],
    ['len(name)', 6],
    ['len(trim(name))', 3],
    ['upper(trim(name)) + "!"', 'BOB!'],
    ['lower(name)', '  bob '],
    ['contains(lower(name), "bo")', true],
    ['startsWith(trim(name), "B")', true],
    ['str(ratio) + str(approved)', '2.5false'],
    ['round(ratio) + floor(ratio) + ceil(ratio)', 3 + 2 + 3],
    ['abs(-count)', 7],
    ['min(count, input.amount) + max(count, input.amount)', 19],
    ['input.urgent && input.address.city == "Oslo"', true],
    ['args.comment + "/" + input.requestId', 'ok/r-1'],
  ];
  for (const [text, value] of cases) {
    it(`${text} = ${JSON.stringify(value)}`, () => assert.deepEqual(evaluate(emit(text)), value));
  }
});

describe('emit: defence in depth (hand-built ASTs that the parser cannot produce)', () => {
  const pos = { start: 0, end: 0 };
  const bad: Array<[string, unknown]> = [
    ['identifier with code', { kind: 'identifier', name: 'process.exit(1)', ...pos }],
    ['identifier with space', { kind: 'identifier', name: 'a b', ...pos }],
    ['unicode identifier', { kind: 'identifier', name: 'café', ...pos }],
    ['reserved identifier', { kind: 'identifier', name: 'this', ...pos }],
    ['globalThis', { kind: 'identifier', name: 'globalThis', ...pos }],
    ['empty identifier', { kind: 'identifier', name: '', ...pos }],
    [
      'prototype property',
      { kind: 'member', object: { kind: 'identifier', name: 'x', ...pos }, property: '__proto__', propertyStart: 0, ...pos },
    ],
    [
      'constructor property',
      { kind: 'member', object: { kind: 'identifier', name: 'x', ...pos }, property: 'constructor', propertyStart: 0, ...pos },
    ],
    [
      'property with code',
      { kind: 'member', object: { kind: 'identifier', name: 'x', ...pos }, property: 'a;b', propertyStart: 0, ...pos },
    ],
    ['unknown function', { kind: 'call', callee: 'eval', args: [{ kind: 'string', value: '1', ...pos }], ...pos }],
    ['inherited function name', { kind: 'call', callee: 'constructor', args: [], ...pos }],
    ['wrong arity', { kind: 'call', callee: 'min', args: [{ kind: 'number', value: 1, ...pos }], ...pos }],
    ['non-finite number', { kind: 'number', value: Infinity, ...pos }],
    ['NaN', { kind: 'number', value: NaN, ...pos }],
    ['negative number', { kind: 'number', value: -1, ...pos }],
    ['number that is a string', { kind: 'number', value: '1;evil()', ...pos }],
    ['string that is not a string', { kind: 'string', value: { toString: () => 'x' }, ...pos }],
    ['boolean that is a string', { kind: 'boolean', value: 'evil()', ...pos }],
    [
      'bad binary operator',
      { kind: 'binary', op: '=', left: { kind: 'identifier', name: 'a', ...pos }, right: { kind: 'number', value: 1, ...pos }, opStart: 0, ...pos },
    ],
    ['bad unary operator', { kind: 'unary', op: 'typeof ', operand: { kind: 'number', value: 1, ...pos }, ...pos }],
    ['unknown node', { kind: 'raw', code: 'evil()', ...pos }],
  ];
  for (const [label, node] of bad) {
    it(`throws on ${label}`, () => assert.throws(() => emitExpression(node as Expr)));
  }

  it('parenthesises a number before "." so it stays valid code', () => {
    const node: Expr = {
      kind: 'call',
      callee: 'len',
      args: [{ kind: 'number', value: 3, start: 0, end: 1 }],
      start: 0,
      end: 6,
    };
    assert.equal(emitExpression(node), '(3).length');
  });
});

// ---- Property: random well-typed expressions evaluate the same before and after emission ----

interface Sample {
  src: string;
  value: string | number | boolean;
}
const P = (s: Sample): Sample => ({ src: `(${s.src})`, value: s.value });
const env = ENV as { count: number; ratio: number; name: string; flag: boolean; approved: boolean };

const arbs = fc.letrec<{ num: Sample; str: Sample; bool: Sample }>((tie) => {
  const num = tie('num');
  const str = tie('str');
  const bool = tie('bool');
  return {
    num: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.nat(20).map((n) => ({ src: String(n), value: n })),
      fc.constantFrom<Sample>({ src: 'count', value: env.count }, { src: 'ratio', value: env.ratio }, { src: 'input.amount', value: 12 }),
      fc.tuple(num, fc.constantFrom('+', '-', '*', '/', '%'), num).map(([a, op, b]) => ({
        src: `${P(a).src} ${op} ${P(b).src}`,
        value: arith(op, a.value as number, b.value as number),
      })),
      num.map((a) => ({ src: `-${P(a).src}`, value: -(a.value as number) })),
      fc.tuple(bool, num, num).map(([c, a, b]) => ({ src: `${P(c).src} ? ${P(a).src} : ${P(b).src}`, value: c.value ? a.value : b.value })),
      str.map((s) => ({ src: `len(${s.src})`, value: (s.value as string).length })),
      fc.tuple(num, num).map(([a, b]) => ({ src: `min(${a.src}, ${b.src})`, value: Math.min(a.value as number, b.value as number) })),
      num.map((a) => ({ src: `round(${a.src})`, value: Math.round(a.value as number) })),
    ),
    str: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 6, unit: 'binary' }).map((s) => ({ src: sourceLiteral(s), value: s })),
      fc.constantFrom<Sample>({ src: 'name', value: env.name }, { src: 'input.address.city', value: 'Oslo' }),
      fc.tuple(str, fc.oneof(str, num, bool)).map(([a, b]) => ({ src: `${P(a).src} + ${P(b).src}`, value: (a.value as string) + String(b.value) })),
      fc.tuple(num, str).map(([a, b]) => ({ src: `${P(a).src} + ${P(b).src}`, value: String(a.value) + (b.value as string) })),
      str.map((s) => ({ src: `upper(${s.src})`, value: (s.value as string).toUpperCase() })),
      fc.oneof(num, bool).map((s) => ({ src: `str(${s.src})`, value: String(s.value) })),
      fc.tuple(bool, str, str).map(([c, a, b]) => ({ src: `${P(c).src} ? ${P(a).src} : ${P(b).src}`, value: c.value ? a.value : b.value })),
    ),
    bool: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.boolean().map((b) => ({ src: String(b), value: b })),
      fc.constantFrom<Sample>({ src: 'approved', value: env.approved }, { src: 'flag', value: env.flag }),
      fc.tuple(bool, fc.constantFrom('&&', '||'), bool).map(([a, op, b]) => ({
        src: `${P(a).src} ${op} ${P(b).src}`,
        value: op === '&&' ? (a.value as boolean) && (b.value as boolean) : (a.value as boolean) || (b.value as boolean),
      })),
      bool.map((a) => ({ src: `!${P(a).src}`, value: !a.value })),
      fc.tuple(num, fc.constantFrom('<', '<=', '>', '>=', '==', '!='), num).map(([a, op, b]) => ({
        src: `${P(a).src} ${op} ${P(b).src}`,
        value: compare(op, a.value, b.value),
      })),
      fc.tuple(str, fc.constantFrom('<', '==', '!='), str).map(([a, op, b]) => ({
        src: `${P(a).src} ${op} ${P(b).src}`,
        value: compare(op, a.value, b.value),
      })),
      fc.tuple(bool, fc.constantFrom('==', '!='), bool).map(([a, op, b]) => ({
        src: `${P(a).src} ${op} ${P(b).src}`,
        value: compare(op, a.value, b.value),
      })),
      fc.tuple(str, str).map(([a, b]) => ({ src: `contains(${a.src}, ${b.src})`, value: (a.value as string).includes(b.value as string) })),
    ),
  };
});

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    default:
      return a % b;
  }
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const x = a as number;
  const y = b as number;
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '==':
      return x === y;
    default:
      return x !== y;
  }
}

describe('emit: property-based round trip', () => {
  it('fully parenthesised random expressions keep their value through minimal-parenthesis emission', () => {
    fc.assert(
      fc.property(fc.oneof(arbs.num, arbs.str, arbs.bool), (sample) => {
        const r = compileExpression(sample.src, SCOPE);
        if (!r.ok) throw new Error(`${sample.src}: ${r.errors.map((e) => e.message).join(' | ')}`);
        assert.ok(Object.is(evaluate(r.code), sample.value), `${sample.src}  →  ${r.code}`);
      }),
      { numRuns: 400 },
    );
  });
});
