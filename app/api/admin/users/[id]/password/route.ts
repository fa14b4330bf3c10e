import { deleteUserSessions, updateUser } from '@/db/repository';
import { json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody, routeParam } from '@/lib/api/request';
import { auditAsCaller } from '@/lib/auth/audit';
import { hashPassword } from '@/lib/auth/passwords';
import { ResetPasswordBodySchema } from '../../../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Sets a new password and ends all of the user's sessions. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = routeParam((await params).id);
  const { password } = await readBody(request, ResetPasswordBodySchema);
  const user = await updateUser({ id, changes: { passwordHash: await hashPassword(password) } });
  if (!user) throw notFound(`User ${id} not found`, 'user.not-found');
  await deleteUserSessions({ userId: id });
  await auditAsCaller('user.password-reset', `user:${id}`, { username: user.username });
  return json({ ok: true });
});
