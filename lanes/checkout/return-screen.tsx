'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC, useTRPCClient } from '@/app/trpc/client';
import { describeError, errorReason } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import { returnShareFen } from '@/server/domain/return-share';
import { receiptNumber } from '@/server/domain/store-time';
import type { ResolvedCode } from '@/server/domain/resolve-code';
import type { LaneProduct } from './cart';
import { ReturnWithoutReceipt } from './return-without-receipt';
import { voidElseRefund } from './return-card-refund';
import { followLaneCardTransaction } from './run-card-transaction';
import type { LaneConfig } from './use-lane';

/**
 * A return by receipt: the receipt's barcode (or its number typed), the quantities coming back, a cash
 * refund. Without a receipt, the goods are scanned and a supervisor approves.
 */
export function ReturnScreen({
  config,
  shiftId,
  lookup,
  onDone,
}: {
  config: LaneConfig;
  shiftId: string;
  lookup: (code: string) => Promise<ResolvedCode<LaneProduct> | null>;
  onDone: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const [receiptNo, setReceiptNo] = useState<string | null>(null);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [returnId] = useState(() => uuidv7());
  const [withoutReceipt, setWithoutReceipt] = useState(false);
  const [refundedWithoutReceipt, setRefundedWithoutReceipt] = useState<number | null>(null);
  const sale = useQuery({
    ...trpc.lane.findSaleForReturn.queryOptions({ receiptNo: receiptNo ?? '' }),
    enabled: receiptNo !== null,
    // Always asked afresh: what may still be returned changes with every refund, on any lane.
    staleTime: 0,
    gcTime: 0,
  });
  const refund = useMutation(trpc.lane.recordReturn.mutationOptions());
  const client = useTRPCClient();
  const [cardStatus, setCardStatus] = useState<string | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  // Kept once the terminal approved it: a retried return must not void or refund the card twice.
  const [cardPaymentId, setCardPaymentId] = useState<string | null>(null);
  const error = describeError(sale.error ?? refund.error, t);
  const chosen = Object.entries(quantities).filter(([, q]) => q > 0);
  const previewFen = chosen.reduce((sum, [lineId, q]) => {
    const line = sale.data?.lines.find((l) => l.lineId === lineId);
    return line ? sum + returnShareFen(line.totalFen, line.quantity, line.returnedQuantity, q) : sum;
  }, 0);

  const find = (event: FormEvent) => {
    event.preventDefault();
    setQuantities({});
    setReceiptNo(typed.trim());
  };
  /** What the customer brings back, as the server keeps it with a card refund: built once per try. */
  const returnRequest = () => {
    const returnedAt = new Date();
    return {
      returnId,
      laneId: config.laneId,
      shiftId,
      receiptNo: receiptNumber(config.laneNumber, returnedAt, config.timeZone),
      returnedAt,
      originalSaleId: sale.data?.sale.id ?? '',
      lines: chosen.map(([originalLineId, quantity]) => ({ lineId: uuidv7(), originalLineId, quantity })),
    };
  };
  type ReturnRequest = ReturnType<typeof returnRequest>;
  /**
   * A card-paid sale goes back to the card first: void when all of it comes back the same day, else refund. The
   * server keeps the return with it and records it once the card transaction is approved, even if this screen is gone.
   */
  const refundToCard = async (request: ReturnRequest): Promise<string | null | false> => {
    const card = sale.data?.card;
    if (!card || !sale.data) return null;
    const remaining = card.amountFen - card.refundedFen;
    const amountFen = Math.min(previewFen, remaining);
    if (amountFen <= 0) return null;
    const everything = sale.data.lines.every(
      (l) => l.returnedQuantity === 0 && (quantities[l.lineId] ?? 0) === l.quantity,
    );
    // Under the return's id, so a void or refund of unknown outcome holds the return (and any second try) until known.
    const whileUnknown = () => setCardStatus(t('lane.cardOutcomeWaiting'));
    const run = async (kind: 'void' | 'refund', amount: number) => {
      const paymentId = uuidv7();
      await client.lane.startReturnCardRefund.mutate({ paymentId, kind, amountFen: amount, return: request });
      return followLaneCardTransaction(client, paymentId, setCardStatus, whileUnknown);
    };
    const payment = await (card.voidable && everything
      ? voidElseRefund(
          () => run('void', card.amountFen),
          () => run('refund', amountFen),
          errorReason,
        )
      : run('refund', amountFen));
    setCardStatus(null);
    if (payment.state !== 'approved') {
      setCardError(t('lane.cardDeclined', { reason: payment.message ?? payment.respCode ?? '' }));
      return false;
    }
    setCardPaymentId(payment.id);
    return payment.id;
  };
  const submitRefund = async () => {
    if (!sale.data || chosen.length === 0) return;
    setCardError(null);
    const request = returnRequest();
    const toCard =
      cardPaymentId ??
      (await refundToCard(request).catch((e: unknown) => {
        setCardStatus(null);
        setCardError(describeError(e, t)?.message ?? String(e));
        return false as const;
      }));
    if (toCard === false) return;
    // Already recorded by the server when the card refund was approved: the same return comes back.
    refund.mutate({ ...request, cardPaymentId: toCard });
  };

  const refundedFen = refund.data?.refundFen ?? refundedWithoutReceipt;
  if (refundedFen !== null) {
    return (
      <section
        className="mx-auto mt-16 w-96 space-y-4 rounded bg-white p-8 text-center shadow"
        aria-label={t('lane.return')}
      >
        <p role="status" className="text-2xl font-bold">
          {t('lane.refunded', { amount: formatFen(refundedFen, { symbol: true }) })}
        </p>
        <button type="button" className="btn-primary" autoFocus onClick={onDone}>
          {t('lane.newSale')}
        </button>
      </section>
    );
  }
  return (
    <section className="mx-auto mt-8 w-[40rem] space-y-4 rounded bg-white p-6 shadow" aria-label={t('lane.return')}>
      <div className="flex items-center">
        <h1 className="text-xl font-semibold">{withoutReceipt ? t('lane.returnWithoutReceipt') : t('lane.return')}</h1>
        <button
          type="button"
          className="btn-secondary ml-auto"
          disabled={refund.isPending}
          onClick={() => setWithoutReceipt(!withoutReceipt)}
        >
          {withoutReceipt ? t('lane.returnByReceipt') : t('lane.returnWithoutReceipt')}
        </button>
      </div>
      {withoutReceipt ? (
        <ReturnWithoutReceipt
          config={config}
          shiftId={shiftId}
          lookup={lookup}
          onRefunded={setRefundedWithoutReceipt}
          onBack={onDone}
        />
      ) : (
        <>
          <form onSubmit={find} className="flex items-end gap-2">
            <div className="flex-1">
              <label htmlFor="return-receipt" className="field-label">
                {t('lane.receiptNo')}
              </label>
              <input
                id="return-receipt"
                autoFocus
                className="field-input font-mono"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
              />
            </div>
            <button type="submit" className="btn-secondary">
              {t('lane.find')}
            </button>
          </form>
          <ErrorAlert error={error} />
          {cardStatus && (
            <p role="status" className="font-semibold text-brand-700">
              {cardStatus}
            </p>
          )}
          {cardError && (
            <p role="alert" className="text-sm text-red-600">
              {cardError}
            </p>
          )}
          {sale.data && (
            <table className="data-table" aria-label={t('lane.lines')}>
              <tbody>
                {sale.data.lines.map((line, i) => (
                  <tr key={line.lineId}>
                    <td>{line.nameZh}</td>
                    <td className="text-right font-mono">{formatFen(line.totalFen)}</td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        max={line.returnableQuantity}
                        disabled={line.returnableQuantity === 0}
                        aria-label={t('lane.returnQuantity', { n: i + 1 })}
                        className="w-20 rounded border px-2 py-1"
                        value={quantities[line.lineId] ?? 0}
                        onChange={(e) =>
                          setQuantities({
                            ...quantities,
                            [line.lineId]: Math.max(
                              0,
                              Math.min(line.returnableQuantity, Math.floor(Number(e.target.value) || 0)),
                            ),
                          })
                        }
                      />
                      <span className="ml-1 text-xs text-slate-500">/ {line.returnableQuantity}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="flex gap-2">
            <button type="button" className="btn-secondary" onClick={onDone}>
              {t('lane.back')}
            </button>
            <button
              type="button"
              className="btn-primary flex-1"
              disabled={chosen.length === 0 || refund.isPending || cardStatus !== null}
              onClick={() => void submitRefund()}
            >
              {sale.data?.card
                ? t('lane.refundToCard', { amount: formatFen(previewFen, { symbol: true }) })
                : `${t('lane.refund')} ${formatFen(previewFen, { symbol: true })}`}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
