import { requirePageAccess } from '../../page-access';
import { GroupsAdmin } from '@/components/admin/GroupsAdmin';

export const dynamic = 'force-dynamic';

export default async function AdminGroupsPage() {
  await requirePageAccess('/admin/groups');
  return <GroupsAdmin />;
}
