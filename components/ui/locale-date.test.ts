/** Dates typed in the user's locale read into ISO "YYYY-MM-DD"; impossible and ambiguous ones refused in words. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateOrderOf, exampleDate, formatIsoDate, isIsoCalendarDate, readLocaleDate } from './locale-date';

const read = (text: string, locale: string) => readLocaleDate(text, locale);

test('each locale reads its own order, and ISO everywhere', () => {
  assert.deepEqual(read('12/24/2026', 'en-US'), { value: '2026-12-24' });
  assert.deepEqual(read('1/5/2026', 'en-US'), { value: '2026-01-05' });
  assert.deepEqual(read('24/12/2026', 'en-GB'), { value: '2026-12-24' });
  assert.deepEqual(read('24.12.2026', 'de-DE'), { value: '2026-12-24' });
  assert.deepEqual(read('24.12.2026.', 'de-DE'), { value: '2026-12-24' });
  assert.deepEqual(read(' 5.1.2026 ', 'de-DE'), { value: '2026-01-05' });
  assert.deepEqual(read('24/12/2026', 'fr-FR'), { value: '2026-12-24' });
  for (const locale of ['en-US', 'en-GB', 'de-DE', 'fr-FR']) assert.deepEqual(read('2026-12-24', locale), { value: '2026-12-24' }, locale);
  assert.deepEqual(read('03/04/2026', 'en-GB'), { value: '2026-04-03' });
  assert.deepEqual(read('03/04/2026', 'en-US'), { value: '2026-03-04' });
  assert.deepEqual(read('29.02.2028', 'de-DE'), { value: '2028-02-29' }, 'a leap day');
});

test('impossible dates are refused in words', () => {
  assert.deepEqual(read('31/02/2026', 'en-GB'), { error: '31/02/2026 is not a date (February 2026 has 28 days)' });
  assert.deepEqual(read('29.02.2026', 'de-DE'), { error: '29.02.2026 is not a date (February 2026 has 28 days)' });
  assert.deepEqual(read('2026-02-30', 'en-US'), { error: '2026-02-30 is not a date (February 2026 has 28 days)' });
  assert.match((read('24.13.2026', 'de-DE') as { error: string }).error, /^24\.13\.2026 is not a date \(13 is not a month\): write it like 24\.12\.2026 or 2026-12-24$/);
  assert.match((read('tomorrow', 'en-US') as { error: string }).error, /^tomorrow is not a date: write it like 12\/24\/2026 or 2026-12-24$/);
});

test('ambiguity is refused, never guessed', () => {
  // The other order would make a date of it: still refused, saying which order the locale reads.
  assert.deepEqual(read('12/24/2026', 'en-GB'), { error: '12/24/2026 is not a date in day/month/year order (24 is not a month): write it like 24/12/2026 or 2026-12-24' });
  assert.match((read('24/12/2026', 'en-US') as { error: string }).error, /month\/day\/year order \(24 is not a month\)/);
  assert.match((read('24.12.26', 'de-DE') as { error: string }).error, /write the year with four digits/);
  assert.match((read('24.12/2026', 'de-DE') as { error: string }).error, /mixes separators/);
});

test('the locale order, the example and ISO dates shown in the locale (never shifted by the time zone)', () => {
  assert.equal(dateOrderOf('en-US'), 'mdy');
  assert.equal(dateOrderOf('en-GB'), 'dmy');
  assert.equal(dateOrderOf('de-DE'), 'dmy');
  assert.equal(dateOrderOf('fr-FR'), 'dmy');
  assert.equal(exampleDate('de-DE'), '24.12.2026');
  assert.equal(exampleDate('en-US'), '12/24/2026');
  assert.equal(formatIsoDate('2026-12-24', 'en-US'), 'Dec 24, 2026');
  assert.equal(formatIsoDate('2026-12-24', 'en-GB'), '24 Dec 2026');
  assert.equal(formatIsoDate('2026-12-24', 'de-DE'), '24. Dez. 2026');
  assert.equal(formatIsoDate('2026-12-24', 'de-DE', 'numeric'), '24.12.2026');
  assert.match(formatIsoDate('2026-01-01', 'de-DE'), /^1\. Jan\.? 2026$/);
  assert.equal(formatIsoDate('not a date', 'en-US'), 'not a date');
  assert.ok(isIsoCalendarDate('2028-02-29'));
  assert.ok(!isIsoCalendarDate('2026-02-30'));
  assert.ok(!isIsoCalendarDate('2026-2-3'));
  assert.ok(!isIsoCalendarDate(20261224));
});
