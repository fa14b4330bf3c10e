/** Recipients, delivery (deduplicated per activity attempt), who sees what, read marks — on an in-memory PGlite. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDb, type DbHandle } from '@/db/client';
import { createUser, updateUser } from '@/db/repository';
import { approvalProcesses, approvalRequests, designs } from '@/db/schema';
import { parseRecipients, RecipientError } from './recipients';
import { deliver, listFor, markRead, unreadCount, type Reader } from './store';

let handle: DbHandle;
let ann: Reader;
let bob: Reader;
let vic: Reader;

before(async () => {
  handle = createDb({ pglite: 'memory://' });
  await handle.migrate();
  const user = async (username: string, roles: ('approver' | 'viewer' | 'requester')[]): Promise<Reader> => {
    const u = await createUser({ db: handle.db, user: { username, displayName: username, passwordHash: null, roles } });
    return { id: u.id, username, roles };
  };
  ann = await user('ann', ['approver']);
  bob = await user('bob', ['approver']);
  vic = await user('vic', ['viewer']);
});
after(() => handle.close());

test('recipients: usernames and roles (role:x or "role x"), comma-separated, deduplicated; bad entries named', () => {
  assert.deepEqual(parseRecipients('ann, role:approver, role approver,Ann'), [
    { kind: 'user', name: 'ann' },
    { kind: 'role', name: 'approver' },
  ]);
  assert.throws(() => parseRecipients('role:boss'), (e: Error) => e instanceof RecipientError && /"boss" is not a role/.test(e.message));
  assert.throws(() => parseRecipients('ann, <script>'), /"<script>" is not a username, role:<role> or group:<group>/);
  assert.throws(() => parseRecipients(' , '), /recipient is empty/);
});

test('a user sees what is addressed to them or their roles, newest first; read marks are per user', async () => {
  const db = handle.db;
  assert.equal(await deliver(db, { recipients: [{ kind: 'role', name: 'approver' }], message: 'level open', workflowId: 'wf-1', sourceKey: 'run-1/1' }), 1);
  assert.equal(await deliver(db, { recipients: [{ kind: 'role', name: 'approver' }], message: 'level open', workflowId: 'wf-1', sourceKey: 'run-1/1' }), 0, 'a retried attempt adds nothing');
  await deliver(db, { recipients: [{ kind: 'user', name: 'ann' }], message: 'for ann only', workflowId: 'wf-2', sourceKey: 'run-2/1' });

  assert.deepEqual((await listFor(db, ann)).map((n) => [n.message, n.to, n.read, n.href]), [
    ['for ann only', 'user:ann', false, '/executions/wf-2'],
    ['level open', 'role:approver', false, '/executions/wf-1'],
  ]);
  assert.deepEqual((await listFor(db, bob)).map((n) => n.message), ['level open']);
  assert.deepEqual(await listFor(db, vic), [], 'a viewer gets none of it');
  assert.equal(await unreadCount(db, ann), 2);

  const roleNote = (await listFor(db, bob))[0]!;
  assert.deepEqual(await markRead(db, bob, [roleNote.id]), { addressed: 1 });
  assert.equal(await unreadCount(db, bob), 0);
  assert.equal(await unreadCount(db, ann), 2, "bob's read mark is not ann's");
  const annOnly = (await listFor(db, ann))[0]!;
  assert.deepEqual(await markRead(db, bob, [annOnly.id]), { addressed: 0 }, "bob cannot mark ann's notification");
  assert.equal(await unreadCount(db, ann), 2);

  assert.deepEqual(await markRead(db, ann), { addressed: 2 });
  assert.equal(await unreadCount(db, ann), 0);
  assert.deepEqual((await listFor(db, ann, { unreadOnly: true })), []);
  assert.deepEqual((await listFor(db, ann, { limit: 1 })).map((n) => n.message), ['for ann only']);
  assert.deepEqual((await listFor(db, ann, { before: annOnly.id })).map((n) => n.message), ['level open'], 'paging on by id');
});

test('a role\'s notifications reach only those who held the role when they were sent (granted later: not pushed)', async () => {
  const db = handle.db;
  for (const n of [1, 2, 3]) await deliver(db, { recipients: [{ kind: 'role', name: 'approver' }], message: `old task ${n}`, workflowId: `wf-old-${n}`, sourceKey: `run-old-${n}/1` });
  const newcomer = await createUser({ db, user: { username: 'nia', displayName: 'Nia', passwordHash: null, roles: ['approver'] } });
  const nia: Reader = { id: newcomer.id, username: 'nia', roles: ['approver'] };
  assert.equal(await unreadCount(db, nia), 0, 'joined after the three were sent');
  assert.deepEqual(await listFor(db, nia), []);
  assert.ok((await listFor(db, ann, { limit: 100 })).some((n) => n.message === 'old task 1'), 'those who held the role were told');

  await deliver(db, { recipients: [{ kind: 'role', name: 'approver' }], message: 'new task', workflowId: 'wf-new', sourceKey: 'run-new/1' });
  assert.deepEqual((await listFor(db, nia)).map((n) => n.message), ['new task']);
  assert.deepEqual(await markRead(db, nia, (await listFor(db, ann, { limit: 100 })).map((n) => n.id), { onlyIfAll: true }), { addressed: 1 }, "the old ones are not hers to mark");

  // A role granted later starts then: vic (a viewer) made an approver now hears only what comes next.
  await updateUser({ db, id: vic.id, changes: { roles: ['viewer', 'approver'] } });
  const vicNow: Reader = { ...vic, roles: ['viewer', 'approver'] };
  assert.equal(await unreadCount(db, vicNow), 0);
  await deliver(db, { recipients: [{ kind: 'role', name: 'approver' }], message: 'newer task', workflowId: 'wf-newer', sourceKey: 'run-newer/1' });
  assert.deepEqual((await listFor(db, vicNow)).map((n) => n.message), ['newer task']);
});

test('a notification about a request names its requester by display name (the workflow only knows the username)', async () => {
  const db = handle.db;
  const rita = await createUser({ db, user: { username: 'rita', displayName: 'Rita Requester', passwordHash: null, roles: ['requester'] } });
  await db.insert(designs).values({ id: 'd-travel', name: 'Travel' });
  await db.insert(approvalProcesses).values({ id: 'p-travel', name: 'Travel', designId: 'd-travel', spec: {} });
  await db.insert(approvalRequests).values({ workflowId: 'wf-rita', processId: 'p-travel', requesterId: rita.id, requesterName: 'rita', fields: {} });
  await deliver(db, { recipients: [{ kind: 'user', name: 'ann' }], message: 'Travel: approval needed (Lead) for a request by rita', workflowId: 'wf-rita', sourceKey: 'run-rita/1' });
  const [note] = await listFor(db, ann, { limit: 1 });
  assert.deepEqual([note!.message, note!.href], ['Travel: approval needed (Lead) for a request by Rita Requester', '/requests/wf-rita']);
});
