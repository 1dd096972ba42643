'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { RowName } from '@/app/components/row-name';
import { DateRangeFields } from '@/app/components/date-range-fields';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen, parseYuan } from '@/server/domain/money';
import { LoadingRow } from '@/app/components/list-pager';
import { AttachToLane } from './attach-to-lane';
import { RefundsWithoutReturn } from './refunds-without-return';

interface Block {
  debitCount: number;
  debitAmountFen: number;
  creditCount: number;
  creditAmountFen: number;
}
type Totals = { domestic: Block; foreign: Block };
type Differing = { voucherNo: number | null; problem: string };

const PROBLEM_KEYS = {
  'unknown-to-pos': 'cards.unknownToPos',
  'unknown-to-terminal': 'cards.unknownToTerminal',
  'amount-differs': 'cards.amountDiffers',
  'outcome-differs': 'cards.outcomeDiffers',
  'failed-was-approved': 'cards.failedWasApproved',
} as const;

const voucher = (n: number | null) => String(n ?? 0).padStart(6, '0');
const isoDay = (date: Date) => date.toLocaleDateString('sv-SE');

export default function CardsPage() {
  const t = useT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('cards.title')}</h1>
      <Terminals />
      <Unresolved />
      <Unattached />
      <RefundsWithoutReturn />
      <Reconciliation />
      <FeeRates />
    </div>
  );
}

function TotalsCell({ totals }: { totals: Totals }) {
  return (
    <span className="font-mono text-xs">
      {totals.domestic.debitCount}/{formatFen(totals.domestic.debitAmountFen)} − {totals.domestic.creditCount}/
      {formatFen(totals.domestic.creditAmountFen)}
      {(totals.foreign.debitCount > 0 || totals.foreign.creditCount > 0) &&
        ` · ${totals.foreign.debitCount}/${formatFen(totals.foreign.debitAmountFen)} − ${totals.foreign.creditCount}/${formatFen(totals.foreign.creditAmountFen)}`}
    </span>
  );
}

