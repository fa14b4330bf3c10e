/**
 * A level whose approver is a group notifies that group's members (issue 14): the generated notify
 * step names the group, the notify activity's work (notifyDelivery, as the worker runs it) writes
 * it, and GET /api/notifications shows it to those who were members when it was sent — not to
 * others, nor pushed to a member added since (whose inbox still lists the task). In-memory app.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileDesign } from '@/codegen';
import type { NodeOfType } from '@/codegen/design';
import { getDb } from '@/db/client';
import { createDesign } from '@/db/repository';
import { approvalRequests } from '@/db/schema';
import { generateApprovalDesign } from '@/lib/approvals/generate';
import { ApprovalProcessSpecSchema } from '@/lib/approvals/spec';
import { insertProcess, listProcesses, searchTextOf } from '@/lib/approvals/store';
import { inboxWhere } from '@/lib/approvals/tasks';
import { groupsOf } from '@/lib/auth/groups';
import { notifyDelivery } from '@/lib/notifications/deliver';
import { parseRecipients } from '@/lib/notifications/recipients';
import { call, signInNewUser } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as membersRoute from '../groups/[name]/members/route';
import * as groupsRoute from '../groups/route';
import * as notificationsRoute from './route';

useInMemoryApp();

const spec = ApprovalProcessSpecSchema.parse({
  name: 'Invoice',
  notify: true,
  fields: [{ name: 'amount', type: 'money' }],
  levels: [{ name: 'Finance', approvers: [{ kind: 'group', name: 'finance-managers' }] }],
});

test('group recipients parse as group:<name> or "group <name>", deduplicated', () => {
  assert.deepEqual(parseRecipients('group:finance-managers, Group finance-managers, ann'), [
    { kind: 'group', name: 'finance-managers' },
    { kind: 'user', name: 'ann' },
  ]);
});

test("a group level notifies the group's members when sent; not others, not a member added later (the task is in their inbox)", async () => {
  const design = generateApprovalDesign(spec);
  const notify = design.nodes.find((n): n is NodeOfType<'activity'> => n.type === 'activity' && n.activity === 'notify' && n.label === 'Notify Finance');
  assert.ok(notify, 'the level has a notify step although its only approver is a group');
  const recipient = JSON.parse(notify.args.recipient!) as string;
  assert.equal(recipient, 'group finance-managers');
  const compiled = await compileDesign(design);
  assert.deepEqual(compiled.diagnostics.filter((d) => d.severity === 'error'), [], 'the design validates the group recipient');

  const fiona = await signInNewUser('fiona', ['requester']);
  const zed = await signInNewUser('zed', ['approver']);
  const lena = await signInNewUser('lena', ['requester']);
  const created = await call(groupsRoute.POST, { body: { name: 'finance-managers', displayName: 'Finance managers', members: ['fiona'] } });
  assert.equal(created.status, 201, JSON.stringify(created.body));

  const db = await getDb();
  const { id: designId } = await createDesign({ db, design });
  await insertProcess({ db, id: 'p-invoice', name: 'Invoice', designId, spec, createdBy: null });
  await db.insert(approvalRequests).values({
    workflowId: 'invoice-1',
    processId: 'p-invoice',
    requesterName: 'rita',
    fields: { amount: '10.00' },
    searchText: searchTextOf('rita', { amount: '10.00' }),
    taskAssignees: ['group:finance-managers'],
    taskLevel: 1,
    taskStale: false,
  });
  const sent = await notifyDelivery({ db, webhook: null }, { recipient, message: 'Invoice: approval needed (Finance) for a request by rita', workflowId: 'invoice-1', sourceKey: 'run-1/notify', attempt: 1 });
  assert.equal(sent.added, 1, 'one row for the group, resolved to its members when read');

  const added = await call(membersRoute.POST, { params: { name: 'finance-managers' }, body: { username: 'lena' } });
  assert.equal(added.status, 201, JSON.stringify(added.body));

  const inbox = async (options: { headers: { cookie: string }; as: null }) => {
    const answer = await call(notificationsRoute.GET, options);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return { unread: answer.body.unread as number, items: (answer.body.notifications as { to: string; href: string }[]).map((n) => [n.to, n.href]) };
  };
  assert.deepEqual(await inbox(fiona), { unread: 1, items: [['group:finance-managers', '/requests/invoice-1']] }, 'a member when it was sent gets it');
  assert.deepEqual(await inbox(zed), { unread: 0, items: [] }, 'a non-member does not, whatever their roles');
  assert.deepEqual(await inbox(lena), { unread: 0, items: [] }, 'a member added after it was sent is not told');

  const stored = await listProcesses({ db });
  const tasksOf = async (username: string) =>
    (await db.select({ id: approvalRequests.workflowId }).from(approvalRequests).where(inboxWhere({ username, roles: ['requester'], groups: await groupsOf({ db, username }) }, stored))).map((r) => r.id);
  assert.deepEqual(await tasksOf('lena'), ['invoice-1'], "the later member finds the task in their inbox");
});
