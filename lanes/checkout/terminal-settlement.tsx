'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';

/** End of day at the lane: the terminal's batch settled (`06`) and set beside the POS's own card payments. */
export function TerminalSettlement({ laneId }: { laneId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const [settlementId] = useState(() => uuidv7());
  const settle = useMutation(trpc.lane.settleTerminal.mutationOptions());
  const result = settle.data;
  return (
    <div className="space-y-2 rounded border p-3">
      <button
        type="button"
        className="btn-secondary w-full"
        disabled={settle.isPending || result !== undefined}
        onClick={() => settle.mutate({ settlementId, laneId })}
      >
        {t('lane.settleTerminal')}
      </button>
      <ErrorAlert error={describeError(settle.error, t)} />
      {result && (
        <div role="status" className="text-sm">
          <p className={result.balanced ? 'text-emerald-700' : 'font-semibold text-red-700'}>
            {t('cards.batch')} {String(result.batchNo).padStart(6, '0')} ·{' '}
            {result.balanced ? t('cards.balanced') : t('cards.unbalanced')}
          </p>
          <p className="font-mono text-xs">
            {t('cards.debitDomestic')} {result.terminalTotals.domestic.debitCount} /{' '}
            {formatFen(result.terminalTotals.domestic.debitAmountFen, { symbol: true })}
          </p>
          {result.differing.map((d, i) => (
            <p key={i} className="text-xs">
              {t('cards.unknownToPos', { voucher: String(d.voucherNo ?? 0).padStart(6, '0') })}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
