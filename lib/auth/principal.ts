import 'server-only';
import type { UserRow } from '@/db/schema';
import type { Role } from './roles';

/** Who is making a request: an enabled account, signed in with a session or an API token. */
export interface Principal {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  via: 'session' | 'token';
}

export function principalOf(user: UserRow, via: Principal['via']): Principal {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: [...user.roles], via };
}
