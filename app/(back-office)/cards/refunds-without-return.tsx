'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RowName } from '@/app/components/row-name';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { MESSAGES, type MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';

/** Card refunds the bank made for a return that could not be recorded: the manager writes each off, saying why. */
export function RefundsWithoutReturn() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refunds = useQuery(trpc.cards.refundsWithoutReturn.queryOptions());
  const [notes, setNotes] = useState<Record<string, string>>({});
  const writeOff = useMutation(
    trpc.cards.writeOffRefundWithoutReturn.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.cards.pathKey() }),
    }),
  );
  const rows = refunds.data ?? [];
  const reasonText = (reason: string) => {
    const key = `error.${reason}`;
    return key in MESSAGES.en ? t(key as MessageKey) : reason;
  };
  return (
    <section className="rounded bg-white p-6 shadow" aria-labelledby="refunds-without-return-title">
      <h2 id="refunds-without-return-title" className="mb-1 text-lg font-semibold">
        {t('cards.refundsWithoutReturn')}
      </h2>
      <p className="mb-3 text-sm text-slate-500">{t('cards.refundsWithoutReturnHelp')}</p>
      <ErrorAlert error={describeError(refunds.error ?? writeOff.error, t)} />
      <table className="data-table" aria-label={t('cards.refundsWithoutReturn')}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.cardPaymentId}>
              <td className="whitespace-nowrap">{row.createdAt.toLocaleString(locale)}</td>
              <td>
                {t('review.lane')} {row.laneNumber} · {row.cashierName}
                {row.originalReceiptNo && (
                  <div className="text-xs">{t('cards.originalReceipt', { receiptNo: row.originalReceiptNo })}</div>
                )}
                {row.failure && <div className="text-xs text-red-700">{reasonText(row.failure)}</div>}
              </td>
              <td className="font-mono">{formatFen(row.amountFen ?? 0, { symbol: true })}</td>
              <td className="font-mono text-xs">
                {row.cardNoMasked} {row.refNo}
              </td>
              <td>
                <form
                  className="flex gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    writeOff.mutate({ cardPaymentId: row.cardPaymentId, note: notes[row.cardPaymentId] ?? '' });
                  }}
                >
                  <label className="sr-only" htmlFor={`write-off-${row.cardPaymentId}`}>
                    {t('cards.writeOffNote')} {row.ecrRef}
                  </label>
                  <input
                    id={`write-off-${row.cardPaymentId}`}
                    className="input"
                    placeholder={t('cards.writeOffNote')}
                    value={notes[row.cardPaymentId] ?? ''}
                    onChange={(event) => setNotes((all) => ({ ...all, [row.cardPaymentId]: event.target.value }))}
                  />
                  <button type="submit" className="btn-secondary" disabled={writeOff.isPending}>
                    {t('cards.writeOff')}
                    <RowName>{row.ecrRef}</RowName>
                  </button>
                </form>
              </td>
            </tr>
          ))}
          {refunds.data && rows.length === 0 && (
            <tr>
              <td className="py-4 text-center text-slate-500">{t('cards.noRefundsWithoutReturn')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
