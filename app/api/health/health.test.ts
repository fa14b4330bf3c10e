/** GET /api/health says which dependency is down: here Temporal (nothing listens on its port). */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { closeDb, getDb } from '@/db/client';
import { call } from '@/testing/api';
import { closeTemporalClient } from '@/lib/temporal-client';
import { freePort } from '@/testing/processes';
import * as healthRoute from './route';

after(async () => {
  await closeTemporalClient();
  await closeDb();
});

test('Temporal unreachable: 503 naming Temporal, the database still up', { timeout: 30_000 }, async () => {
  process.env.SIGNALBOX_PGLITE_DIR = 'memory://';
  delete process.env.DATABASE_URL;
  process.env.TEMPORAL_ADDRESS = `127.0.0.1:${await freePort()}`;
  await getDb(); // the embedded database's first start (migrations) is not what is timed
  const started = Date.now();
  const { status, body } = await call(healthRoute.GET, {});
  assert.equal(status, 503);
  assert.equal(body.ok, false);
  assert.equal(body.database.ok, true);
  assert.equal(body.temporal.ok, false);
  assert.equal(body.temporal.address, process.env.TEMPORAL_ADDRESS);
  assert.ok(body.temporal.message);
  assert.ok(Date.now() - started < 10_000, 'answers quickly instead of hanging');
});
