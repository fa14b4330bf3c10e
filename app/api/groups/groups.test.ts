/**
 * Groups and the approver lookup through their route handlers (in-memory app): admins manage
 * groups, process authors read them and look people up, everyone else is refused; bad names are
 * refused with 400 naming the field before anything is written; a process may only name a group
 * that exists (400 naming the level and approver).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDesign, createUser } from '@/db/repository';
import { generateApprovalDesign } from '@/lib/approvals/generate';
import { ApprovalProcessSpecSchema } from '@/lib/approvals/spec';
import { insertProcess } from '@/lib/approvals/store';
import { call } from '@/testing/api';
import { useInMemoryApp } from '@/testing/in-memory-app';
import * as processesRoute from '../processes/route';
import * as peopleRoute from '../people/route';
import * as membersRoute from './[name]/members/route';
import * as groupRoute from './[name]/route';
import * as groupsRoute from './route';

useInMemoryApp();

const user = (username: string, displayName: string, disabled = false) =>
  createUser({ user: { username, displayName, passwordHash: 'argon2id-not-a-real-hash', roles: ['approver'] } }).then(async (u) => {
    if (disabled) {
      const { updateUser } = await import('@/db/repository');
      await updateUser({ id: u.id, changes: { disabled: true } });
    }
    return u;
  });

test('an admin creates a group with members, renames it, adds and removes a member, deletes it', async () => {
  await user('fiona', 'Fiona Finance');
  await user('frank', 'Frank Ledger');
  const created = await call(groupsRoute.POST, { body: { name: 'Finance-Managers', displayName: 'Finance managers', members: ['fiona'] } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.deepEqual(created.body.group.members, [{ username: 'fiona', displayName: 'Fiona Finance' }]);
  assert.equal(created.body.group.name, 'finance-managers', 'names are lower-cased like usernames');

  const again = await call(groupsRoute.POST, { body: { name: 'finance-managers', members: [] } });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.field, 'name');

  const renamed = await call(groupRoute.PUT, { params: { name: 'finance-managers' }, body: { displayName: 'Finance managers (EU)' } });
  assert.equal(renamed.body.group.displayName, 'Finance managers (EU)');

  const added = await call(membersRoute.POST, { params: { name: 'finance-managers' }, body: { username: 'frank' } });
  assert.equal(added.status, 201);
  assert.deepEqual(added.body.group.members.map((m: { username: string }) => m.username), ['fiona', 'frank']);
  const removed = await call(membersRoute.DELETE, { params: { name: 'finance-managers' }, url: '/?username=fiona' });
  assert.deepEqual(removed.body.group.members.map((m: { username: string }) => m.username), ['frank']);
  const members = await call(membersRoute.GET, { params: { name: 'finance-managers' }, as: 'designer' });
  assert.deepEqual(members.body, { members: [{ username: 'frank', displayName: 'Frank Ledger' }] });

  const listed = await call(groupsRoute.GET, { as: 'designer' });
  assert.deepEqual(listed.body.groups.map((g: { name: string }) => g.name), ['finance-managers']);
  assert.equal((await call(groupRoute.DELETE, { params: { name: 'finance-managers' } })).status, 200);
  assert.deepEqual((await call(groupsRoute.GET)).body.groups, []);
  assert.equal((await call(groupRoute.DELETE, { params: { name: 'finance-managers' } })).status, 404);
});

test('only admins change groups; process authors read them; requesters and approvers are refused', async () => {
  for (const as of ['designer', 'approver', 'requester', 'viewer'] as const) {
    const refused = await call(groupsRoute.POST, { as, body: { name: `by-${as}`, members: [] } });
    assert.equal(refused.status, 403, `${as} may not create a group`);
    assert.equal((await call(membersRoute.POST, { as, params: { name: 'anything' }, body: { username: 'fiona' } })).status, 403);
    assert.equal((await call(groupRoute.DELETE, { as, params: { name: 'anything' } })).status, 403);
  }
  assert.equal((await call(groupsRoute.GET, { as: 'designer' })).status, 200);
  assert.equal((await call(groupsRoute.GET, { as: 'approver' })).status, 403);
  assert.equal((await call(peopleRoute.GET, { as: 'requester', url: '/?q=a' })).status, 403);
  assert.equal((await call(groupsRoute.GET, { as: null })).status, 401);
  assert.deepEqual((await call(groupsRoute.GET)).body.groups.filter((g: { name: string }) => g.name.startsWith('by-')), [], 'nothing was created');
});

test('hostile or bad names are refused with 400 naming the field, and nothing is written', async () => {
  const bad: [Record<string, unknown>, string][] = [
    [{ name: '../admin', members: [] }, 'name'],
    [{ name: 'x', members: [] }, 'name'],
    [{ name: 'a\u202ebc', members: [] }, 'name'],
    [{ name: 'approver', members: [] }, 'name'],
    [{ name: "x'); drop table users; --", members: [] }, 'name'],
    [{ name: 'ok-group', displayName: 'Evil \u202e name', members: [] }, 'displayName'],
    [{ name: 'ok-group', members: ['Not A User!'] }, 'members.0'],
    [{ name: 'ok-group', members: ['nobody-at-all'] }, 'members'],
  ];
  for (const [body, field] of bad) {
    const refused = await call(groupsRoute.POST, { body });
    assert.equal(refused.status, 400, JSON.stringify(body));
    assert.equal(refused.body.error.field, field, JSON.stringify(refused.body));
  }
  assert.deepEqual((await call(groupsRoute.GET)).body.groups.filter((g: { name: string }) => g.name === 'ok-group'), [], 'no group half-created');
  const badParam = await call(groupRoute.PUT, { params: { name: '../../etc' }, body: { displayName: 'x' } });
  assert.equal(badParam.status, 400);
  assert.equal(badParam.body.error.field, 'name');
  const badMember = await call(membersRoute.POST, { params: { name: 'no-such-group' }, body: { username: 'fiona' } });
  assert.equal(badMember.status, 404);
});

test('the lookup finds users by username or display name, groups and roles, and shows no more than names', async () => {
  await user('gail', 'Gail Treasury');
  await user('gone', 'Gone Treasury', true);
  await call(groupsRoute.POST, { body: { name: 'treasury', displayName: 'Treasury team', members: ['gail'] } });
  const found = await call(peopleRoute.GET, { as: 'designer', url: '/?q=treas' });
  assert.equal(found.status, 200);
  assert.deepEqual(found.body.people, [
    { kind: 'user', name: 'gail', displayName: 'Gail Treasury' },
    { kind: 'group', name: 'treasury', displayName: 'Treasury team', detail: '1 member' },
  ], 'disabled users are not suggested');
  const roles = await call(peopleRoute.GET, { as: 'designer', url: '/?q=APPROV' });
  assert.ok(roles.body.people.some((p: { kind: string; name: string }) => p.kind === 'role' && p.name === 'approver'));
  const wildcard = await call(peopleRoute.GET, { as: 'designer', url: '/?q=%25' });
  assert.deepEqual(wildcard.body.people, [], '% is taken literally');
  for (const person of roles.body.people) assert.deepEqual(Object.keys(person).filter((k) => !['kind', 'name', 'displayName', 'detail'].includes(k)), []);
  assert.equal((await call(peopleRoute.GET, { as: 'designer', url: `/?q=${'a'.repeat(101)}` })).body.error.field, 'q');
});

test('a process may only name a group that exists: 400 naming the level and approver; a group in use is not deleted', async () => {
  const spec = (group: string) => ({
    name: 'Group purchase',
    fields: [{ name: 'amount', type: 'money', required: true }],
    levels: [{ name: 'Finance', approvers: [{ kind: 'user', name: 'gail' }, { kind: 'group', name: group }] }],
  });
  const refused = await call(processesRoute.POST, { as: 'designer', body: { spec: spec('no-such-team') } });
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  assert.equal(refused.body.error.field, 'levels.0.approvers.1.name');
  assert.match(refused.body.error.message, /Level 1 › approver 2 › name: is not a group: "no-such-team"/);

  // In use (stored directly: deploying is not this test's concern).
  await call(groupsRoute.POST, { body: { name: 'auditors', members: [] } });
  const audited = ApprovalProcessSpecSchema.parse({ ...spec('auditors'), name: 'Audited purchase' });
  const { id: designId } = await createDesign({ design: generateApprovalDesign(audited) });
  await insertProcess({ id: 'p-auditors', name: audited.name, designId, spec: audited, createdBy: null });
  const inUse = await call(groupRoute.DELETE, { params: { name: 'auditors' } });
  assert.equal(inUse.status, 409);
  assert.match(inUse.body.error.message, /"Audited purchase"/);
});
