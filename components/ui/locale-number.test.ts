/** Amounts typed the way people write them, read in en-US, de-DE and fr-FR. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exampleAmount, readLocaleDecimal, separatorsOf } from './locale-number';

const read = (text: string, locale: string) => readLocaleDecimal(text, locale);
const value = (text: string, locale: string) => {
  const r = read(text, locale);
  assert.ok('value' in r, `${JSON.stringify(text)} in ${locale}: ${'error' in r ? r.error : ''}`);
  return r.value;
};

test('the separators and the example come from the locale', () => {
  assert.deepEqual(separatorsOf('en-US'), { decimal: '.', group: ',' });
  assert.deepEqual(separatorsOf('de-DE'), { decimal: ',', group: '.' });
  assert.deepEqual(separatorsOf('fr-FR'), { decimal: ',', group: ' ' });
  assert.deepEqual([exampleAmount('en-US'), exampleAmount('de-DE'), exampleAmount('fr-FR')], ['1,500.00', '1.500,00', '1 500,00']);
});

test('en-US: grouped, plain, with a currency sign; "1,500" is fifteen hundred', () => {
  for (const [typed, exact] of [
    ['1,500.00', '1500.00'],
    ['1500', '1500'],
    ['1,500', '1500'],
    ['$1,500.00', '1500.00'],
    [' 1,234,567.5 ', '1234567.5'],
    ['1.5', '1.5'],
    ['.75', '0.75'],
    ['0', '0'],
    ['007', '7'],
    ['-12.30', '-12.30'],
    ['USD 99', '99'],
    ['1.500,00', '1500.00'], // both separators: the rightmost is the decimal one, in any locale
  ]) assert.equal(value(typed!, 'en-US'), exact, typed);
});

test('de-DE: "1.500,00" and "1,5"; "1.500" is fifteen hundred, "1,500" is one and a half', () => {
  for (const [typed, exact] of [
    ['1.500,00', '1500.00'],
    ['1500', '1500'],
    ['1.500', '1500'],
    ['1,500', '1.500'],
    ['12,5', '12.5'],
    ['1.500,00 €', '1500.00'],
    ['1,500.00', '1500.00'],
  ]) assert.equal(value(typed!, 'de-DE'), exact, typed);
});

test('fr-FR: spaces (plain, no-break, narrow no-break) group thousands; "," or a lone "." is the decimal point', () => {
  for (const [typed, exact] of [
    ['1 500,00 €', '1500.00'],
    ['1\u00a0500,00', '1500.00'],
    ['1\u202f500,00\u00a0€', '1500.00'],
    ['1500,5', '1500.5'],
    ['1500.50', '1500.50'],
    ['EUR 2 000', '2000'],
  ]) assert.equal(value(typed!, 'fr-FR'), exact, typed);
});

test('what cannot be read is refused in words, with the locale\'s own example, never guessed', () => {
  assert.deepEqual(read('', 'en-US'), { error: 'type an amount like 1,500.00' });
  assert.deepEqual(read('abc', 'de-DE'), { error: 'type an amount like 1.500,00' });
  assert.match((read('1,50', 'en-US') as { error: string }).error, /type an amount like 1,500\.00 — here "," separates thousands; write the decimals after "\."/);
  assert.match((read('1.50', 'de-DE') as { error: string }).error, /here "\." separates thousands; write the decimals after ","/);
  assert.ok('error' in read('1,2,3', 'en-US'));
  assert.ok('error' in read('1.2.3', 'en-US'));
  assert.ok('error' in read('1 50,00', 'fr-FR'));
  assert.ok('error' in read('12a', 'en-US'));
  assert.deepEqual(read('x', 'en-US', ), { error: 'type an amount like 1,500.00' });
  assert.deepEqual(readLocaleDecimal('x', 'en-US', { what: 'a number' }), { error: 'type a number like 1,500.00' });
});
