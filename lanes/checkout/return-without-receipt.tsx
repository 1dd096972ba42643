'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import type { ResolvedCode } from '@/server/domain/resolve-code';
import { priceSale } from '@/server/domain/sale';
import { receiptNumber } from '@/server/domain/store-time';
import { ApprovalDialog } from './approval-dialog';
import type { LaneProduct } from './cart';
import type { LaneConfig } from './use-lane';

interface ReturnLine {
  lineId: string;
  product: LaneProduct;
  scannedCode: string;
  quantity: number;
  weightGrams: number | null;
}

/**
 * Goods back without a receipt: scan them, say why, a supervisor approves, cash back at today's price.
 * The preview uses the lane's cached prices; the refund paid is the server's answer.
 */
export function ReturnWithoutReceipt({
  config,
  shiftId,
  lookup,
  onRefunded,
  onBack,
}: {
  config: LaneConfig;
  shiftId: string;
  lookup: (code: string) => Promise<ResolvedCode<LaneProduct> | null>;
  onRefunded: (refundFen: number) => void;
  onBack: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const [returnId] = useState(() => uuidv7());
  const [code, setCode] = useState('');
  const [lines, setLines] = useState<ReturnLine[]>([]);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);
  const refund = useMutation(trpc.lane.recordReturnWithoutReceipt.mutationOptions());
  const error = describeError(refund.error, t);
  const weighed = (line: ReturnLine) => line.product.unit === 'kg';
  const complete = lines.length > 0 && reason.trim() !== '' && lines.every((l) => !weighed(l) || l.weightGrams);
  const previewFen = priceSale(
    lines.map((l) => ({
      lineId: l.lineId,
      productId: l.product.id,
      scannedCode: l.scannedCode,
      nameZh: l.product.nameZh,
      nameEn: l.product.nameEn,
      departmentId: l.product.departmentId,
      vatRateBps: l.product.vatRateBps,
      unit: l.product.unit,
      quantity: weighed(l) ? 1 : l.quantity,
      weightGrams: weighed(l) ? (l.weightGrams ?? 0) || null : null,
      unitPriceFen: l.product.priceFen,
      labelTotalFen: null,
      discount: null,
    })),
    null,
  ).totalFen;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const scanned = code.trim();
    setCode('');
    if (!scanned) return;
    const resolved = await lookup(scanned);
    if (!resolved) {
      setMessage(t('lane.unknownCode', { code: scanned }));
      return;
    }
    setMessage(null);
    const weightGrams = resolved.kind === 'embedded-weight' ? resolved.weightGrams : null;
    setLines((current) => [
      ...current,
      { lineId: uuidv7(), product: resolved.product, scannedCode: resolved.scannedCode, quantity: 1, weightGrams },
    ]);
  };
  const change = (lineId: string, patch: Partial<ReturnLine>) =>
    setLines((current) => current.map((l) => (l.lineId === lineId ? { ...l, ...patch } : l)));

  const submit = async (approvalId: string | null) => {
    setApproving(false);
    if (!approvalId) return;
    const returnedAt = new Date();
    const done = await refund.mutateAsync({
      returnId,
      laneId: config.laneId,
      shiftId,
      receiptNo: receiptNumber(config.laneNumber, returnedAt, config.timeZone),
      returnedAt,
      approvalId,
      reason: reason.trim(),
      lines: lines.map((l) => ({
        lineId: l.lineId,
        productId: l.product.id,
        scannedCode: l.scannedCode,
        quantity: weighed(l) ? 1 : l.quantity,
        weightGrams: weighed(l) ? l.weightGrams : null,
      })),
    });
    onRefunded(done.refundFen);
  };

  return (
    <div className="space-y-4">
      {approving && (
        <ApprovalDialog
          title={t('lane.returnWithoutReceipt')}
          action="return-without-receipt"
          saleId={returnId}
          onCancel={() => setApproving(false)}
          onApproved={(approvalId) => submit(approvalId).catch(() => undefined)}
        >
          <p className="text-sm">{t('lane.returnNeedsApproval')}</p>
        </ApprovalDialog>
      )}
      <p className="text-sm text-amber-800">{t('lane.returnNeedsApproval')}</p>
      <form onSubmit={(e) => void add(e)} className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor="return-item" className="field-label">
            {t('lane.returnItemCode')}
          </label>
          <input
            id="return-item"
            autoFocus
            autoComplete="off"
            inputMode="numeric"
            className="field-input font-mono"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <button type="submit" className="btn-secondary">
          {t('lane.add')}
        </button>
      </form>
      {message && (
        <p role="alert" className="text-sm text-red-600">
          {message}
        </p>
      )}
      {lines.length > 0 && (
        <table className="data-table" aria-label={t('lane.returnLines')}>
          <tbody>
            {lines.map((line, i) => (
              <tr key={line.lineId}>
                <td>{line.product.nameZh}</td>
                <td className="font-mono">{formatFen(line.product.priceFen)}</td>
                <td>
                  {weighed(line) ? (
                    <input
                      type="number"
                      min={1}
                      aria-label={t('lane.returnWeight', { n: i + 1 })}
                      className="w-28 rounded border px-2 py-1"
                      value={line.weightGrams ?? ''}
                      onChange={(e) =>
                        change(line.lineId, { weightGrams: Math.max(0, Number(e.target.value)) || null })
                      }
                    />
                  ) : (
                    <input
                      type="number"
                      min={1}
                      aria-label={t('lane.returnQuantity', { n: i + 1 })}
                      className="w-20 rounded border px-2 py-1"
                      value={line.quantity}
                      onChange={(e) =>
                        change(line.lineId, { quantity: Math.max(1, Math.min(9999, Number(e.target.value) || 1)) })
                      }
                    />
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="text-red-600 hover:underline"
                    aria-label={t('lane.removeReturnLine', { n: i + 1 })}
                    onClick={() => setLines((current) => current.filter((l) => l.lineId !== line.lineId))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div>
        <label htmlFor="return-reason" className="field-label">
          {t('lane.returnReason')}
        </label>
        <input
          id="return-reason"
          className="field-input"
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <ErrorAlert error={error} />
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" onClick={onBack}>
          {t('lane.back')}
        </button>
        <button
          type="button"
          className="btn-primary flex-1"
          disabled={!complete || refund.isPending}
          onClick={() => setApproving(true)}
        >
          {t('lane.refund')} {formatFen(previewFen, { symbol: true })}
        </button>
      </div>
    </div>
  );
}
