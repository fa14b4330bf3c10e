import { ExecutionView } from '../../../components/execution/ExecutionView';

export default async function ExecutionPage({ params }: { params: Promise<{ workflowId: string }> }) {
  const { workflowId } = await params;
  return <ExecutionView workflowId={decodeURIComponent(workflowId)} />;
}
