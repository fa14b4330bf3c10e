import { RequestDetail } from '@/components/approvals/RequestDetail';
import { requirePageAccess } from '../../page-access';

export const dynamic = 'force-dynamic';

export default async function RequestPage({ params }: { params: Promise<{ workflowId: string }> }) {
  const { workflowId } = await params;
  await requirePageAccess('/requests/[workflowId]', `/requests/${encodeURIComponent(workflowId)}`);
  return <RequestDetail workflowId={workflowId} />;
}
