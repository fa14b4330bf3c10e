import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { parseWith, readBody } from '@/lib/api/request';
import { addMember, getGroup, removeMember } from '@/lib/auth/groups';
import { groupError, groupNameParam, groupNotFound } from '../../errors';
import { MemberBodySchema } from '../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ name: string }> };

/** The group's members: username and display name. */
export const GET = handle(async (_request: Request, { params }: Context) => {
  const name = groupNameParam((await params).name);
  const group = await getGroup({ name });
  if (!group) throw groupNotFound(name);
  return json({ members: group.members });
});

/** Adds a member (admins): `{ username }`; 400 naming `username` when no such user exists. */
export const POST = handle(async (request: Request, { params }: Context) => {
  const name = groupNameParam((await params).name);
  const { username } = await readBody(request, MemberBodySchema);
  const group = await addMember({ name, username }).catch((error: unknown) => groupError(error, 'username'));
  if (!group) throw groupNotFound(name);
  return json({ group }, 201);
});

/** Removes a member (admins): `?username=`. */
export const DELETE = handle(async (request: Request, { params }: Context) => {
  const name = groupNameParam((await params).name);
  const { username } = parseWith(MemberBodySchema, Object.fromEntries(new URL(request.url).searchParams), 'query string');
  if (!(await getGroup({ name }))) throw groupNotFound(name);
  return json({ group: await removeMember({ name, username }) });
});
