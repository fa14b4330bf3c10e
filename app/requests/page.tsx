import { RequestsView } from '@/components/approvals/RequestsView';
import { requirePageAccess } from '../page-access';

export const dynamic = 'force-dynamic';

export default async function RequestsPage() {
  await requirePageAccess('/requests');
  return <RequestsView />;
}
