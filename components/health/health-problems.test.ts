import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemOf } from './health-problems';

test('the banner names every dependency that is down, and nothing when all are up', () => {
  const up = { database: { ok: true }, temporal: { ok: true, address: '127.0.0.1:7233' }, workers: { ok: true, hosts: [{ url: 'http://127.0.0.1:3001', ok: true }] } };
  assert.equal(problemOf(up), null);
  assert.deepEqual(problemOf(null)?.what, ['server']);

  const temporalAndWorker = problemOf({ ...up, temporal: { ok: false, address: '127.0.0.1:7233' }, workers: { ok: false, hosts: [{ url: 'http://127.0.0.1:3001', ok: false }] } });
  assert.deepEqual(temporalAndWorker?.what, ['temporal', 'worker']);
  assert.match(temporalAndWorker!.message, /Temporal is not reachable at 127\.0\.0\.1:7233\. Designs stay editable and saveable; deploying and starting wait until it is back\./);
  assert.match(temporalAndWorker!.message, /No worker host is answering \(http:\/\/127\.0\.0\.1:3001\): executions wait, and deploys cannot finish, until one is back\./);

  const database = problemOf({ ...up, database: { ok: false, message: 'connect ECONNREFUSED 127.0.0.1:5433' } });
  assert.deepEqual(database?.what, ['database']);
  assert.match(database!.message, /The database is not reachable: connect ECONNREFUSED 127\.0\.0\.1:5433 Changes cannot be saved until it is back\./);
});
