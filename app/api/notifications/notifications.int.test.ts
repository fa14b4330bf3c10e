/**
 * Notifications and the paged inbox through the REST API against a real Temporal server and a
 * worker host: a process with notifications on notifies its level's approver when the level
 * opens (a row per request, linked to the request) and the requester when it is decided; the
 * inbox pages over more requests than fit one page, with the right total, no task twice and
 * none missing, and drops a decided one.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, signInNewUser } from '@/testing/api';
import { eventually } from '@/testing/eventually';
import { startTestStack, type TestStack } from '@/testing/stack';
import * as decisionRoute from '../inbox/[workflowId]/decision/route';
import * as inboxRoute from '../inbox/route';
import * as processesRoute from '../processes/route';
import * as requestsRoute from '../requests/route';
import * as countRoute from './count/route';
import * as readRoute from './read/route';
import * as notificationsRoute from './route';

const skip = process.env.TEMPORAL_ADDRESS ? false : 'TEMPORAL_ADDRESS is not set';
let stack: TestStack | undefined;
const REQUESTS = 23;
const PAGE = 10;

before(async () => {
  if (!skip) stack = await startTestStack({ name: 'notifications' });
});

after(() => stack?.stop());

interface Note {
  id: number;
  message: string;
  href: string;
  read: boolean;
}

test('notifications on level open and on the decision; the inbox pages over more tasks than one page', { skip, timeout: 240_000 }, async () => {
  const designer = await signInNewUser('nd-dora', ['designer']);
  const rita = await signInNewUser('nd-rita', ['requester']);
  const ann = await signInNewUser('nd-ann', ['approver']);
  const mal = await signInNewUser('nd-mal', ['approver']);

  const spec = { name: 'Travel', notify: true, fields: [{ name: 'trip', type: 'string', required: true }], levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'nd-ann' }] }] };
  const created = await call(processesRoute.POST, { ...designer, body: { spec } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const processId: string = created.body.process.id;

  const submit = (trip: string) => call(requestsRoute.POST, { ...rita, body: { processId, fields: { trip } } });
  const first = await eventually('the worker to serve the process', async () => {
    const r = await submit('trip 00');
    return r.status === 201 ? r : undefined;
  });
  const ids: string[] = [first.body.request.workflowId];
  for (let i = 1; i < REQUESTS; i++) {
    const r = await submit(`trip ${String(i).padStart(2, '0')}`);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ids.push(r.body.request.workflowId);
  }

  // The level opened for every request: ann is told, with a link to the request; mal is not.
  const annNotes = await eventually('a notification per request for ann', async () => {
    const { body } = await call(notificationsRoute.GET, { ...ann, url: 'http://localhost/api/notifications?limit=100' });
    return body.notifications.length === REQUESTS ? (body.notifications as Note[]) : undefined;
  });
  assert.match(annNotes[0]!.message, /^Travel: approval needed \(Lead\) for a request by nd-rita$/);
  assert.deepEqual(new Set(annNotes.map((n) => n.href)), new Set(ids.map((id) => `/requests/${encodeURIComponent(id)}`)));
  assert.equal((await call(countRoute.GET, ann)).body.unread, REQUESTS);
  assert.deepEqual((await call(notificationsRoute.GET, mal)).body.notifications, []);

  // The inbox in pages of 10: 23 tasks on three pages, oldest first, each once.
  const pageOf = async (page: number) => (await call(inboxRoute.GET, { ...ann, url: `http://localhost/api/inbox?page=${page}&pageSize=${PAGE}` })).body;
  const pages = [await pageOf(1), await pageOf(2), await pageOf(3), await pageOf(4)];
  assert.deepEqual(pages.map((p) => [p.tasks.length, p.total]), [[10, REQUESTS], [10, REQUESTS], [3, REQUESTS], [0, REQUESTS]]);
  const listed = pages.flatMap((p) => p.tasks.map((t: { workflowId: string }) => t.workflowId));
  assert.deepEqual(listed, ids, 'every task once, oldest first');
  const filtered = (await call(inboxRoute.GET, { ...ann, url: 'http://localhost/api/inbox?q=TRIP%2007' })).body;
  assert.deepEqual([filtered.total, filtered.tasks[0]?.workflowId], [1, ids[7]], 'the text filter finds a field value');
  const newest = (await call(inboxRoute.GET, { ...ann, url: 'http://localhost/api/inbox?sort=newest&pageSize=1' })).body;
  assert.equal(newest.tasks[0].workflowId, ids[REQUESTS - 1]);
  assert.equal((await call(inboxRoute.GET, { ...ann, url: 'http://localhost/api/inbox?pageSize=1000' })).status, 400, 'page size is bounded');
  assert.equal((await call(inboxRoute.GET, mal)).body.total, 0, 'not listed: not in the inbox');

  // Ann decides one from her notification: the requester is told, the inbox has one task less.
  const decided = ids[4]!;
  const approved = await call(decisionRoute.POST, { ...ann, params: { workflowId: decided }, body: { approve: false, comment: 'too far', level: 1 } });
  assert.deepEqual(approved, { status: 200, body: { result: 'rejected' } });
  const told = await eventually('the requester to be told', async () => {
    const { body } = await call(notificationsRoute.GET, rita);
    return body.notifications[0] as Note | undefined;
  });
  assert.equal(told.message, 'Travel: your request was rejected');
  assert.equal(told.href, `/requests/${encodeURIComponent(decided)}`);
  assert.equal((await call(countRoute.GET, rita)).body.unread, 1);
  assert.deepEqual((await call(readRoute.POST, { ...rita, body: { ids: [told.id] } })).body, { unread: 0 });
  const after1 = await pageOf(1);
  assert.equal(after1.total, REQUESTS - 1);
  assert.ok(!after1.tasks.some((t: { workflowId: string }) => t.workflowId === decided));

  const mine = (await call(requestsRoute.GET, { ...rita, url: 'http://localhost/api/requests?pageSize=5&page=1' })).body;
  assert.deepEqual([mine.requests.length, mine.total], [5, REQUESTS]);
  const decidedView = await eventually('the decided request in the requests list', async () => {
    const { body } = await call(requestsRoute.GET, { ...rita, url: 'http://localhost/api/requests?pageSize=100' });
    const view = body.requests.find((r: { workflowId: string }) => r.workflowId === decided);
    return view?.status.outcome === 'rejected' ? view : undefined;
  });
  assert.equal(decidedView.status.levels[0].state, 'rejected');
});
