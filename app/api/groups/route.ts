import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { readBody } from '@/lib/api/request';
import { createGroup, listGroups } from '@/lib/auth/groups';
import { groupError } from './errors';
import { CreateGroupBodySchema } from './schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The groups with their members (username and display name): process authors pick them as approvers. */
export const GET = handle(async () => json({ groups: await listGroups() }));

/** Creates a group with its first members (admins): 400 naming the field, 409 when the name is taken. */
export const POST = handle(async (request: Request) => {
  const { name, displayName, members } = await readBody(request, CreateGroupBodySchema);
  const group = await createGroup({ group: { name, displayName: displayName || name, members } }).catch((error: unknown) => groupError(error));
  return json({ group }, 201);
});
