/**
 * The process form's submission key (lib/approvals/create-once.ts) against the database (PGlite):
 * one create per (author, key), repeats answered with the first create's answer. Two web instances
 * sharing a PostgreSQL: create-once.int.test.ts; through HTTP: app/api/processes/process-create-once.int.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDb, type DbHandle } from '@/db/client';
import { processCreateKeys } from '@/db/schema';
import { ApiError } from '../api/errors';
import { createOnce, KEY_TTL_MS, type CreateOnceOptions } from './create-once';
import { gate, storingCreate } from './create-once.fixture';
import { listProcesses } from './store';

let handle: DbHandle;
before(async () => {
  handle = createDb({ pglite: 'memory://' });
  await handle.migrate();
});
after(() => handle.close());

const options = (extra: CreateOnceOptions = {}): CreateOnceOptions => ({ db: handle.db, pollMs: 5, ...extra });
const processesNamed = async (name: string) => (await listProcesses({ db: handle.db })).filter((p) => p.name === name);

test('a repeated key by the same author runs the create once: a repeat while it runs waits, one after gets the same answer', async () => {
  const deploy = gate();
  const trip = storingCreate(handle.db, 'Trip', { until: deploy.opened });
  const first = createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, trip.create, options());
  const second = createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, trip.create, options());
  setTimeout(deploy.open, 50);
  const [a, b] = await Promise.all([first, second]);
  assert.equal(b.process.id, a.process.id);
  assert.equal(b.deploy.ok && b.deploy.deployment.id, a.deploy.ok && a.deploy.deployment.id);
  const later = await createOnce({ authorId: 'u1', key: 'key-0001', name: 'Trip' }, trip.create, options());
  assert.equal(later.process.id, a.process.id);
  assert.equal(trip.runs(), 1);
  assert.equal((await processesNamed('Trip')).length, 1);
});

test('another author, another key, or no key creates again', async () => {
  const taxi = storingCreate(handle.db, 'Taxi');
  const first = await createOnce({ authorId: 'u1', key: 'key-0002', name: 'Taxi' }, taxi.create, options());
  const ids = new Set([first.process.id]);
  ids.add((await createOnce({ authorId: 'u2', key: 'key-0002', name: 'Taxi' }, taxi.create, options())).process.id);
  ids.add((await createOnce({ authorId: 'u1', key: 'key-0003', name: 'Taxi' }, taxi.create, options())).process.id);
  ids.add((await createOnce({ authorId: 'u1', key: undefined, name: 'Taxi' }, taxi.create, options())).process.id);
  ids.add((await createOnce({ authorId: 'u1', key: undefined, name: 'Taxi' }, taxi.create, options())).process.id);
  assert.equal(ids.size, 5);
  assert.equal(taxi.runs(), 5);
});

test('a create that failed before storing the process forgets its key: the corrected submission creates', async () => {
  await assert.rejects(createOnce({ authorId: 'u1', key: 'key-0004', name: 'Hotel' }, async () => { throw new Error('refused'); }, options()), /refused/);
  const hotel = storingCreate(handle.db, 'Hotel');
  const created = await createOnce({ authorId: 'u1', key: 'key-0004', name: 'Hotel' }, hotel.create, options());
  assert.equal(created.process.name, 'Hotel');
});

test('once the process is stored the key stays used: a repeat of a create that failed later gets the same failure, creating nothing', async () => {
  const flight = storingCreate(handle.db, 'Flight');
  const failingDeploy = async (recordProcess: Parameters<typeof flight.create>[0]) => {
    await flight.create(recordProcess);
    throw new ApiError(503, 'temporal.unavailable', 'Temporal is not reachable');
  };
  await assert.rejects(createOnce({ authorId: 'u1', key: 'key-0005', name: 'Flight' }, failingDeploy, options()), /not reachable/);
  await assert.rejects(createOnce({ authorId: 'u1', key: 'key-0005', name: 'Flight' }, flight.create, options()), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.deepEqual([error.status, error.code, error.message], [503, 'temporal.unavailable', 'Temporal is not reachable']);
    return true;
  });
  assert.equal(flight.runs(), 1);
  assert.equal((await processesNamed('Flight')).length, 1);
});

test('the same key for another name is refused with 409 naming the key; a key expires after KEY_TTL_MS', async () => {
  let clock = Date.now();
  const now = () => clock;
  const bus = storingCreate(handle.db, 'Bus');
  await createOnce({ authorId: 'u1', key: 'key-0006', name: 'Bus' }, bus.create, options({ now }));
  await assert.rejects(createOnce({ authorId: 'u1', key: 'key-0006', name: 'Expense' }, storingCreate(handle.db, 'Expense').create, options({ now })), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 409);
    assert.equal(error.details.field, 'idempotencyKey');
    assert.match(error.message, /already created the process "Bus"/);
    return true;
  });
  clock += KEY_TTL_MS + 1;
  await createOnce({ authorId: 'u1', key: 'key-0006', name: 'Bus' }, bus.create, options({ now }));
  assert.equal(bus.runs(), 2);
});

test('any create sweeps the keys that expired, whoever used them: the table keeps only recent submissions', async () => {
  let clock = Date.now();
  const now = () => clock;
  await createOnce({ authorId: 'u2', key: 'key-0101', name: 'Boat' }, storingCreate(handle.db, 'Boat').create, options({ now }));
  const keysOf = async (authorId: string) => (await handle.db.select().from(processCreateKeys)).filter((row) => row.authorId === authorId);
  assert.equal((await keysOf('u2')).length, 1);
  clock += KEY_TTL_MS + 1;
  await createOnce({ authorId: 'u3', key: 'key-0102', name: 'Kayak' }, storingCreate(handle.db, 'Kayak').create, options({ now }));
  assert.equal((await keysOf('u2')).length, 0, "another author's expired key is gone");
  assert.equal((await keysOf('u3')).length, 1);
});

test('a repeat waits at most waitMs for a create that stored its process; a claim that never stored one is then released', async () => {
  const deploy = gate();
  const ship = storingCreate(handle.db, 'Ship', { until: deploy.opened });
  const running = createOnce({ authorId: 'u1', key: 'key-0007', name: 'Ship' }, ship.create, options());
  await new Promise((resolve) => setTimeout(resolve, 50));
  await assert.rejects(createOnce({ authorId: 'u1', key: 'key-0007', name: 'Ship' }, ship.create, options({ waitMs: 30 })), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.deepEqual([error.status, error.code, error.details.field], [409, 'process.create-unfinished', 'idempotencyKey']);
    return true;
  });
  deploy.open();
  await running;

  // An instance died after claiming, before storing anything: its claim is released after waitMs.
  await handle.db.insert(processCreateKeys).values({ authorId: 'u1', key: 'key-0008', processName: 'Boat', claimedAt: new Date(Date.now() - 60_000) });
  const boat = storingCreate(handle.db, 'Boat');
  const created = await createOnce({ authorId: 'u1', key: 'key-0008', name: 'Boat' }, boat.create, options({ waitMs: 30_000 }));
  assert.equal(created.process.name, 'Boat');
});
