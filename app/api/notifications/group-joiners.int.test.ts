/**
 * From outside, against a real Temporal server and a worker host: a process whose level's approver
 * is a group notifies the group's members through the generated workflow's notify step; someone
 * outside the group is not told; a member added after the request opened is not told either, yet
 * finds the task in the inbox (the inbox is for approvers: members hold that role, lib/auth/policy.ts).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, signInNewUser } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as membersRoute from '../groups/[name]/members/route';
import * as groupsRoute from '../groups/route';
import * as inboxRoute from '../inbox/route';
import * as processesRoute from '../processes/route';
import * as requestsRoute from '../requests/route';
import * as countRoute from './count/route';
import * as notificationsRoute from './route';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'group-joiners' });
});
after(() => stack?.stop());

test("a group level notifies the group's members of the time; not others, not a later member (inbox only)", { skip, timeout: 240_000 }, async () => {
  const designer = await signInNewUser('gj-dora', ['designer']);
  const rita = await signInNewUser('gj-rita', ['requester']);
  const fiona = await signInNewUser('gj-fiona', ['approver']);
  const zed = await signInNewUser('gj-zed', ['approver']);
  const lena = await signInNewUser('gj-lena', ['approver']);
  const group = await call(groupsRoute.POST, { body: { name: 'gj-finance', displayName: 'Finance', members: ['gj-fiona'] } });
  assert.equal(group.status, 201, JSON.stringify(group.body));

  const spec = {
    name: 'Invoice',
    notify: true,
    fields: [{ name: 'amount', label: 'Amount', type: 'money', required: true }],
    levels: [{ name: 'Finance', approvers: [{ kind: 'group', name: 'gj-finance' }] }],
  };
  const created = await call(processesRoute.POST, { ...designer, body: { spec } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const processId: string = created.body.process.id;
  const submitted = await eventually('the worker to serve the process', async () => {
    const r = await call(requestsRoute.POST, { ...rita, body: { processId, fields: { amount: '120.00' } } });
    return r.status === 201 ? r : undefined;
  });
  const workflowId: string = submitted.body.request.workflowId;

  const told = await eventually('fiona (a member) to be told', async () => {
    const { body } = await call(notificationsRoute.GET, fiona);
    return body.notifications.length === 1 ? (body.notifications as { to: string; href: string }[]) : undefined;
  });
  assert.deepEqual([told[0]!.to, told[0]!.href], ['group:gj-finance', `/requests/${encodeURIComponent(workflowId)}`]);
  assert.deepEqual((await call(countRoute.GET, zed)).body, { unread: 0 }, 'an approver outside the group is not told');

  const added = await call(membersRoute.POST, { params: { name: 'gj-finance' }, body: { username: 'gj-lena' } });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.deepEqual((await call(countRoute.GET, lena)).body, { unread: 0 }, 'a member added since is not told');
  const inbox = await eventually('the task in her inbox', async () => {
    const { body } = await call(inboxRoute.GET, lena);
    return body.total === 1 ? body : undefined;
  });
  assert.equal(inbox.tasks[0].workflowId, workflowId);
});
