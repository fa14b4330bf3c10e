import { createUser, listUsers } from '@/db/repository';
import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { auditAsCaller } from '@/lib/auth/audit';
import { hashPassword } from '@/lib/auth/passwords';
import { CreateUserBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle(async () => json({ users: await listUsers() }));

/** Creates an account with a first password the admin passes on (409 when the username is taken). */
export const POST = handle(async (request: Request) => {
  const { username, displayName, password, roles } = await readBody(request, CreateUserBodySchema);
  const user = await createUser({ user: { username, displayName: displayName || username, passwordHash: await hashPassword(password), roles } });
  await auditAsCaller('user.create', `user:${user.id}`, { username, roles });
  return json({ user }, 201);
});
