import { requirePageAccess } from '../../page-access';
import { UsersAdmin } from '@/components/admin/UsersAdmin';

export const dynamic = 'force-dynamic';

export default async function AdminUsersPage() {
  const me = await requirePageAccess('/admin/users');
  return <UsersAdmin myId={me.id} />;
}
