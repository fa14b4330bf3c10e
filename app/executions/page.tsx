import { Suspense } from 'react';
import { ExecutionList } from '@/components/execution/ExecutionList';
import { requirePageAccess } from '../page-access';

export default async function ExecutionsPage() {
  await requirePageAccess('/executions');
  return (
    <Suspense fallback={<p className="muted">Loading executions…</p>}>
      <ExecutionList />
    </Suspense>
  );
}
