import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DesignSummary } from '../api/types';
import { allTags, disambiguators, filterDesigns, filtersFromSearch, filtersToSearch, NO_FILTERS } from './design-filter';

const design = (over: Partial<DesignSummary> & { id: string; name: string }): DesignSummary => ({
  latestVersion: 1,
  updatedAt: '2026-12-01T00:00:00Z',
  owner: null,
  tags: [],
  description: null,
  deployedVersion: null,
  lastDeployedAt: null,
  ...over,
});

const designs = [
  design({ id: 'aaaaaa1', name: 'Expense', tags: ['finance'], owner: { id: 'u1', displayName: 'Ada' }, deployedVersion: 3 }),
  design({ id: 'bbbbbb2', name: 'Expense', owner: { id: 'u2', displayName: 'Bob' } }),
  design({ id: 'cccccc3', name: 'Cart', description: 'Shopping cart with checkout', tags: ['shop', 'finance'] }),
];

test('search matches name, tags and description, every word, any case', () => {
  assert.deepEqual(filterDesigns(designs, { ...NO_FILTERS, query: 'EXPENSE' }, null).map((d) => d.id), ['aaaaaa1', 'bbbbbb2']);
  assert.deepEqual(filterDesigns(designs, { ...NO_FILTERS, query: 'shopping checkout' }, null).map((d) => d.id), ['cccccc3']);
  assert.deepEqual(filterDesigns(designs, { ...NO_FILTERS, query: 'finance' }, null).map((d) => d.id), ['aaaaaa1', 'cccccc3']);
  assert.deepEqual(filterDesigns(designs, { ...NO_FILTERS, query: 'nothing like it' }, null), []);
});

test('tag, deployed and owner filters', () => {
  assert.deepEqual(filterDesigns(designs, { ...NO_FILTERS, tag: 'shop' }, null).map((d) => d.id), ['cccccc3']);
  assert.deepEqual(filterDesigns(designs, { ...NO_FILTERS, deployed: 'deployed' }, null).map((d) => d.id), ['aaaaaa1']);
  assert.deepEqual(filterDesigns(designs, { ...NO_FILTERS, deployed: 'not-deployed' }, null).map((d) => d.id), ['bbbbbb2', 'cccccc3']);
  assert.deepEqual(filterDesigns(designs, { ...NO_FILTERS, owner: 'me' }, 'u2').map((d) => d.id), ['bbbbbb2']);
  assert.deepEqual(filterDesigns(designs, { ...NO_FILTERS, owner: 'me' }, null), []);
  assert.deepEqual(allTags(designs), ['finance', 'shop']);
});

test('designs that share a name are told apart by owner, deployment and id; unique names get nothing', () => {
  const told = disambiguators(designs);
  assert.equal(told.get('aaaaaa1'), 'by Ada · v3 deployed · id aaaaaa');
  assert.equal(told.get('bbbbbb2'), 'by Bob · not deployed · id bbbbbb');
  assert.equal(told.has('cccccc3'), false);
});

test('filters round-trip through the URL, and no filter is an empty search', () => {
  const filters = { query: 'expense', tag: 'finance', deployed: 'deployed' as const, owner: 'me' as const };
  assert.deepEqual(filtersFromSearch(new URLSearchParams(filtersToSearch(filters))), filters);
  assert.equal(filtersToSearch(NO_FILTERS), '');
  assert.deepEqual(filtersFromSearch(new URLSearchParams('deployed=bogus&owner=x')), NO_FILTERS);
});
