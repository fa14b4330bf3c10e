import { ApiError, json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { groupsNamedIn } from '@/lib/approvals/spec';
import { listProcesses } from '@/lib/approvals/store';
import { deleteGroup, getGroup, renameGroup } from '@/lib/auth/groups';
import { groupNameParam, groupNotFound } from '../errors';
import { UpdateGroupBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ name: string }> };

/** Changes the display name (admins); the name itself is what processes refer to and stays. */
export const PUT = handle(async (request: Request, { params }: Context) => {
  const name = groupNameParam((await params).name);
  const { displayName } = await readBody(request, UpdateGroupBodySchema);
  const group = await renameGroup({ name, displayName });
  if (!group) throw groupNotFound(name);
  return json({ group });
});

/** Deletes a group (admins); 409 while a process (any of its versions) names it as an approver. */
export const DELETE = handle(async (_request: Request, { params }: Context) => {
  const name = groupNameParam((await params).name);
  if (!(await getGroup({ name }))) throw groupNotFound(name);
  const usedBy = (await listProcesses()).filter((p) => p.revisions.some((r) => groupsNamedIn(r.spec).some((g) => g.name === name)));
  if (usedBy.length) {
    throw new ApiError(409, 'group.in-use', `Group "${name}" approves in ${usedBy.map((p) => `"${p.name}"`).join(', ')}: change those processes first.`, { field: 'name' });
  }
  await deleteGroup({ name });
  return json({ deleted: name });
});
