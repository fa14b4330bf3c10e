/**
 * Record and list literals, `item => …` functions over lists of records, f-strings, money
 * formatting and the workflow clock: what the chapter's queries and results are built from
 * (6.1.4 cart total, 6.2.6 dashboard with averages and an ETA, 6.3.4 validator messages, 6.6 order).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileExpression, parseExpression } from './index';
import { evaluate } from './testing';
import type { ExprType, Scope } from './types';

const ITEM: ExprType = { kind: 'object', fields: { sku: { kind: 'string' }, price: { kind: 'money' }, quantity: { kind: 'number' } } };
const SCOPE: Scope = {
  names: {
    items: { kind: 'list', item: ITEM },
    times: { kind: 'list', item: { kind: 'number' } },
    total: { kind: 'money' },
    processed: { kind: 'number' },
    remaining: { kind: 'number' },
    started: { kind: 'string' },
    orderId: { kind: 'string' },
    args: { kind: 'object', fields: { sku: { kind: 'string' }, price: { kind: 'money' }, quantity: { kind: 'number' } } },
  },
};

const ITEMS = [
  { sku: 'LAPTOP', price: '1299.99', quantity: 1 },
  { sku: 'MOUSE', price: '29.99', quantity: 2 },
];

/** Plain JavaScript stand-ins for the money helpers (the exact ones are tested in codegen/money.test.ts). */
const MONEY_ENV = {
  money: (s: string) => Number(s).toFixed(2),
  sumMoney: (list: string[]) => list.reduce((t, m) => t + Number(m), 0).toFixed(2),
  multiplyMoney: (m: string, f: number) => (Number(m) * f).toFixed(2),
};
const ENV = { items: ITEMS, times: [2, 4], total: '1359.97', processed: 3, remaining: 2, started: '2026-01-01T00:00:00.000Z', orderId: 'order-12345', args: ITEMS[0], ...MONEY_ENV };

function compiled(text: string, expected?: ExprType): { code: string; type: ExprType } {
  const r = compileExpression(text, SCOPE, expected);
  if (!r.ok) assert.fail(r.errors.map((e) => e.message).join(' | '));
  return r;
}

function error(text: string): { message: string; start: number; end: number } {
  const r = compileExpression(text, SCOPE);
  if (r.ok) assert.fail(`expected an error for ${text}, got ${r.code}`);
  return r.errors[0];
}

describe('record literals', () => {
  it('parse, type-check as a record and emit with the same (snake_case) keys', () => {
    const r = compiled('{sku: args.sku, qty: 2, total_amount: total}');
    assert.deepEqual(r.type, { kind: 'object', fields: { sku: { kind: 'string' }, qty: { kind: 'number' }, total_amount: { kind: 'money' } } });
    assert.equal(r.code, '({ sku: args.sku, qty: 2, total_amount: total })');
    assert.deepEqual(evaluate(r.code, ENV), { sku: 'LAPTOP', qty: 2, total_amount: '1359.97' });
  });

  it('the cart answer of 6.1.4: item count and summed total', () => {
    const r = compiled('{items: len(items), total: sum(items, item => item.price * item.quantity)}');
    assert.equal(r.code, '({ items: items.length, total: sumMoney(items.map((item) => multiplyMoney(item.price, item.quantity))) })');
    assert.deepEqual(evaluate(r.code, ENV), { items: 2, total: '1359.97' });
  });

  it('a record fits a list of records (append) and nests', () => {
    assert.equal(compiled('append(items, {sku: "KB", price: money("49.50"), quantity: 1})').code, '[...items, { sku: "KB", price: money("49.50"), quantity: 1 }]');
    assert.deepEqual(compiled('{a: {b: 1}}').type, { kind: 'object', fields: { a: { kind: 'object', fields: { b: { kind: 'number' } } } } });
  });

  it('rejects duplicate, quoted and prototype keys, and records used as plain values', () => {
    assert.deepEqual(error('{a: 1, a: 2}'), { message: 'The field "a" at position 7 is written twice in this record', start: 7, end: 8 });
    assert.equal(error('{"a": 1}').message, 'Unexpected text "a" at position 1; expected a field name such as sku; write the key as a name, without quotes');
    assert.equal(error('{__proto__: 1}').message, '"__proto__" at position 1 cannot be a field name');
    assert.equal(error('{constructor: 1}').message, '"constructor" at position 1 cannot be a field name');
    assert.equal(error('{a: 1} + 1').message, 'This value is an object at position 0; use one of its fields: a');
    assert.equal(error('{a: 1').message, 'Expected "}" at position 5 to close the record at position 0');
    assert.equal(error('{a: []}').message, 'The field "a" is an empty list whose items are unknown at position 4; use a list variable instead');
  });
});