function Terminals() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const terminals = useQuery(trpc.cards.terminals.queryOptions());
  const settle = useMutation(
    trpc.cards.settle.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.cards.terminals.queryKey() }),
    }),
  );
  return (
    <section className="rounded bg-white p-6 shadow" aria-labelledby="terminals-title">
      <h2 id="terminals-title" className="mb-3 text-lg font-semibold">
        {t('cards.terminals')}
      </h2>
      <ErrorAlert error={describeError(terminals.error ?? settle.error, t)} />
      <ul className="mb-4 flex flex-wrap gap-3" aria-label={t('cards.terminals')}>
        {terminals.data?.terminals.map((terminal) => (
          <li key={terminal.laneId} className="flex items-center gap-2 rounded border px-3 py-2">
            <span>
              {terminal.name}{' '}
              <span className="font-mono text-xs text-slate-500">{`${terminal.host}:${terminal.port}`}</span>
            </span>
            <button
              type="button"
              className="btn-secondary"
              disabled={settle.isPending}
              aria-label={`${t('cards.settle')} ${terminal.name}`}
              onClick={() => settle.mutate({ settlementId: uuidv7(), laneId: terminal.laneId })}
            >
              {t('cards.settle')}
            </button>
          </li>
        ))}
      </ul>
      <table aria-busy={terminals.isPending} className="data-table" aria-label={t('cards.settlements')}>
        <thead>
          <tr>
            <th>{t('review.soldAt')}</th>
            <th>{t('cards.batch')}</th>
            <th>{t('cards.terminalTotals')}</th>
            <th>{t('cards.posTotals')}</th>
            <th>{t('cards.differences')}</th>
          </tr>
        </thead>
        <tbody>
          <LoadingRow loading={terminals.isPending} columns={5} />
          {terminals.data?.settlements.map((s) => {
            const differing = ((s.differences as { transactions?: Differing[] }).transactions ?? []) as Differing[];
            return (
              <tr key={s.id}>
                <td className="whitespace-nowrap">
                  {s.settledAt.toLocaleString(locale)}
                  <div className="text-xs text-slate-500">{s.settledBy}</div>
                </td>
                <td className="font-mono">
                  {s.terminalId} / {voucher(s.batchNo)}
                </td>
                <td>
                  <TotalsCell totals={s.terminalTotals as Totals} />
                </td>
                <td>
                  <TotalsCell totals={s.posTotals as Totals} />
                </td>
                <td>
                  <span className={s.balanced ? 'text-emerald-700' : 'font-semibold text-red-700'}>
                    {s.balanced ? t('cards.balanced') : t('cards.unbalanced')}
                  </span>
                  {differing.map((d, i) => (
                    <div key={i} className="text-xs">
                      {t(PROBLEM_KEYS[d.problem as keyof typeof PROBLEM_KEYS] ?? 'cards.outcomeDiffers', {
                        voucher: voucher(d.voucherNo),
                      })}
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Unresolved() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [inputs, setInputs] = useState<
    Record<string, { refNo: string; voucherNo: string; hostDate?: string; note: string }>
  >({});
  const unresolved = useQuery(trpc.cards.unresolved.queryOptions());
  const resolve = useMutation(
    trpc.cards.resolve.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.cards.unresolved.queryKey() }),
    }),
  );
  const rows = unresolved.data ?? [];
  const resolveError = describeError(resolve.error, t);
  return (
    <section className="rounded bg-white p-6 shadow" aria-labelledby="unresolved-title">
      <h2 id="unresolved-title" className="mb-3 text-lg font-semibold">
        {t('cards.unresolved')}
      </h2>
      <ErrorAlert error={describeError(unresolved.error ?? resolve.error, t)} />
      <table aria-busy={unresolved.isPending} className="data-table" aria-label={t('cards.unresolved')}>
        <tbody>
          <LoadingRow loading={unresolved.isPending} columns={5} />
          {rows.map((row) => {
            const input = inputs[row.id] ?? { refNo: '', voucherNo: '', note: '' };
            const hostDate = input.hostDate ?? row.storeDay;
            const invalid = (field: string) =>
              resolve.variables?.paymentId === row.id && field in (resolveError?.fields ?? {});
            const set = (patch: Partial<typeof input>) => setInputs({ ...inputs, [row.id]: { ...input, ...patch } });
            return (
              <tr key={row.id}>
                <td className="whitespace-nowrap">{row.createdAt.toLocaleString(locale)}</td>
                <td>
                  {t('review.lane')} {row.laneNumber} · {row.cashierName}
                </td>
                <td className="font-mono">{formatFen(row.amountFen, { symbol: true })}</td>
                <td className="font-mono text-xs">{row.ecrRef}</td>
                <td className="flex gap-2">
                  <input
                    className="field-input w-32"
                    aria-label={`${t('cards.refNo')} ${row.ecrRef}`}
                    placeholder={t('cards.refNo')}
                    value={input.refNo}
                    aria-invalid={invalid('refNo')}
                    onChange={(e) => set({ refNo: e.target.value })}
                  />
                  <input
                    className="field-input w-24"
                    aria-label={`${t('cards.voucherNo')} ${row.ecrRef}`}
                    placeholder={t('cards.voucherNo')}
                    inputMode="numeric"
                    maxLength={6}
                    value={input.voucherNo}
                    aria-invalid={invalid('voucherNo')}
                    onChange={(e) => set({ voucherNo: e.target.value })}
                  />
                  <input
                    className="field-input w-28"
                    aria-label={`${t('cards.slipDate')} ${row.ecrRef}`}
                    placeholder="yyyymmdd"
                    inputMode="numeric"
                    maxLength={8}
                    value={hostDate}
                    aria-invalid={invalid('hostDate')}
                    onChange={(e) => set({ hostDate: e.target.value })}
                  />
                  <input
                    className="field-input"
                    aria-label={`${t('cards.note')} ${row.ecrRef}`}
                    placeholder={t('cards.note')}
                    value={input.note}
                    onChange={(e) => set({ note: e.target.value })}
                  />
                  <button
                    type="button"
                    className="btn-secondary"
                    onClick={() =>
                      resolve.mutate({
                        paymentId: row.id,
                        outcome: 'approved',
                        refNo: input.refNo,
                        voucherNo: input.voucherNo,
                        hostDate,
                        note: input.note,
                      })
                    }
                  >
                    {t('cards.markApproved')}
                    <RowName>{row.ecrRef}</RowName>
                  </button>
                  <button
                    type="button"
                    className="btn-secondary"
                    onClick={() => resolve.mutate({ paymentId: row.id, outcome: 'failed', note: input.note })}
                  >
                    {t('cards.markFailed')}
                    <RowName>{row.ecrRef}</RowName>
                  </button>
                </td>
              </tr>
            );
          })}
          {unresolved.data && rows.length === 0 && (
            <tr>
              <td className="py-4 text-center text-slate-500">{t('cards.noUnresolved')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

/** Approved card sales on no sale: the customer paid for nothing, so the manager gives the money back. */
function Unattached() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unattached = useQuery(trpc.cards.unattached.queryOptions());
  const settle = useMutation(
    trpc.cards.settleUnattached.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.cards.pathKey() }),
    }),
  );
  const rows = unattached.data ?? [];
  return (
    <section className="rounded bg-white p-6 shadow" aria-labelledby="unattached-title">
      <h2 id="unattached-title" className="mb-1 text-lg font-semibold">
        {t('cards.unattached')}
      </h2>
      <p className="mb-3 text-sm text-slate-500">{t('cards.unattachedHelp')}</p>
      <ErrorAlert error={describeError(unattached.error ?? settle.error, t)} />
      <table aria-busy={unattached.isPending} className="data-table" aria-label={t('cards.unattached')}>
        <tbody>
          <LoadingRow loading={unattached.isPending} columns={5} />
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="whitespace-nowrap">{row.createdAt.toLocaleString(locale)}</td>
              <td>
                {t('review.lane')} {row.laneNumber} · {row.cashierName}
                {row.correctedAt && (
                  <div className="text-xs font-semibold text-red-700">
                    {t('cards.correctedFromFailed', { manager: row.settledAsFailedBy ?? '' })}
                  </div>
                )}
              </td>
              <td className="font-mono">{formatFen((row.amountFen ?? 0) - row.refundedFen, { symbol: true })}</td>
              <td className="font-mono text-xs">
                {row.cardNoMasked} {row.refNo}
              </td>
              <td className="flex gap-2">
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={settle.isPending}
                  onClick={() => settle.mutate({ paymentId: row.id, followUpId: uuidv7(), action: 'void' })}
                >
                  {t('cards.voidAtTerminal')}
                  <RowName>{row.ecrRef}</RowName>
                </button>
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={settle.isPending}
                  onClick={() => settle.mutate({ paymentId: row.id, followUpId: uuidv7(), action: 'refund' })}
                >
                  {t('cards.refundToCard')}
                  <RowName>{row.ecrRef}</RowName>
                </button>
              </td>
              <td>
                <AttachToLane row={row} />
              </td>
            </tr>
          ))}
          {unattached.data && rows.length === 0 && (
            <tr>
              <td className="py-4 text-center text-slate-500">{t('cards.noUnattached')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function Reconciliation() {
  const t = useT();
  const trpc = useTRPC();
  const [range, setRange] = useState(() => ({
    from: isoDay(new Date(Date.now() - 6 * 86_400_000)),
    to: isoDay(new Date()),
  }));
  const report = useQuery(trpc.cards.reconciliation.queryOptions(range));
  const workbook = useMutation(
    trpc.cards.reconciliationWorkbook.mutationOptions({
      onSuccess: ({ fileName, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const url = URL.createObjectURL(
          new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
        );
        const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
        link.click();
        URL.revokeObjectURL(url);
      },
    }),
  );
  const money = (fen: number) => <td className="text-right font-mono">{formatFen(fen)}</td>;
  return (
    <section className="rounded bg-white p-6 shadow" aria-labelledby="reconciliation-title">
      <div className="mb-3 flex flex-wrap items-end gap-4">
        <h2 id="reconciliation-title" className="text-lg font-semibold">
          {t('cards.reconciliation')}
        </h2>
        <DateRangeFields range={range} onChange={setRange} />
        <button type="button" className="btn-secondary" onClick={() => workbook.mutate(range)}>
          {t('cards.export')}
        </button>
      </div>
      <ErrorAlert error={describeError(report.error ?? workbook.error, t)} />
      {report.data && !report.data.balanced && (
        <p role="alert" className="mb-3 rounded bg-amber-50 p-3 text-amber-800">
          {t('cards.notBalanced', {
            unattached: report.data.exceptions.unattachedCount,
            amount: formatFen(report.data.exceptions.unattachedFen, { symbol: true }),
            unknown: report.data.exceptions.unknownCount,
          })}
          {report.data.exceptions.refundsWithoutReturnCount > 0 &&
            ` ${t('cards.notBalancedRefunds', {
              count: report.data.exceptions.refundsWithoutReturnCount,
              amount: formatFen(report.data.exceptions.refundsWithoutReturnFen, { symbol: true }),
            })}`}
        </p>
      )}
      <table aria-busy={report.isPending} className="data-table" aria-label={t('cards.reconciliation')}>
        <thead>
          <tr>
            <th>{t('cards.day')}</th>
            <th>{t('cards.cardKind')}</th>
            <th className="text-right">{t('cards.count')}</th>
            <th className="text-right">{t('cards.sales')}</th>
            <th className="text-right">{t('cards.refunds')}</th>
            <th className="text-right">{t('cards.fees')}</th>
            <th className="text-right">{t('cards.net')}</th>
          </tr>
        </thead>
        <tbody>
          <LoadingRow loading={report.isPending} columns={7} />
          {report.data?.rows.map((row) => (
            <tr key={`${row.day}-${row.cardKind}`}>
              <td>{row.day}</td>
              <td>{t(`cards.kind.${row.cardKind}`)}</td>
              <td className="text-right">{row.salesCount}</td>
              {money(row.salesFen)}
              {money(row.refundsFen)}
              {money(row.feesFen)}
              {money(row.netFen)}
            </tr>
          ))}
          {report.data && (
            <tr className="font-semibold">
              <td colSpan={2}>{t('cards.total')}</td>
              <td className="text-right">{report.data.totals.salesCount}</td>
              {money(report.data.totals.salesFen)}
              {money(report.data.totals.refundsFen)}
              {money(report.data.totals.feesFen)}
              {money(report.data.totals.netFen)}
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function FeeRates() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rates = useQuery(trpc.cards.feeRates.queryOptions());
  const [edits, setEdits] = useState<Record<string, { rate: string; cap: string }>>({});
  const save = useMutation(
    trpc.cards.setFeeRates.mutationOptions({
      onSuccess: () => {
        setEdits({});
        return queryClient.invalidateQueries({ queryKey: trpc.cards.pathKey() });
      },
    }),
  );
  const shown = (rows: NonNullable<typeof rates.data>) =>
    rows.map((r) => ({
      ...r,
      rate: edits[r.cardKind]?.rate ?? String(r.rateBps / 100),
      cap: edits[r.cardKind]?.cap ?? (r.capFen === null ? '' : formatFen(r.capFen)),
    }));
  return (
    <section className="rounded bg-white p-6 shadow" aria-labelledby="fees-title">
      <h2 id="fees-title" className="mb-3 text-lg font-semibold">
        {t('cards.feeRates')}
      </h2>
      <ErrorAlert error={describeError(rates.error ?? save.error, t)} />
      {rates.data && (
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({
              rates: shown(rates.data).map((r) => ({
                cardKind: r.cardKind,
                rateBps: Math.round(Number(r.rate) * 100),
                capFen: r.cap.trim() === '' ? null : parseYuan(r.cap),
              })),
            });
          }}
        >
          {shown(rates.data).map((r) => (
            <fieldset key={r.cardKind} className="flex gap-2 rounded border p-2">
              <legend className="px-1 text-sm">{t(`cards.kind.${r.cardKind}`)}</legend>
              <label className="text-sm">
                {t('cards.rate')}
                <input
                  className="field-input w-20"
                  inputMode="decimal"
                  value={r.rate}
                  onChange={(e) => setEdits({ ...edits, [r.cardKind]: { rate: e.target.value, cap: r.cap } })}
                />
              </label>
              <label className="text-sm">
                {t('cards.cap')}
                <input
                  className="field-input w-24"
                  inputMode="decimal"
                  value={r.cap}
                  onChange={(e) => setEdits({ ...edits, [r.cardKind]: { rate: r.rate, cap: e.target.value } })}
                />
              </label>
            </fieldset>
          ))}
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {t('cards.save')}
          </button>
        </form>
      )}
    </section>
  );
}
