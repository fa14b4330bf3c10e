import { json } from '@/lib/api/errors';
import { handle } from '@/lib/api/handle';
import { parseWith } from '@/lib/api/request';
import { searchPeople } from '@/lib/auth/groups';
import { PeopleQuerySchema } from '../groups/schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The approver picker's lookup (process authors): `?q=` → `{ people: [{ kind, name, displayName,
 * detail? }] }`, enabled users, groups and built-in roles whose name or display name contains q.
 * Users are shown by username and display name only, as anywhere else approvers are listed.
 */
export const GET = handle(async (request: Request) => {
  const { q } = parseWith(PeopleQuerySchema, Object.fromEntries(new URL(request.url).searchParams), 'query string');
  return json({ people: await searchPeople({ query: q }) });
});
