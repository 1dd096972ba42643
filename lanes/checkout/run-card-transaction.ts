import { v7 as uuidv7 } from 'uuid';
import type { useTRPCClient } from '@/app/trpc/client';

type Client = ReturnType<typeof useTRPCClient>;
type Kind =
  'void' | 'refund' | 'balance' | 'reprint' | 'pre-auth' | 'pre-auth-cancel' | 'completion' | 'completion-void';

/** Starts a card transaction with no sale of its own and follows it to its end, reporting each status line. */
export async function runLaneCardTransaction(
  client: Client,
  request: { laneId: string; shiftId: string; kind: Kind; amountFen: number; originalPaymentId: string | null },
  onStatus: (text: string | null) => void,
) {
  const paymentId = uuidv7();
  await client.lane.startCardPayment.mutate({ ...request, paymentId, saleId: null });
  for (;;) {
    const payment = await client.lane.cardPayment.query({ paymentId });
    if (payment.state !== 'in_flight') return payment;
    onStatus(payment.status?.text ?? null);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
