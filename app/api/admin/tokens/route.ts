import { createApiToken, getUserById, listApiTokens } from '@/db/repository';
import { json, notFound } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { auditAsCaller } from '@/lib/auth/audit';
import { requirePrincipal } from '@/lib/auth/context';
import { hashSecret, newApiToken, tokenPrefix } from '@/lib/auth/secrets';
import { CreateTokenBodySchema } from '../schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = handle(async () => json({ tokens: await listApiTokens() }));

/** Issues a token acting as a user (with that user's roles). The secret is in this response only. */
export const POST = handle(async (request: Request) => {
  const { name, userId } = await readBody(request, CreateTokenBodySchema);
  const admin = requirePrincipal();
  const subject = userId ?? admin.id;
  const user = await getUserById({ id: subject });
  if (!user) throw notFound(`User ${subject} not found`, 'user.not-found');
  const secret = newApiToken();
  const token = await createApiToken({ tokenHash: hashSecret(secret), prefix: tokenPrefix(secret), name, userId: user.id, createdBy: admin.id });
  await auditAsCaller('token.issue', `token:${token.id}`, { name, user: user.username });
  return json({ token: { ...token, username: user.username }, secret }, 201);
});
