'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ConfirmDialog } from '@/app/components/confirm-dialog';
import { Field, FormError, useFocusFirstInvalid } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { QuantityLines, type QuantityLine } from '../../stock/quantity-lines';
import { parseQuantity } from '../../stock/stock-format';

export function NewTransfer() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [id] = useState(() => uuidv7());
  const [toStoreId, setToStoreId] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<QuantityLine[]>([]);
  const [ready, setReady] = useState<{ productId: string; quantity: number; unit: 'each' | 'kg' }[] | null>(null);
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
  const { formRef, focusInvalid } = useFocusFirstInvalid(send.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = lines.map((line) => parseQuantity(line.quantity, line.product.unit));
    const found = {
      ...(toStoreId ? {} : { toStoreId: t('transfer.chooseStore') }),
      ...(lines.length > 0 && parsed.every((q) => q !== null && q > 0) ? {} : { lines: t('transfer.linesInvalid') }),
    };
    setProblem(found);
    if (found.toStoreId || found.lines) return focusInvalid();
    setReady(
      lines.map((line, index) => ({
        productId: line.product.id,
        quantity: parsed[index] ?? 0,
        unit: line.product.unit,
      })),
    );
  };
  const destination = destinations.data?.find((s) => s.id === toStoreId);
  const totalOf = (unit: 'each' | 'kg') =>
    (ready ?? []).filter((line) => line.unit === unit).reduce((sum, line) => sum + line.quantity, 0);
  const quantityText = [
    ...(ready?.some((line) => line.unit === 'each') ? [t('transfer.quantityEach', { count: totalOf('each') })] : []),
    ...(ready?.some((line) => line.unit === 'kg')
      ? [t('transfer.quantityKg', { kg: (totalOf('kg') / 1000).toFixed(3) })]
      : []),
  ].join(' + ');
  return (
    <form ref={formRef} className="space-y-6" onSubmit={submit} noValidate>
      <h1 className="text-2xl font-semibold">{t('transfer.new')}</h1>
      <div className="grid gap-4 rounded bg-white p-6 shadow md:grid-cols-2">
        <Field
          id="transfer-to"
          label={t('transfer.to')}
          error={problem.toStoreId ?? error?.fields.toStoreId}
          {...(destinations.data?.length === 0 ? { hint: t('transfer.noOtherStore') } : {})}
        >
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
        <QuantityLines
          lines={lines}
          setLines={setLines}
          quantityLabel={t('transfer.quantitySent')}
          placeholder={{ each: '1', kg: '0.500 kg' }}
        />
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
      <ConfirmDialog
        open={ready !== null}
        title={t('transfer.confirmSendTitle')}
        confirmLabel={t('transfer.send')}
        onCancel={() => setReady(null)}
        onConfirm={() => {
          if (!ready) return;
          setReady(null);
          send.mutate({
            id,
            toStoreId,
            note,
            lines: ready.map(({ productId, quantity }) => ({ productId, quantity })),
          });
        }}
      >
        {ready && (
          <>
            <p>
              {t('transfer.confirmSendSummary', {
                lines: ready.length,
                quantity: quantityText,
                store: destination ? `${destination.name} (${destination.code})` : '',
              })}
            </p>
            <p className="text-slate-600">{t('transfer.confirmSendIrreversible')}</p>
          </>
        )}
      </ConfirmDialog>
    </form>
  );
}
