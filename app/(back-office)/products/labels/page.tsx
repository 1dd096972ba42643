import { LabelSheet } from './label-sheet';
import { LabelSheetTitle } from './label-sheet-title';

export default async function LabelsPage({ searchParams }: { searchParams: Promise<{ ids?: string }> }) {
  const { ids } = await searchParams;
  const productIds = (ids ?? '').split(',').filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  return (
    <>
      <LabelSheetTitle />
      <LabelSheet productIds={productIds} />
    </>
  );
}
