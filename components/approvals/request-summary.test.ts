import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RequestField } from '@/lib/approvals/spec';
import { ageText, deadlineText, formatFieldValue, formatMoney, personName, summaryOf } from './request-summary';

test('money is grouped in the locale without going through a float', () => {
  assert.equal(formatMoney('1500', 'en-US'), '1,500.00');
  assert.equal(formatMoney('1500.5', 'de-DE'), '1.500,50');
  assert.equal(formatMoney('12345678901234567.891', 'en-US'), '12,345,678,901,234,567.891');
  assert.equal(formatMoney('-3.10', 'en-US'), '-3.10');
  assert.equal(formatMoney('1500', 'fr-FR').replace(/\s/g, ' '), '1 500,00');
});

test('an inbox row shows the amount first, then text fields', () => {
  const fields: RequestField[] = [
    { name: 'urgent', type: 'boolean', required: false },
    { name: 'purpose', label: 'Purpose', type: 'string', required: true },
    { name: 'amount', label: 'Amount', type: 'money', required: true },
    { name: 'nights', type: 'number', required: false },
  ];
  assert.deepEqual(summaryOf(fields, { urgent: true, purpose: 'Team offsite', amount: '1500', nights: 2 }, 'en-US'), [
    { name: 'amount', label: 'Amount', value: '1,500.00' },
    { name: 'purpose', label: 'Purpose', value: 'Team offsite' },
    { name: 'nights', label: 'nights', value: '2' },
  ]);
});

test('age and deadline in words', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  assert.equal(ageText('2026-12-04T09:00:00Z', now), 'opened 3 h ago');
  assert.equal(ageText('2026-12-04T11:59:30Z', now), 'opened just now');
  assert.equal(ageText('2026-12-01T11:00:00Z', now), 'opened 3 days ago');
  assert.equal(ageText('2026-12-02T12:30:00Z', now), 'opened 1 day 23 h ago');
  assert.deepEqual(
    { ...deadlineText('2026-12-06T11:59:00Z', now, 'en-US'), absolute: '' },
    { absolute: '', relative: 'in 1 day 23 h', overdue: false },
  );
  assert.deepEqual({ ...deadlineText('2026-12-04T11:00:00Z', now, 'en-US'), absolute: '' }, { absolute: '', relative: 'overdue by 1 h', overdue: true });
  assert.match(deadlineText('2026-12-06T12:30:00Z', now, 'en-US').absolute, /Dec/);
  assert.equal(personName({ ann: 'Ann Approver' }, 'ann'), 'Ann Approver');
  assert.equal(personName({ ann: 'Ann Approver' }, 'role approver'), 'role approver');
});

test('a date field reads in the viewer locale, on the request and in the inbox row after the amount', () => {
  const fields: RequestField[] = [
    { name: 'purpose', label: 'Purpose', type: 'string', required: true },
    { name: 'due', label: 'Due date', type: 'date', required: true },
    { name: 'amount', label: 'Amount', type: 'money', required: true },
  ];
  assert.deepEqual(summaryOf(fields, { purpose: 'Offsite', due: '2026-12-24', amount: '10' }, 'de-DE'), [
    { name: 'amount', label: 'Amount', value: '10,00' },
    { name: 'due', label: 'Due date', value: '24. Dez. 2026' },
    { name: 'purpose', label: 'Purpose', value: 'Offsite' },
  ]);
  assert.equal(formatFieldValue(fields[1], '2026-12-24', 'en-US'), 'Dec 24, 2026');
  assert.equal(formatFieldValue(fields[1], '2026-12-24', 'en-GB'), '24 Dec 2026');
});
