/** A deploy while no worker host answers: 503 `worker.unavailable` naming the host, at once, nothing recorded. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { closeDb } from '@/db/client';
import { call } from '@/testing/api';
import { freePort } from '@/testing/processes';
import * as deploymentsRoute from './deployments/route';
import * as designsRoute from './designs/route';
import * as designDeploymentsRoute from './designs/[id]/deployments/route';

const approval = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

after(async () => {
  delete process.env.SIGNALBOX_WORKER_HEALTH_URLS;
  await closeDb();
});

test('no worker host answering: the deploy is refused with 503 naming it, before any stage runs', { timeout: 60_000 }, async () => {
  process.env.SIGNALBOX_PGLITE_DIR = 'memory://';
  delete process.env.DATABASE_URL;
  const dead = `http://127.0.0.1:${await freePort()}`;
  process.env.SIGNALBOX_WORKER_HEALTH_URLS = dead;
  const { body: design } = await call(designsRoute.POST, { body: { design: approval } });
  const started = Date.now();
  const refused = await call(designDeploymentsRoute.POST, { body: {}, params: { id: design.id } });
  assert.equal(refused.status, 503);
  assert.equal(refused.body.error.code, 'worker.unavailable');
  assert.match(refused.body.error.message, new RegExp(`no worker host is answering \\(${dead}\\)`));
  assert.ok(Date.now() - started < 5_000, 'refused at once, not after the worker wait');
  assert.deepEqual((await call(deploymentsRoute.GET, { url: `/api/deployments?designId=${design.id}` })).body, { deployments: [] });
  // Bad input is still a 400 first.
  process.env.SIGNALBOX_WORKER_HEALTH_URLS = dead;
  assert.equal((await call(designDeploymentsRoute.POST, { body: { version: 'x' }, params: { id: design.id } })).status, 400);
});
