import { ExecutionView } from '@/components/execution/ExecutionView';
import { requirePageAccess } from '../../page-access';

export default async function ExecutionPage({ params }: { params: Promise<{ workflowId: string }> }) {
  const { workflowId } = await params;
  await requirePageAccess('/executions/[workflowId]', `/executions/${workflowId}`);
  return <ExecutionView workflowId={decodeURIComponent(workflowId)} />;
}