describe('list literals', () => {
  it('build lists of one item type', () => {
    assert.deepEqual(compiled('[1, 2, processed]').type, { kind: 'list', item: { kind: 'number' } });
    assert.equal(compiled('["a", orderId]').code, '["a", orderId]');
    assert.equal(compiled('[]', { kind: 'list', item: { kind: 'string' } }).code, '[]');
    assert.deepEqual(evaluate(compiled('[{sku: "A"}, {sku: "B"}]').code), [{ sku: 'A' }, { sku: 'B' }]);
  });

  it('reject mixed items, naming the item', () => {
    assert.deepEqual(error('[1, "a"]'), { message: 'All items of a list must have the same type: item 2 is string but item 1 is number at position 4', start: 4, end: 7 });
    assert.equal(error('[1, 2').message, 'Expected "]" at position 5 to close the list at position 0');
  });
});

describe('filter, map, count, any, all and sum over lists of records', () => {
  const cases: Array<[string, string, unknown]> = [
    ['filter(items, item => item.quantity > 1)', 'items.filter((item) => item.quantity > 1)', [ITEMS[1]]],
    ['map(items, item => item.sku)', 'items.map((item) => item.sku)', ['LAPTOP', 'MOUSE']],
    ['map(items, it => {sku: it.sku})', 'items.map((it) => ({ sku: it.sku }))', [{ sku: 'LAPTOP' }, { sku: 'MOUSE' }]],
    ['count(items, item => item.quantity == 1)', 'items.filter((item) => item.quantity === 1).length', 1],
    ['any(items, item => item.sku == args.sku)', 'items.some((item) => item.sku === args.sku)', true],
    ['all(items, item => item.quantity > 1)', 'items.every((item) => item.quantity > 1)', false],
    ['sum(items, item => item.quantity)', 'items.map((item) => item.quantity).reduce((total, n) => total + n, 0)', 3],
    ['sum(items, item => item.price)', 'sumMoney(items.map((item) => item.price))', '1329.98'],
    ['len(filter(items, i => any(items, j => j.sku != i.sku)))', 'items.filter((i) => items.some((j) => j.sku !== i.sku)).length', 2],
  ];
  for (const [source, code, value] of cases) {
    it(source, () => {
      const r = compiled(source);
      assert.equal(r.code, code);
      assert.deepEqual(evaluate(r.code, ENV), value);
    });
  }

  it('types the item name as the list item, and the result from the function', () => {
    assert.deepEqual(compiled('map(items, item => item.price)').type, { kind: 'list', item: { kind: 'money' } });
    assert.deepEqual(compiled('filter(items, item => true)').type, { kind: 'list', item: ITEM });
    assert.deepEqual(compiled('sum(items, item => item.price * 2)').type, { kind: 'money' });
  });

  it('says what is wrong, with "did you mean" for fields of the item', () => {
    assert.equal(error('filter(items, item => item.prise > 1)').message, "item has no field 'prise' at position 27; did you mean 'price'?");
    assert.equal(error('filter(items, item => itm.quantity > 1)').message, 'Unknown name "itm" at position 22; did you mean "item"?');
    assert.equal(error('filter(items, item => item.quantity)').message, 'The function in filter must give a boolean (true or false), got number at position 22');
    assert.equal(error('sum(items, item => item.sku)').message, 'The function in sum must give a number or money, got string at position 19');
    assert.equal(error('sum(items)').message, 'sum needs a list of numbers or of money, got list of { price: money; quantity: number; sku: string } at position 4; for a list of records write sum(items, item => item.price)');
    assert.equal(error('filter(items, item.quantity > 1)').message, 'Argument 2 of filter must be a function such as item => …, at position 14; write it like filter(items, item => item.quantity > 0)');
    assert.equal(error('filter(items)').message, 'filter takes 2 arguments, got 1 at position 0; write it like filter(items, item => item.quantity > 0)');
    assert.equal(error('count(processed, x => true)').message, 'count needs a list with items, got number at position 6');
    assert.equal(error('filter(items, total => true)').message, '"total" at position 14 already names a value here; choose another name for the item, such as "it"');
    assert.equal(error('map(items, sumMoney => sumMoney.price)').message, '"sumMoney" at position 11 is reserved; choose another name for the item');
    assert.equal(error('item => 1').message, 'Unexpected "=>" at position 5; a function such as item => item.price can only be the last argument of sum, filter, map, count, any, all');
    assert.equal(error('len(x => 1)').message, 'Expected ")" at position 6 to close the call to len, found "=>"');
  });
});

