'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { parseYuan } from '@/server/domain/money';
import { ShiftFigures } from './shift-figures';

/** Paid-in / paid-out with a reason, and the X report of the shift so far. */
export function ShiftTools({ shiftId, onClose }: { shiftId: string; onClose: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ kind: 'paid_in' as 'paid_in' | 'paid_out', amount: '', reason: '' });
  const [movementId, setMovementId] = useState(() => uuidv7());
  // Figures are shown only once read after this opening and not being read again: never a stale total.
  const [openedAt] = useState(() => Date.now());
  const report = useQuery({
    ...trpc.lane.shiftReport.queryOptions({ shiftId }),
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
  });
  const record = useMutation(
    trpc.lane.recordCashMovement.mutationOptions({
      onSuccess: async () => {
        setForm({ kind: 'paid_in', amount: '', reason: '' });
        setMovementId(uuidv7());
        await queryClient.invalidateQueries({ queryKey: trpc.lane.shiftReport.pathKey() });
      },
    }),
  );
  const error = describeError(record.error ?? report.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({
      movementId,
      shiftId,
      kind: form.kind,
      amountFen: parseYuan(form.amount) ?? 0,
      reason: form.reason,
    });
  };
  const x = report.data && report.dataUpdatedAt >= openedAt && !report.isFetching ? report.data : null;
  return (
    <div className="mx-auto mt-8 grid w-[48rem] grid-cols-2 gap-4">
      <form onSubmit={submit} className="space-y-3 rounded bg-white p-6 shadow" aria-label={t('lane.paidInOut')}>
        <h2 className="font-semibold">{t('lane.paidInOut')}</h2>
        <select
          aria-label={t('lane.movementKind')}
          className="field-input"
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as 'paid_in' | 'paid_out' })}
        >
          <option value="paid_in">{t('lane.paidIn')}</option>
          <option value="paid_out">{t('lane.paidOut')}</option>
        </select>
        <label className="block text-sm">
          {t('lane.amount')}
          <input
            className="field-input font-mono"
            inputMode="decimal"
            value={form.amount}
            onChange={(e) => setForm({ ...form, amount: e.target.value })}
          />
        </label>
        <label className="block text-sm">
          {t('lane.reason')}
          <input
            className="field-input"
            value={form.reason}
            onChange={(e) => setForm({ ...form, reason: e.target.value })}
          />
        </label>
        <ErrorAlert error={error} />
        <button type="submit" className="btn-primary w-full" disabled={record.isPending}>
          {t('lane.record')}
        </button>
      </form>
      <section
        className="space-y-1 rounded bg-white p-6 font-mono text-sm shadow"
        aria-label={t('lane.xReport')}
        aria-busy={!x}
      >
        <h2 className="font-sans font-semibold">{t('lane.xReport')}</h2>
        {x ? (
          <ShiftFigures report={x} testIdPrefix="x" />
        ) : (
          <p role="status" className="py-6 text-center font-sans text-slate-500">
            {t('shiftReport.loading')}
          </p>
        )}
        <div className="flex gap-2 pt-3 font-sans print:hidden">
          <button type="button" className="btn-secondary" onClick={() => window.print()}>
            {t('lane.print')}
          </button>
          <button type="button" className="btn-secondary" onClick={onClose}>
            {t('lane.back')}
          </button>
        </div>
      </section>
    </div>
  );
}
