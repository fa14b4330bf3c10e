import { ProcessesView } from '../../components/approvals/ProcessesView';
import { requirePageAccess } from '../../lib/auth/pages';

export const dynamic = 'force-dynamic';

export default async function ProcessesPage() {
  await requirePageAccess('/processes');
  return <ProcessesView />;
}
