import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMoney, compareMoney, money, multiplyMoney, subtractMoney, sumMoney } from './__golden__/order/money';

/** The exact-decimal helpers that generated code imports from money.ts (the committed golden copy). */
test('1299.99 + 2 × 29.99 is exactly 1359.97', () => {
  assert.equal(addMoney(money('1299.99'), multiplyMoney(money('29.99'), 2)), '1359.97');
  assert.equal(addMoney('0.1', '0.2'), '0.30', 'where floats give 0.30000000000000004');
});

test('normalises, subtracts, multiplies by fractions and sums exactly', () => {
  assert.equal(money('12.5'), '12.50');
  assert.equal(money('7'), '7.00');
  assert.equal(subtractMoney('0.1', '0.3'), '-0.20');
  assert.equal(multiplyMoney('10.00', 0.125), '1.25');
  assert.equal(multiplyMoney('0.10', 3), '0.30');
  assert.equal(sumMoney(['0.10', '0.20', '0.30']), '0.60');
  assert.equal(sumMoney([]), '0.00');
});

test('compares amounts, not text', () => {
  assert.equal(compareMoney('1359.970', '1359.97'), 0);
  assert.equal(compareMoney('9.99', '10'), -1);
  assert.equal(compareMoney('-1', '-2'), 1);
});

test('refuses what is not an amount, naming it', () => {
  for (const bad of ['12,50', '1e3', '', ' 5', '01.5', 'NaN']) {
    assert.throws(() => money(bad), new RegExp(`"${bad.replace(/[.]/g, '\\.')}" is not an amount of money`), bad);
  }
  assert.throws(() => multiplyMoney('1.00', Number.POSITIVE_INFINITY), /"Infinity" is not an amount of money/);
});
