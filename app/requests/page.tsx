import { RequestsView } from '../../components/approvals/RequestsView';
import { requirePageAccess } from '../../lib/auth/pages';

export const dynamic = 'force-dynamic';

export default async function RequestsPage() {
  await requirePageAccess('/requests');
  return <RequestsView />;
}
