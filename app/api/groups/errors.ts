import { ApiError, badRequest, notFound } from '@/lib/api/errors';
import { z } from 'zod';
import { parseWith, routeParam } from '@/lib/api/request';
import { GroupExistsError, UnknownUsersError } from '@/lib/auth/groups';
import { GroupNameSchema } from './schema';

/** The group named in the route, checked like a new name (400 naming `name`: hostile text never reaches the database). */
export function groupNameParam(raw: string): string {
  return parseWith(z.object({ name: GroupNameSchema }), { name: routeParam(raw) }, 'group name').name;
}

export const groupNotFound = (name: string) => notFound(`Group "${name}" not found`, 'group.not-found');

/** The groups module's refusals as API answers: 409 for a taken name, 400 naming the member field. */
export function groupError(error: unknown, membersField = 'members'): never {
  if (error instanceof GroupExistsError) throw new ApiError(409, error.code, error.message, { field: 'name' });
  if (error instanceof UnknownUsersError) throw badRequest(error.message, error.code, { field: membersField });
  throw error;
}
