import { v7 as uuidv7 } from 'uuid';
import type { useTRPCClient } from '@/app/trpc/client';

type Client = ReturnType<typeof useTRPCClient>;
type Kind = 'balance' | 'reprint' | 'pre-auth' | 'pre-auth-cancel' | 'completion' | 'completion-void';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a card transaction and follows it to its end, reporting each
 * status line. With `whileUnknown`, an unknown outcome is followed too until a query or the manager tells it.
 */
export async function runLaneCardTransaction(
  client: Client,
  request: { laneId: string; shiftId: string; kind: Kind; amountFen: number; originalPaymentId: string | null },
  onStatus: (text: string | null) => void,
  options: { saleId?: string; whileUnknown?: () => void } = {},
) {
  const paymentId = uuidv7();
  await client.lane.startCardPayment.mutate({ ...request, paymentId, saleId: options.saleId ?? null });
  return followLaneCardTransaction(client, paymentId, onStatus, options.whileUnknown);
}

/** Polls a card transaction until its outcome is known (or, without `whileUnknown`, until it is not in flight). */
export async function followLaneCardTransaction(
  client: Client,
  paymentId: string,
  onStatus: (text: string | null) => void,
  whileUnknown?: () => void,
) {
  for (;;) {
    const payment = await client.lane.cardPayment.query({ paymentId });
    if (payment.state === 'unknown' && whileUnknown) {
      whileUnknown();
      await pause(2_000);
      continue;
    }
    if (payment.state !== 'in_flight') return payment;
    onStatus(payment.status?.text ?? null);
    await pause(300);
  }
}
