/**
 * Starting an execution while no worker host answers (issue 15): refused at once with 503
 * `worker.unavailable` naming the host, like a deploy — after the input's own checks, which still
 * say what to fix first. Route handlers through HTTP, in-memory database, Temporal unreachable.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { createDeployment, createDesign } from '@/db/repository';
import { call } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import { freePort } from '@/testing/processes';
import * as executionsRoute from './executions/route';

const approval = JSON.parse(readFileSync(new URL('../../testing/fixtures/approval-record.json', import.meta.url), 'utf8'));

useInMemoryApp();
after(() => {
  delete process.env.SIGNALBOX_WORKER_HEALTH_URLS;
});

test('no worker host answering: a start is refused with 503 naming it, at once; bad input is still 400 first', { timeout: 30_000 }, async () => {
  const { id } = await createDesign({ design: approval });
  await createDeployment({ designId: id, version: 1, workflowType: 'Approval', files: [], bundle: '' });
  const dead = `http://127.0.0.1:${await freePort()}`;
  process.env.SIGNALBOX_WORKER_HEALTH_URLS = dead;

  const started = Date.now();
  const refused = await call(executionsRoute.POST, { body: { designId: id, input: { requestId: 'r-1' } } });
  assert.equal(refused.status, 503, JSON.stringify(refused.body));
  assert.equal(refused.body.error.code, 'worker.unavailable');
  assert.match(refused.body.error.message, new RegExp(`^Cannot start now: no worker host is answering \\(${dead}\\).*Nothing was started`));
  assert.ok(Date.now() - started < 5_000, 'refused at once, not after Temporal or a worker timed out');

  // The input's checks come first: they say what to fix whatever is down.
  const badInput = await call(executionsRoute.POST, { body: { designId: id, input: {} } });
  assert.equal(badInput.status, 400, JSON.stringify(badInput.body));
  assert.equal((await call(executionsRoute.POST, { body: { input: {} } })).status, 400);
});
