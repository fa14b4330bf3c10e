/**
 * A process's date fields through POST /api/requests (in-memory app): a date that is not a real
 * ISO calendar day is refused with 400, in words naming the field, before anything is written or
 * started; a real one passes the door (and meets the next check: this process is not deployed).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDesign } from '@/db/repository';
import { generateApprovalDesign } from '@/lib/approvals/generate';
import { ApprovalProcessSpecSchema } from '@/lib/approvals/spec';
import { insertProcess } from '@/lib/approvals/store';
import { call } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as requestsRoute from './route';

useInMemoryApp();

const spec = ApprovalProcessSpecSchema.parse({
  name: 'Leave request',
  fields: [
    { name: 'due', label: 'Due date', type: 'date' },
    { name: 'returnBy', type: 'date', required: false },
  ],
  levels: [{ name: 'Manager', approvers: [{ kind: 'role', name: 'approver' }] }],
});

test('the generated design carries a date field as text', () => {
  assert.deepEqual(generateApprovalDesign(spec).input.find((f) => f.name === 'due'), { name: 'due', type: 'string', label: 'Due date', required: true });
});

test('a date that is not a real calendar day is refused in words, naming the field, and nothing is started', async () => {
  const { id: designId } = await createDesign({ design: generateApprovalDesign(spec) });
  await insertProcess({ id: 'p-leave', name: spec.name, designId, spec, createdBy: null });

  for (const [due, shown] of [['2026-02-30', '"2026-02-30"'], ['24.12.2026', '"24.12.2026"'], ['2026-12-24T10:00:00Z', '"2026-12-24T10:00:00Z"'], [20261224, 'number 20261224']] as const) {
    const refused = await call(requestsRoute.POST, { body: { processId: 'p-leave', fields: { due } }, as: 'requester' });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.error.field, 'fields.due');
    assert.equal(refused.body.error.message, `Field "due" (Due date): write a date like 2026-12-24 (year-month-day, a day that exists), not ${shown}`);
  }
  const optional = await call(requestsRoute.POST, { body: { processId: 'p-leave', fields: { due: '2026-12-24', returnBy: '2027-13-01' } }, as: 'requester' });
  assert.equal(optional.status, 400);
  assert.equal(optional.body.error.message, 'Field "returnBy": write a date like 2026-12-24 (year-month-day, a day that exists), not "2027-13-01"');

  const mine = await call(requestsRoute.GET, { as: 'requester' });
  assert.equal(mine.body.total, 0, 'no request row was written');

  // Real days (a leap day too) pass the date check; what refuses them now is that the process is not deployed.
  const real = await call(requestsRoute.POST, { body: { processId: 'p-leave', fields: { due: '2028-02-29', returnBy: '' } }, as: 'requester' });
  assert.notEqual(real.body.error?.field, 'fields.due', JSON.stringify(real.body));
  assert.doesNotMatch(real.body.error?.message ?? '', /write a date/);
});
