import { LabelSheet } from './label-sheet';

export default async function LabelsPage({ searchParams }: { searchParams: Promise<{ ids?: string }> }) {
  const { ids } = await searchParams;
  const productIds = (ids ?? '').split(',').filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  return <LabelSheet productIds={productIds} />;
}
