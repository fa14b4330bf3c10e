import { countActiveAdmins, deleteUserSessions, getUserById, updateUser } from '@/db/repository';
import { ApiError, json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { auditAsCaller } from '@/lib/auth/audit';
import { UpdateUserBodySchema } from '../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Sets roles, disables/enables, renames. Disabling signs the user out everywhere; the last enabled admin stays an admin. */
export const PATCH = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = routeParam((await params).id);
  const changes = await readBody(request, UpdateUserBodySchema);
  const before = await getUserById({ id });
  if (!before) throw notFound(`User ${id} not found`, 'user.not-found');
  const losesAdmin =
    before.roles.includes('admin') && !before.disabled && (changes.disabled === true || (changes.roles !== undefined && !changes.roles.includes('admin')));
  if (losesAdmin && (await countActiveAdmins()) <= 1) {
    throw new ApiError(409, 'user.last-admin', `${before.username} is the only enabled admin: make someone else an admin first.`, {
      field: changes.disabled === true ? 'disabled' : 'roles',
    });
  }
  const user = await updateUser({ id, changes });
  if (!user) throw notFound(`User ${id} not found`, 'user.not-found');
  if (changes.disabled === true) await deleteUserSessions({ userId: id });
  await auditAsCaller('user.update', `user:${id}`, {
    username: user.username,
    ...(changes.roles ? { roles: { from: before.roles, to: user.roles } } : {}),
    ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
    ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
  });
  return json({ user });
});
