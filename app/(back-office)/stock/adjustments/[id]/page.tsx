import { AdjustmentDetail } from './adjustment-detail';

export default async function AdjustmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AdjustmentDetail id={id} />;
}