describe('f-strings', () => {
  it('put values into text, each through String()', () => {
    const r = compiled('f"Item {args.sku} already in cart"');
    assert.equal(r.code, '"Item " + String(args.sku) + " already in cart"');
    assert.equal(evaluate(r.code, ENV), 'Item LAPTOP already in cart');
    assert.equal(evaluate(compiled('f"Order {orderId} completed - ${formatMoney(total)} charged"').code, ENV), 'Order order-12345 completed - $1359.97 charged');
    assert.equal(compiled("f'{processed}'").code, 'String(processed)');
    assert.equal(compiled('f"plain"').code, '"plain"');
    assert.equal(compiled('f""').code, '""');
    assert.equal(evaluate(compiled('f"{{literal}} {processed + 1}"').code, ENV), '{literal} 4');
    assert.equal(evaluate(compiled('f"{f"{processed}" + "x"}!"').code, ENV), '3x!');
    assert.equal(compiled('len(f"a{processed}")').code, '("a" + String(processed)).length');
    assert.equal(evaluate(compiled('"<" + f"a{processed}b" + ">"').code, ENV), '<a3b>');
  });

  it('reports errors inside the braces at their place in the whole text', () => {
    assert.deepEqual(error('f"Item {args.skus}"'), { message: "args has no field 'skus' at position 13; did you mean 'sku'?", start: 13, end: 17 });
    assert.equal(error('f"{items}"').message, 'A list cannot be put into text at position 2; use len(…), first(…) or sum(…)');
    assert.equal(error('f"{processed +}"').message, 'The expression ends too early at position 14; expected a value');
  });

  it('parses to text and expression parts', () => {
    const r = parseExpression('f"a{x}b"');
    assert.ok(r.ok && r.ast.kind === 'template');
    if (r.ok && r.ast.kind === 'template') assert.deepEqual(r.ast.parts.map((p) => (typeof p === 'string' ? p : p.kind)), ['a', 'identifier', 'b']);
  });
});

describe('money formatting and the workflow clock', () => {
  it('formatMoney writes an amount with its decimals, for "$" + formatMoney(total)', () => {
    const r = compiled('"$" + formatMoney(total)');
    assert.equal(r.code, '"$" + money(total)');
    assert.deepEqual(r.type, { kind: 'string' });
    assert.equal(error('formatMoney(processed)').message, 'formatMoney needs an amount of money, got number at position 12');
  });

  it('now, secondsBetween and addSeconds: the dashboard ETA of 6.2.6', () => {
    assert.equal(compiled('now()').code, 'new Date().toISOString()');
    assert.equal(compiled('secondsBetween(started, now())').code, '((Date.parse(new Date().toISOString()) - Date.parse(started)) / 1000)');
    assert.equal(evaluate(compiled('secondsBetween(started, "2026-01-01T00:01:30.000Z")').code, ENV), 90);
    assert.equal(evaluate(compiled('10 / secondsBetween(started, "2026-01-01T00:00:05.000Z")').code, ENV), 2);
    const eta = compiled('addSeconds(started, remaining * (len(times) > 0 ? sum(times) / len(times) : 0))');
    assert.equal(evaluate(eta.code, ENV), '2026-01-01T00:00:06.000Z');
    const dashboard = compiled(
      '{total_processed: processed, average_processing_time: len(times) > 0 ? sum(times) / len(times) : 0, estimated_completion: addSeconds(now(), remaining * 3)}',
    );
    assert.deepEqual(Object.keys(evaluate(dashboard.code, ENV) as object), ['total_processed', 'average_processing_time', 'estimated_completion']);
    assert.equal(error('secondsBetween(started, 5)').message, 'Argument 2 of secondsBetween must be a string, got number at position 24');
    assert.deepEqual(error('addSeconds("tomorrow", 5)'), {
      message: 'addSeconds needs an instant such as "2026-01-31T12:00:00Z" (or now()), got "tomorrow" at position 11',
      start: 11,
      end: 21,
    });
    assert.equal(compiled('secondsBetween("2026-01-31T12:00:00+01:00", now())').type.kind, 'number');
  });
});
