/**
 * Two web instances behind the load balancer, one PostgreSQL (TEST_DATABASE_URL): a double submit
 * whose two POSTs reach different instances creates ONE process. Each instance here is its own
 * connection pool (db handle) and its own copy of lib/approvals/create-once.ts (loaded again under
 * another URL), as each Next server has: a key kept in module memory would not be seen by the other.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { count } from 'drizzle-orm';
import { createDb, type DbHandle } from '@/db/client';
import { approvalProcesses, designs } from '@/db/schema';
import { createTestDatabase } from '@/testing/stack';
import { migrateDatabase } from '@/testing/database';
import { createOnce } from './create-once';
import { gate, storingCreate } from './create-once.fixture';

const url = process.env.TEST_DATABASE_URL;
const skip = url ? false : 'TEST_DATABASE_URL is not set';
let database: { url: string; drop(): Promise<void> } | undefined;
let instanceA: DbHandle | undefined;
let instanceB: DbHandle | undefined;
/** Instance B's own copy of the module (no state shared with instance A's). */
let createOnceB: typeof createOnce;

before(async () => {
  if (!url) return;
  createOnceB = ((await import(new URL('./create-once.ts?instance=b', import.meta.url).href)) as typeof import('./create-once')).createOnce;
  assert.notEqual(createOnceB, createOnce);
  database = await createTestDatabase(url, 'create_once');
  await migrateDatabase(database.url);
  instanceA = createDb({ url: database.url });
  instanceB = createDb({ url: database.url });
});

after(async () => {
  await instanceA?.close();
  await instanceB?.close();
  await database?.drop().catch(() => undefined);
});

test('the same key sent to two instances at once makes one process and one design; both answer it', { skip, timeout: 60_000 }, async () => {
  const a = instanceA!.db;
  const b = instanceB!.db;
  const deploy = gate();
  const onA = storingCreate(a, 'Travel', { until: deploy.opened });
  const onB = storingCreate(b, 'Travel', { until: deploy.opened });
  const key = { authorId: 'user-dora', key: 'form-7f3c2a91-0b4e', name: 'Travel' };
  const both = Promise.all([createOnce(key, onA.create, { db: a, pollMs: 10 }), createOnceB(key, onB.create, { db: b, pollMs: 10 })]);
  setTimeout(deploy.open, 200); // the first create's deploy is still running while the other waits
  const [fromA, fromB] = await both;
  assert.equal(onA.runs() + onB.runs(), 1, 'one instance created, the other waited for its answer');
  assert.equal(fromB.process.id, fromA.process.id);
  assert.equal(fromA.deploy.ok && fromB.deploy.ok && fromB.deploy.deployment.id, fromA.deploy.ok && fromA.deploy.deployment.id);
  assert.equal((await a.select({ n: count() }).from(approvalProcesses))[0]!.n, 1, 'one process');
  assert.equal((await b.select({ n: count() }).from(designs))[0]!.n, 1, 'one design');

  // A repeat later, on either instance, answers the same process; another name is refused by the key.
  assert.equal((await createOnceB(key, onB.create, { db: b })).process.id, fromA.process.id);
  await assert.rejects(createOnce({ ...key, name: 'Expenses' }, onA.create, { db: a }), (error: { status?: number; details?: { field?: string } }) => error.status === 409 && error.details?.field === 'idempotencyKey');
  assert.equal(onA.runs() + onB.runs(), 1);
});
