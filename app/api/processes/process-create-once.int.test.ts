/**
 * One submission of the process form creates one process (lib/approvals/create-once.ts), through
 * the REST API against a real Temporal server and worker host: two POSTs fired at once with the
 * same idempotency key — a double click — create one process and one design, both answered with it;
 * a later repeat gets the same answer; a refused submission keeps nothing, so its corrected form
 * creates; a malformed key is refused by name.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listAudit } from '@/db/repository';
import { call, signInNewUser } from '@/testing/api';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as processesRoute from './route';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'process-create-once' });
});

after(() => stack?.stop());

const spec = (name: string) => ({ name, fields: [{ name: 'cost', type: 'money', required: true }], levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'ann' }] }] });

test('two POSTs at once with the same idempotency key create one process; a repeat answers it again', { skip, timeout: 300_000 }, async () => {
  const designer = await signInNewUser('dora', ['designer']);
  const key = 'form-7f3c2a91-0b4e-4d55-9a0e-1c2d3e4f5a6b';
  const [first, second] = await Promise.all([
    call(processesRoute.POST, { ...designer, body: { spec: spec('Travel'), idempotencyKey: key } }),
    call(processesRoute.POST, { ...designer, body: { spec: spec('Travel'), idempotencyKey: key } }),
  ]);
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(second.status, 201, JSON.stringify(second.body));
  assert.equal(second.body.process.id, first.body.process.id, 'both answered with the same process');
  assert.equal(second.body.deployment.id, first.body.deployment.id, 'and the same deployment');
  const listed = await call(processesRoute.GET, designer);
  assert.equal(listed.body.processes.filter((p: { name: string }) => p.name === 'Travel').length, 1, 'one process');
  const creates = (await listAudit({ target: `process:${first.body.process.id}` })).filter((e) => e.action === 'approval.process-create');
  assert.equal(creates.length, 1, 'created (and audited) once');

  const repeated = await call(processesRoute.POST, { ...designer, body: { spec: spec('Travel'), idempotencyKey: key } });
  assert.deepEqual([repeated.status, repeated.body.process.id], [201, first.body.process.id]);
  const otherName = await call(processesRoute.POST, { ...designer, body: { spec: spec('Expenses'), idempotencyKey: key } });
  assert.deepEqual([otherName.status, otherName.body.error.code, otherName.body.error.field], [409, 'process.idempotency-key-reused', 'idempotencyKey']);

  // A refused submission keeps nothing: the same submission, corrected, creates.
  const retryKey = 'form-retry-0001';
  const refused = await call(processesRoute.POST, { ...designer, body: { spec: { ...spec('Hotel'), levels: [] }, idempotencyKey: retryKey } });
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  const corrected = await call(processesRoute.POST, { ...designer, body: { spec: spec('Hotel'), idempotencyKey: retryKey } });
  assert.equal(corrected.status, 201, JSON.stringify(corrected.body));
  assert.notEqual(corrected.body.process.id, first.body.process.id);

  const malformed = await call(processesRoute.POST, { ...designer, body: { spec: spec('Taxi'), idempotencyKey: 'a b' } });
  assert.deepEqual([malformed.status, malformed.body.error.field], [400, 'idempotencyKey']);
  assert.equal((await call(processesRoute.GET, designer)).body.processes.filter((p: { name: string }) => p.name === 'Taxi').length, 0, 'nothing created');
});
