import { ProcessesView } from '@/components/approvals/ProcessesView';
import { requirePageAccess } from '../page-access';

export const dynamic = 'force-dynamic';

export default async function ProcessesPage() {
  await requirePageAccess('/processes');
  return <ProcessesView />;
}
