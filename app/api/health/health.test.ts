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

test('worker hosts: each listed host with the deployments it serves; one down is named, and does not make the app unhealthy', { timeout: 30_000 }, async () => {
  const { createServer } = await import('node:http');
  const deployments = [{ deploymentId: 'd1', taskQueue: 'signalbox-design-x', buildId: 'b1', workflowType: 'W', state: 'running', startedAt: new Date().toISOString() }];
  const host = createServer((req, res) => {
    res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', workers: deployments }));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const live = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
  const dead = `http://127.0.0.1:${await freePort()}`;
  process.env.SIGNALBOX_WORKER_HEALTH_URLS = `${live}, ${dead}/`;
  try {
    const { body } = await call(healthRoute.GET, {});
    assert.equal(body.workers.ok, true, 'one host answering is enough: every host polls every queue');
    assert.deepEqual(body.workers.hosts[0], { url: live, ok: true, ms: body.workers.hosts[0].ms, deployments: [{ deploymentId: 'd1', taskQueue: 'signalbox-design-x', buildId: 'b1', state: 'running' }] });
    assert.equal(body.workers.hosts[1].url, dead);
    assert.equal(body.workers.hosts[1].ok, false);
    assert.match(body.workers.hosts[1].message, new RegExp(`The worker host at ${dead} is not answering: .*ECONNREFUSED`));

    host.closeAllConnections();
    host.close();
    const { body: allDown } = await call(healthRoute.GET, {});
    assert.equal(allDown.workers.ok, false);
    assert.equal(allDown.database.ok, true);
  } finally {
    delete process.env.SIGNALBOX_WORKER_HEALTH_URLS;
    host.close();
  }
});
