import { InboxView } from '@/components/approvals/InboxView';
import { requirePageAccess } from '../page-access';

export const dynamic = 'force-dynamic';

export default async function InboxPage() {
  await requirePageAccess('/inbox');
  return <InboxView />;
}
