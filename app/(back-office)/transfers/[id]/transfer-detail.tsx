'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatQuantity, parseQuantity } from '../../stock/stock-format';

export function TransferDetail({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const transfer = useQuery(trpc.stock.transfer.queryOptions({ id }));
  const [received, setReceived] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const receive = useMutation(
    trpc.stock.receiveTransfer.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.stock.pathKey() }),
    }),
  );
  if (transfer.error) return <p role="alert">{describeError(transfer.error, t)?.message}</p>;
  if (!transfer.data) return <p aria-busy="true">…</p>;
  const tr = transfer.data;
  const receiving =
    tr.direction === 'in' &&
    tr.status === 'in_transit' &&
    (me.data?.permissions.includes('inventory.transfer-receive') ?? false);
  const valueOf = (lineId: string, sent: number, unit: 'each' | 'kg') =>
    received[lineId] ?? (unit === 'kg' ? (sent / 1000).toFixed(3) : String(sent));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const lines = tr.lines.map((line) => ({
      lineId: line.id,
      quantityReceived: parseQuantity(valueOf(line.id, line.quantitySent, line.unit), line.unit),
    }));
    if (lines.some((line) => line.quantityReceived === null || line.quantityReceived < 0)) {
      setProblem(t('transfer.linesInvalid'));
      return;
    }
    setProblem(null);
    receive.mutate({ id, lines: lines.map((l) => ({ lineId: l.lineId, quantityReceived: l.quantityReceived ?? 0 })) });
  };
  return (
    <form className="space-y-6" onSubmit={submit} noValidate>
      <h1 className="text-2xl font-semibold">
        {t('transfer.title')} <span className="font-mono">{tr.number}</span>
      </h1>
      <dl className="grid grid-cols-2 gap-4 rounded bg-white p-6 shadow md:grid-cols-4">
        <div>
          <dt className="text-sm text-slate-500">{t('transfer.from')}</dt>
          <dd>
            {tr.fromStoreName} ({tr.fromStoreCode})
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('transfer.to')}</dt>
          <dd>
            {tr.toStoreName} ({tr.toStoreCode})
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('transfer.status')}</dt>
          <dd>{t(tr.status === 'received' ? 'transfer.status.received' : 'transfer.status.in_transit')}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500">{t('transfer.sentAt')}</dt>
          <dd>
            {tr.sentAt.toLocaleString(locale)} · {tr.sentByName}
          </dd>
        </div>
        {tr.receivedAt && (
          <div>
            <dt className="text-sm text-slate-500">{t('transfer.receivedAt')}</dt>
            <dd>
              {tr.receivedAt.toLocaleString(locale)} · {tr.receivedByName}
            </dd>
          </div>
        )}
        {tr.note && (
          <div>
            <dt className="text-sm text-slate-500">{t('stock.note')}</dt>
            <dd>{tr.note}</dd>
          </div>
        )}
      </dl>
      <div className="overflow-hidden rounded bg-white shadow">
        <table className="data-table" aria-label={t('stock.lines')}>
          <thead>
            <tr>
              <th>{t('products.code')}</th>
              <th>{t('stock.product')}</th>
              <th className="text-right">{t('transfer.quantitySent')}</th>
              <th className="text-right">{t('transfer.quantityReceived')}</th>
              <th className="text-right">{t('transfer.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {tr.lines.map((line) => (
              <tr key={line.id}>
                <td className="font-mono">{line.productCode}</td>
                <td>
                  {locale === 'en' && line.nameEn ? line.nameEn : line.nameZh}
                  {tr.direction === 'in' && !line.receiverHasProduct && (
                    <div className="text-xs text-red-700">{t('transfer.productMissingHere')}</div>
                  )}
                </td>
                <td className="text-right font-mono">{formatQuantity(line.quantitySent, line.unit)}</td>
                <td className="text-right font-mono">
                  {receiving ? (
                    <input
                      className="field-input ml-auto w-32 text-right"
                      inputMode="decimal"
                      aria-label={t('transfer.receivedFor', { code: line.productCode })}
                      value={valueOf(line.id, line.quantitySent, line.unit)}
                      onChange={(e) => setReceived({ ...received, [line.id]: e.target.value })}
                    />
                  ) : line.quantityReceived === null ? (
                    '—'
                  ) : (
                    formatQuantity(line.quantityReceived, line.unit)
                  )}
                </td>
                <td className={`text-right font-mono ${line.difference ? 'font-semibold text-red-700' : ''}`}>
                  {line.difference === null ? '' : formatQuantity(line.difference, line.unit)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-600">
          {problem}
        </p>
      )}
      <ErrorAlert error={describeError(receive.error, t)} />
      {receiving && (
        <button type="submit" className="btn-primary" disabled={receive.isPending}>
          {receive.isPending ? t('common.saving') : t('transfer.receive')}
        </button>
      )}
    </form>
  );
}
