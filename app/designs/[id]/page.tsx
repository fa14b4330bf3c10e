import { DesignerLoader } from '../../../components/designer/DesignerLoader';

export default async function DesignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DesignerLoader id={decodeURIComponent(id)} />;
}
