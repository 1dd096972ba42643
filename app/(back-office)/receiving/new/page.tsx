import { ReceiptForm } from './receipt-form';

export default async function NewReceiptPage({ searchParams }: { searchParams: Promise<{ po?: string }> }) {
  const { po } = await searchParams;
  return <ReceiptForm purchaseOrderId={po ?? null} />;
}
