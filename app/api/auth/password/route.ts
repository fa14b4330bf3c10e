import { getUserById, recordAudit, updateUser } from '../../../../db/repository';
import { ApiError, handle, json } from '../../../../lib/api/errors';
import { readBody } from '../../../../lib/api/request';
import { requirePrincipal } from '../../../../lib/auth/context';
import { hashPassword, verifyPassword } from '../../../../lib/auth/passwords';
import { ChangePasswordBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Changes one's own password (the current one is required). Other sessions stay signed in. */
export const POST = handle(async (request: Request) => {
  const { currentPassword, newPassword } = await readBody(request, ChangePasswordBodySchema);
  const principal = requirePrincipal();
  const user = await getUserById({ id: principal.id });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new ApiError(400, 'auth.wrong-password', 'The current password is not right.', { field: 'currentPassword' });
  }
  await updateUser({ id: user.id, changes: { passwordHash: await hashPassword(newPassword) } });
  await recordAudit({ actor: { id: principal.id, username: principal.username }, action: 'user.password-change', target: `user:${user.id}` });
  return json({ ok: true });
});
