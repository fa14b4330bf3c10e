/**
 * Groups as approvers, without a workflow: the spec takes kind `group`, the generated decide
 * update and canDecide query check `args.actorGroups` (and only a process naming a group takes
 * that parameter), the projection lists `group:<name>` assignees, and the inbox's SQL shows the
 * task to members of the group only. The workflow itself deciding: group-approvers.int.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { compileDesign } from '@/codegen';
import type { NodeOfType } from '@/codegen/design';
import { createDb, type DbHandle } from '@/db/client';
import { createDesign } from '@/db/repository';
import { approvalRequests } from '@/db/schema';
import { APPROVAL_CONTRACT, generateApprovalDesign, usesGroups } from './generate';
import { ApprovalProcessSpecSchema, describeApprover, groupsNamedIn, parseApprovalSpec } from './spec';
import { isApproverOf, openTask } from './status';
import { insertProcess, listProcesses, searchTextOf } from './store';
import { actorArguments, inboxWhere } from './tasks';

const groupSpec = ApprovalProcessSpecSchema.parse({
  name: 'Invoice',
  fields: [{ name: 'amount', type: 'money' }],
  levels: [
    { name: 'Finance', approvers: [{ kind: 'group', name: 'finance-managers' }], deadline: { amount: 1, unit: 'days' }, onDeadline: { action: 'escalate', to: { kind: 'group', name: 'cfo-office' } } },
  ],
});
const userSpec = ApprovalProcessSpecSchema.parse({ name: 'Plain', fields: [], levels: [{ name: 'Lead', approvers: [{ kind: 'user', name: 'lead' }] }] });

const handlerOf = <T extends 'update' | 'query'>(spec: typeof groupSpec, type: T, name: string) =>
  generateApprovalDesign(spec).nodes.find((n): n is NodeOfType<T> => n.type === type && (n as { name?: string }).name === name)!;

test('the spec takes group approvers, names where each is, and describes them', () => {
  assert.deepEqual(groupsNamedIn(groupSpec), [
    { name: 'finance-managers', path: 'levels.0.approvers.0.name' },
    { name: 'cfo-office', path: 'levels.0.onDeadline.to.name' },
  ]);
  assert.equal(describeApprover({ kind: 'group', name: 'finance-managers' }), 'group finance-managers');
  const bad = parseApprovalSpec({ name: 'X', fields: [], levels: [{ name: 'L', approvers: [{ kind: 'group', name: 'a"b' }] }] });
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.issues[0]!.path, 'levels.0.approvers.0.name');
});

test('the generated workflow checks args.actorGroups; only a process naming a group takes it; it compiles', async () => {
  const decide = handlerOf(groupSpec, 'update', APPROVAL_CONTRACT.decideUpdate);
  assert.ok(decide.parameters.some((p) => p.name === 'actorGroups' && p.type === 'list'));
  assert.ok(decide.validators!.some((v) => v.condition.includes('contains(args.actorGroups, "finance-managers")')));
  assert.ok(handlerOf(groupSpec, 'query', APPROVAL_CONTRACT.canDecideQuery).parameters.some((p) => p.name === 'actorGroups'));
  assert.equal(handlerOf(userSpec, 'update', APPROVAL_CONTRACT.decideUpdate).parameters.some((p) => p.name === 'actorGroups'), false, 'other processes keep their contract');
  assert.equal(usesGroups(groupSpec), true);
  const actor = { username: 'fiona', roles: ['approver' as const], groups: ['finance-managers'] };
  assert.deepEqual(actorArguments(actor, groupSpec), { actor: 'fiona', actorRoles: ['approver'], actorGroups: ['finance-managers'] });
  assert.deepEqual(actorArguments(actor, userSpec), { actor: 'fiona', actorRoles: ['approver'] });
  const compiled = await compileDesign(generateApprovalDesign(groupSpec));
  assert.deepEqual(compiled.diagnostics.filter((d) => d.severity === 'error'), []);
});

test('members of the group are approvers of the process and its open level lists the group', () => {
  assert.equal(isApproverOf(groupSpec, { username: 'fiona', roles: [], groups: ['finance-managers'] }), true);
  assert.equal(isApproverOf(groupSpec, { username: 'carl', roles: [], groups: ['cfo-office'] }), true, 'the escalation target too');
  assert.equal(isApproverOf(groupSpec, { username: 'zed', roles: ['approver', 'admin'] }), false, 'no role stands in for a group');
  const open = openTask(groupSpec, { outcome: 'pending', level: 1, approvals: [], rejections: [], required: 1 });
  assert.deepEqual(open.assignees, ['group:finance-managers']);
});

let handle: DbHandle;
before(async () => {
  handle = createDb({ pglite: 'memory://' });
  await handle.migrate();
  const db = handle.db;
  const { id: designId } = await createDesign({ db, design: generateApprovalDesign(groupSpec) });
  await insertProcess({ db, id: 'p-invoice', name: 'Invoice', designId, spec: groupSpec, createdBy: null });
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
});
after(() => handle.close());

test('the inbox lists a group task to its members only', async () => {
  const stored = await listProcesses({ db: handle.db });
  const visible = async (who: { username: string; roles: ('approver' | 'admin')[]; groups?: string[] }) =>
    (await handle.db.select({ id: approvalRequests.workflowId }).from(approvalRequests).where(inboxWhere(who, stored))).map((r) => r.id);
  assert.deepEqual(await visible({ username: 'fiona', roles: ['approver'], groups: ['finance-managers'] }), ['invoice-1']);
  assert.deepEqual(await visible({ username: 'zed', roles: ['approver', 'admin'], groups: ['other'] }), []);
  assert.deepEqual(await visible({ username: 'zed', roles: ['approver'] }), []);
});
