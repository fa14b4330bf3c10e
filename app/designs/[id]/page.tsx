import { DesignerLoader } from '@/components/designer/DesignerLoader';
import { requirePageAccess } from '../../page-access';

export default async function DesignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageAccess('/designs/[id]', `/designs/${id}`);
  return <DesignerLoader id={decodeURIComponent(id)} />;
}
