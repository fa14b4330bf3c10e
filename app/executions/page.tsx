import { Suspense } from 'react';
import { ExecutionList } from '../../components/execution/ExecutionList';

export default function ExecutionsPage() {
  return (
    <Suspense fallback={<p className="muted">Loading executions…</p>}>
      <ExecutionList />
    </Suspense>
  );
}
