import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StringLru } from './lru';

test('evicts the least recently used entry beyond the entry limit', () => {
  const lru = new StringLru(2, 1_000);
  lru.set('a', '1');
  lru.set('b', '2');
  assert.equal(lru.get('a'), '1'); // a is now the most recent
  lru.set('c', '3');
  assert.equal(lru.get('b'), undefined);
  assert.equal(lru.get('a'), '1');
  assert.equal(lru.get('c'), '3');
  assert.equal(lru.size, 2);
});

test('evicts by total characters and refuses an entry larger than the whole cache', () => {
  const lru = new StringLru(100, 10);
  lru.set('k1', 'xxx'); // 5
  lru.set('k2', 'yyy'); // 10
  assert.equal(lru.totalWeight, 10);
  lru.set('k3', 'z'); // 13 > 10: k1 goes
  assert.equal(lru.get('k1'), undefined);
  assert.equal(lru.totalWeight, 8);
  lru.set('huge', 'x'.repeat(20));
  assert.equal(lru.get('huge'), undefined);
  assert.equal(lru.totalWeight, 8);
});

test('replacing a value updates the weight', () => {
  const lru = new StringLru(10, 100);
  lru.set('k', 'abc');
  lru.set('k', 'a');
  assert.equal(lru.totalWeight, 2);
  assert.equal(lru.size, 1);
});
