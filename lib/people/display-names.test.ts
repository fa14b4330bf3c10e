/** Usernames resolved to display names in one query; roles, groups and unknown names left as they are. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDb, type DbHandle } from '@/db/client';
import { createUser } from '@/db/repository';
import { displayNames, withPeople } from './display-names';

let handle: DbHandle;
before(async () => {
  handle = createDb({ pglite: 'memory://' });
  await handle.migrate();
  for (const [username, displayName] of [['rita', 'Rita Requester'], ['ann', 'Ann Approver'], ['boss', 'The Boss']] as const) {
    await createUser({ db: handle.db, user: { username, displayName, passwordHash: null, roles: ['approver'] } });
  }
});
after(() => handle.close());

test('display names for accounts only', async () => {
  assert.deepEqual(await displayNames(['rita', 'role approver', 'ghost', 'rita'], { db: handle.db }), { rita: 'Rita Requester' });
  assert.deepEqual(await displayNames([], { db: handle.db }), {});
});

test('a request view gets the names of everyone it mentions: requester, approvers, deciders, escalation', async () => {
  const level = { approvers: ['ann', 'role approver'], approvedBy: ['ann'], rejectedBy: [], pending: ['role approver'], escalatedTo: 'boss, then role admin' };
  const [view] = await withPeople([{ requester: 'rita', status: { levels: [level], history: [{ actor: 'ann' }, { actor: 'deadline' }] } }], { db: handle.db });
  assert.deepEqual(view!.people, { rita: 'Rita Requester', ann: 'Ann Approver', boss: 'The Boss' });
  assert.equal(view!.requester, 'rita', 'usernames stay (API callers match on them)');
});
