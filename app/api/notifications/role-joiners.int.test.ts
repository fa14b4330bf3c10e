/**
 * From outside, against a real Temporal server and a worker host: an approver who joins the role
 * after three requests were opened is told about none of them (0 unread) yet finds all three in
 * the inbox; the requester's "1,500.00" is refused by the API in words naming the field; people
 * come back with their display names (inbox, request page, notification text).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getUserByUsername, updateUser } from '@/db/repository';
import { call, signInNewUser } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as inboxRoute from '../inbox/route';
import * as processesRoute from '../processes/route';
import * as requestRoute from '../requests/[workflowId]/route';
import * as requestsRoute from '../requests/route';
import * as countRoute from './count/route';
import * as notificationsRoute from './route';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'role-joiners' });
});
after(() => stack?.stop());

test('a new approver gets no notifications about tasks opened before they joined, and sees them in the inbox', { skip, timeout: 240_000 }, async () => {
  const designer = await signInNewUser('rj-dora', ['designer']);
  const rita = await signInNewUser('rj-rita', ['requester']);
  const ann = await signInNewUser('rj-ann', ['approver']);
  await updateUser({ id: (await getUserByUsername({ username: 'rj-rita' }))!.id, changes: { displayName: 'Rita Requester' } });

  const spec = {
    name: 'Purchase',
    notify: true,
    fields: [
      { name: 'amount', label: 'Amount', type: 'money', required: true },
      { name: 'purpose', label: 'Purpose', type: 'string', required: true },
    ],
    levels: [{ name: 'Finance', approvers: [{ kind: 'role', name: 'approver' }] }],
  };
  const created = await call(processesRoute.POST, { ...designer, body: { spec } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const processId: string = created.body.process.id;
  const submit = (amount: string, purpose: string) => call(requestsRoute.POST, { ...rita, body: { processId, fields: { amount, purpose } } });

  // The amount as a person types it reaches the API only through the form; the API says how to write it.
  const typed = await eventually('the worker to serve the process', async () => {
    const r = await submit('1,500.00', 'offsite');
    return r.status === 400 || r.status === 201 ? r : undefined;
  });
  assert.equal(typed.status, 400, JSON.stringify(typed.body));
  assert.match(typed.body.error.message, /"amount" \(Amount\).*write the amount like 1500\.00.*not "1,500\.00"/);
  assert.doesNotMatch(typed.body.error.message, /must be a money/);

  const ids: string[] = [];
  for (const purpose of ['offsite', 'laptops', 'books']) {
    const r = await submit('1500.00', purpose);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ids.push(r.body.request.workflowId);
  }
  const annNotes = await eventually('ann (an approver from before) to be told about the three', async () => {
    const { body } = await call(notificationsRoute.GET, { ...ann, url: 'http://localhost/api/notifications?limit=100' });
    return body.notifications.length === 3 ? (body.notifications as { message: string }[]) : undefined;
  });
  assert.equal(annNotes[0]!.message, 'Purchase: approval needed (Finance) for a request by Rita Requester');

  // Nia becomes an approver now: nothing pushed about the three, all three in her inbox.
  const nia = await signInNewUser('rj-nia', ['approver']);
  assert.deepEqual((await call(countRoute.GET, nia)).body, { unread: 0 });
  assert.deepEqual((await call(notificationsRoute.GET, nia)).body.notifications, []);
  const inbox = await eventually('the three in her inbox', async () => {
    const { body } = await call(inboxRoute.GET, nia);
    return body.total === 3 ? body : undefined;
  });
  assert.deepEqual(new Set(inbox.tasks.map((t: { workflowId: string }) => t.workflowId)), new Set(ids));
  assert.equal(inbox.tasks[0].people['rj-rita'], 'Rita Requester');
  assert.equal(inbox.tasks[0].requester, 'rj-rita', 'the API keeps usernames');

  const page = await call(requestRoute.GET, { ...rita, params: { workflowId: ids[0]! } });
  assert.equal(page.status, 200);
  assert.equal(page.body.request.people['rj-rita'], 'Rita Requester');
  assert.ok(page.body.request.deadline === null || typeof page.body.request.deadline === 'string');
});
