/**
 * The inbox's SQL over the task projection (in-memory PGlite): who sees which task, by name,
 * role and escalation; not twice; not one's own request unless allowed; the text filter; the
 * sort orders. The per-page canDecide confirmation needs a workflow: see notifications.int.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDb, type DbHandle } from '@/db/client';
import { createDesign } from '@/db/repository';
import { approvalRequests } from '@/db/schema';
import { generateApprovalDesign } from './generate';
import { ApprovalProcessSpecSchema } from './spec';
import { insertProcess, searchTextOf, type StoredProcess } from './store';
import { inboxOrder, inboxWhere } from './tasks';

let handle: DbHandle;
let strict: StoredProcess;
let lenient: StoredProcess;

const spec = (name: string, allowSelfApproval: boolean) =>
  ApprovalProcessSpecSchema.parse({ name, allowSelfApproval, fields: [{ name: 'item', type: 'string' }], levels: [{ name: 'L', approvers: [{ kind: 'role', name: 'approver' }] }] });

before(async () => {
  handle = createDb({ pglite: 'memory://' });
  await handle.migrate();
  const db = handle.db;
  const process = async (id: string, name: string, self: boolean) => {
    const { id: designId } = await createDesign({ db, design: generateApprovalDesign(spec(name, self)) });
    return insertProcess({ db, id, name, designId, spec: spec(name, self), createdBy: null });
  };
  strict = await process('p-strict', 'Laptops', false);
  lenient = await process('p-self', 'Snacks', true);
  const row = (workflowId: string, processId: string, requester: string, item: string, minute: number, task: { assignees: string[]; decided?: string[]; outcome?: string; deadline?: string }) => ({
    workflowId,
    processId,
    requesterName: requester,
    fields: { item },
    searchText: searchTextOf(requester, { item }),
    submittedAt: new Date(Date.UTC(2026, 0, 1, 9, minute)),
    taskOutcome: task.outcome ?? 'pending',
    taskLevel: 1,
    taskAssignees: task.assignees,
    taskApprovedBy: task.decided ?? [],
    taskDeadline: task.deadline ? new Date(task.deadline) : null,
    taskStale: false,
  });
  await db.insert(approvalRequests).values([
    row('by-role', 'p-strict', 'rita', 'ThinkPad', 1, { assignees: ['role:approver'], deadline: '2026-01-02T00:00:00Z' }),
    row('by-name', 'p-strict', 'rita', 'MacBook 100%', 2, { assignees: ['user:ann'], deadline: '2026-01-01T12:00:00Z' }),
    row('not-mine', 'p-strict', 'rita', 'Dell', 3, { assignees: ['user:bob'] }),
    row('ann-approved', 'p-strict', 'rita', 'Asus', 4, { assignees: ['role:approver'], decided: ['ann'] }),
    row('decided', 'p-strict', 'rita', 'Acer', 5, { assignees: [], outcome: 'approved' }),
    row('own-strict', 'p-strict', 'ann', 'Lenovo', 6, { assignees: ['role:approver'] }),
    row('own-lenient', 'p-self', 'ann', 'Chips', 7, { assignees: ['role:approver'] }),
  ]);
});
after(() => handle.close());

const ann = { username: 'ann', roles: ['approver' as const] };

async function tasks(who: { username: string; roles: ('approver' | 'viewer')[] }, processes: StoredProcess[], text?: string, sort?: 'oldest' | 'newest' | 'deadline'): Promise<string[]> {
  const rows = await handle.db.select({ id: approvalRequests.workflowId }).from(approvalRequests).where(inboxWhere(who, processes, text)).orderBy(...inboxOrder(sort));
  return rows.map((r) => r.id);
}

test("an approver's tasks: by role or name, not decided by them yet, not their own unless the process allows it", async () => {
  assert.deepEqual(await tasks(ann, [strict, lenient]), ['by-role', 'by-name', 'own-lenient']);
  assert.deepEqual(await tasks({ username: 'bob', roles: [] }, [strict, lenient]), ['not-mine'], 'bob has no role: only what names him');
  assert.deepEqual(await tasks({ username: 'vic', roles: ['viewer'] }, [strict, lenient]), []);
  assert.deepEqual(await tasks(ann, [lenient]), ['own-lenient'], 'one process');
  assert.deepEqual(await tasks(ann, []), []);
});

test('text filter (requester, field values, process name; LIKE wildcards taken literally) and sort orders', async () => {
  assert.deepEqual(await tasks(ann, [strict, lenient], 'THINK'), ['by-role']);
  assert.deepEqual(await tasks(ann, [strict, lenient], '100%'), ['by-name']);
  assert.deepEqual(await tasks(ann, [strict, lenient], '_'), [], '"_" is not a wildcard');
  assert.deepEqual(await tasks(ann, [strict, lenient], 'snacks'), ['own-lenient'], 'the process name');
  assert.deepEqual(await tasks(ann, [strict, lenient], 'rita'), ['by-role', 'by-name']);
  assert.deepEqual(await tasks(ann, [strict, lenient], undefined, 'newest'), ['own-lenient', 'by-name', 'by-role']);
  assert.deepEqual(await tasks(ann, [strict, lenient], undefined, 'deadline'), ['by-name', 'by-role', 'own-lenient'], 'nearest deadline first, none last');
});
