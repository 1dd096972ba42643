'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen, roundHalfUpDiv } from '@/server/domain/money';
import { receiptNumber } from '@/server/domain/store-time';
import type { LaneConfig } from './use-lane';

/** A return by receipt: the receipt's barcode (or its number typed), the quantities coming back, a cash refund. */
export function ReturnScreen({ config, shiftId, onDone }: { config: LaneConfig; shiftId: string; onDone: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const [receiptNo, setReceiptNo] = useState<string | null>(null);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [returnId] = useState(() => uuidv7());
  const sale = useQuery({
    ...trpc.lane.findSaleForReturn.queryOptions({ receiptNo: receiptNo ?? '' }),
    enabled: receiptNo !== null,
    // Always asked afresh: what may still be returned changes with every refund, on any lane.
    staleTime: 0,
    gcTime: 0,
  });
  const refund = useMutation(trpc.lane.recordReturn.mutationOptions());
  const error = describeError(sale.error ?? refund.error, t);
  const chosen = Object.entries(quantities).filter(([, q]) => q > 0);
  const previewFen = chosen.reduce((sum, [lineId, q]) => {
    const line = sale.data?.lines.find((l) => l.lineId === lineId);
    return line ? sum + roundHalfUpDiv(line.totalFen * q, line.quantity) : sum;
  }, 0);

  const find = (event: FormEvent) => {
    event.preventDefault();
    setQuantities({});
    setReceiptNo(typed.trim());
  };
  const submitRefund = () => {
    if (!sale.data || chosen.length === 0) return;
    const returnedAt = new Date();
    refund.mutate({
      returnId,
      laneId: config.laneId,
      shiftId,
      receiptNo: receiptNumber(config.laneNumber, returnedAt, config.timeZone),
      returnedAt,
      originalSaleId: sale.data.sale.id,
      lines: chosen.map(([originalLineId, quantity]) => ({ lineId: uuidv7(), originalLineId, quantity })),
    });
  };

  if (refund.data) {
    return (
      <section
        className="mx-auto mt-16 w-96 space-y-4 rounded bg-white p-8 text-center shadow"
        aria-label={t('lane.return')}
      >
        <p role="status" className="text-2xl font-bold">
          {t('lane.refunded', { amount: formatFen(refund.data.refundFen, { symbol: true }) })}
        </p>
        <button type="button" className="btn-primary" autoFocus onClick={onDone}>
          {t('lane.newSale')}
        </button>
      </section>
    );
  }
  return (
    <section className="mx-auto mt-8 w-[40rem] space-y-4 rounded bg-white p-6 shadow" aria-label={t('lane.return')}>
      <h1 className="text-xl font-semibold">{t('lane.return')}</h1>
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
                        [line.lineId]: Math.max(0, Math.min(line.returnableQuantity, Number(e.target.value))),
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
          disabled={chosen.length === 0 || refund.isPending}
          onClick={submitRefund}
        >
          {t('lane.refund')} {formatFen(previewFen, { symbol: true })}
        </button>
      </div>
    </section>
  );
}
