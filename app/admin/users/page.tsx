import { requirePageAccess } from '../../page-access';
import { UsersAdmin } from './UsersAdmin';

export const dynamic = 'force-dynamic';

export default async function AdminUsersPage() {
  const me = await requirePageAccess('/admin/users');
  return <UsersAdmin myId={me.id} />;
}
