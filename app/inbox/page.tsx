import { InboxView } from '../../components/approvals/InboxView';
import { requirePageAccess } from '../../lib/auth/pages';

export const dynamic = 'force-dynamic';

export default async function InboxPage() {
  await requirePageAccess('/inbox');
  return <InboxView />;
}
