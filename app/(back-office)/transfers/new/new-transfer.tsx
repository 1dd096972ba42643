'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { Field, FormError } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { ProductPicker, type PickedProduct } from '../../stock/product-picker';
import { parseQuantity } from '../../stock/stock-format';

interface Line {
  product: PickedProduct;
  quantity: string;
}

export function NewTransfer() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [id] = useState(() => uuidv7());
  const [toStoreId, setToStoreId] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [problem, setProblem] = useState<{ toStoreId?: string; lines?: string }>({});
  const destinations = useQuery(trpc.stock.transferDestinations.queryOptions());
  const send = useMutation(
    trpc.stock.sendTransfer.mutationOptions({
      onSuccess: async (transfer) => {
        await queryClient.invalidateQueries({ queryKey: trpc.stock.pathKey() });
        router.push(`/transfers/${transfer.id}`);
      },
    }),
  );
  const error = describeError(send.error ?? destinations.error, t);
  const add = (product: PickedProduct) =>
    setLines((current) =>
      current.some((line) => line.product.id === product.id) ? current : [...current, { product, quantity: '' }],
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = lines.map((line) => parseQuantity(line.quantity, line.product.unit));
    const found = {
      ...(toStoreId ? {} : { toStoreId: t('transfer.chooseStore') }),
      ...(lines.length > 0 && parsed.every((q) => q !== null && q > 0) ? {} : { lines: t('transfer.linesInvalid') }),
    };
    setProblem(found);
    if (found.toStoreId || found.lines) return;
    send.mutate({
      id,
      toStoreId,
      note,
      lines: lines.map((line, index) => ({ productId: line.product.id, quantity: parsed[index] ?? 0 })),
    });
  };
  return (
    <form className="space-y-6" onSubmit={submit} noValidate>
      <h1 className="text-2xl font-semibold">{t('transfer.new')}</h1>
      <div className="grid gap-4 rounded bg-white p-6 shadow md:grid-cols-2">
        <Field id="transfer-to" label={t('transfer.to')} error={problem.toStoreId ?? error?.fields.toStoreId}>
          {(props) => (
            <select {...props} className="field-input" value={toStoreId} onChange={(e) => setToStoreId(e.target.value)}>
              <option value="">{t('transfer.chooseStore')}</option>
              {destinations.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="transfer-note" label={t('stock.note')}>
          {(props) => (
            <input
              {...props}
              className="field-input"
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
      </div>
      <section className="space-y-4 rounded bg-white p-6 shadow">
        <ProductPicker onPick={add} />
        <table className="data-table" aria-label={t('stock.lines')}>
          <thead>
            <tr>
              <th>{t('products.code')}</th>
              <th>{t('stock.product')}</th>
              <th>{t('transfer.quantitySent')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <tr key={line.product.id}>
                <td className="font-mono">{line.product.code}</td>
                <td>{locale === 'en' && line.product.nameEn ? line.product.nameEn : line.product.nameZh}</td>
                <td>
                  <input
                    className="field-input w-32"
                    inputMode="decimal"
                    aria-label={t('stock.quantityFor', { name: line.product.nameZh })}
                    placeholder={line.product.unit === 'kg' ? '0.500 kg' : '1'}
                    value={line.quantity}
                    onChange={(e) =>
                      setLines(lines.map((l, i) => (i === index ? { ...l, quantity: e.target.value } : l)))
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="text-sm text-red-600 hover:underline"
                    aria-label={t('stock.removeLine', { name: line.product.nameZh })}
                    onClick={() => setLines(lines.filter((_, i) => i !== index))}
                  >
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
            {lines.length === 0 && (
              <tr>
                <td colSpan={4} className="py-4 text-center text-slate-500">
                  {t('stock.noLines')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {problem.lines && (
          <p role="alert" className="text-sm text-red-600">
            {problem.lines}
          </p>
        )}
      </section>
      <FormError error={error} />
      <button type="submit" className="btn-primary" disabled={send.isPending}>
        {send.isPending ? t('common.saving') : t('transfer.send')}
      </button>
    </form>
  );
}
