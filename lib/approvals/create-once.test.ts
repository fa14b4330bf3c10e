import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { ApiError } from '../api/errors';
import { createOnce, forgetAllKeys, KEY_TTL_MS } from './create-once';

beforeEach(() => forgetAllKeys());

/** A create that counts its runs and finishes when told to. */
function slowCreate() {
  let runs = 0;
  let finish!: (value: string) => void;
  const done = new Promise<string>((resolve) => (finish = resolve));
  return { create: async () => (runs++, done), finish, runs: () => runs };
}

test('a repeated key by the same author runs the create once: a repeat while it runs waits, one after gets the same answer', async () => {
  const slow = slowCreate();
  const first = createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, slow.create);
  const second = createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, slow.create);
  slow.finish('process-1');
  assert.deepEqual(await Promise.all([first, second]), ['process-1', 'process-1']);
  assert.equal(await createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, slow.create), 'process-1');
  assert.equal(slow.runs(), 1);
});

test('another author, another key, or no key creates again', async () => {
  let runs = 0;
  const create = async () => `process-${++runs}`;
  await createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, create);
  assert.equal(await createOnce({ authorId: 'u2', key: 'key-0001', name: 'Trip' }, create), 'process-2');
  assert.equal(await createOnce({ authorId: 'u1', key: 'key-0002', name: 'Trip' }, create), 'process-3');
  assert.equal(await createOnce({ authorId: 'u1', key: undefined, name: 'Trip' }, create), 'process-4');
  assert.equal(await createOnce({ authorId: 'u1', key: undefined, name: 'Trip' }, create), 'process-5');
});

test('a create that failed forgets its key: the corrected submission creates', async () => {
  await assert.rejects(createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, async () => { throw new Error('refused'); }), /refused/);
  assert.equal(await createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, async () => 'process-1'), 'process-1');
});

test('the same key for another name is refused with 409 naming the key; a key expires after KEY_TTL_MS', async () => {
  let clock = 1_000;
  const now = () => clock;
  await createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, async () => 'process-1', now);
  await assert.rejects(createOnce({ authorId: 'u1', key: 'key-0001', name: 'Expense' }, async () => 'process-2', now), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 409);
    assert.equal(error.details.field, 'idempotencyKey');
    assert.match(error.message, /already created the process "Trip"/);
    return true;
  });
  clock += KEY_TTL_MS + 1;
  assert.equal(await createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, async () => 'process-3', now), 'process-3');
});
