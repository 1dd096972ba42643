'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { Field, FormError, useFocusFirstInvalid } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import type { MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { ADJUSTMENT_REASONS } from '@/server/stock/adjustment-reasons';
import { QuantityLines, type QuantityLine } from '../../quantity-lines';
import { parseQuantity } from '../../stock-format';

export function NewAdjustment() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // Made once per document, so a retried submit is recorded once.
  const [id] = useState(() => uuidv7());
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<QuantityLine[]>([]);
  const [lineError, setLineError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ reason?: string; note?: string }>({});
  const create = useMutation(
    trpc.stock.adjust.mutationOptions({
      onSuccess: async (adjustment) => {
        await queryClient.invalidateQueries({ queryKey: trpc.stock.pathKey() });
        router.push(`/stock/adjustments/${adjustment.id}`);
      },
    }),
  );
  const error = describeError(create.error, t);
  const { formRef, focusInvalid } = useFocusFirstInvalid(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = lines.map((line) => parseQuantity(line.quantity, line.product.unit));
    const linesBad = lines.length === 0 || parsed.some((q) => q === null || q === 0);
    const required = {
      ...(reason ? {} : { reason: t('stock.reasonRequired') }),
      ...(note.trim() ? {} : { note: t('stock.noteRequired') }),
    };
    setMissing(required);
    setLineError(linesBad ? t('stock.linesInvalid') : null);
    if (linesBad || required.reason || required.note) return focusInvalid();
    create.mutate({
      id,
      reason: reason as (typeof ADJUSTMENT_REASONS)[number],
      note,
      lines: lines.map((line, index) => ({ productId: line.product.id, quantityDelta: parsed[index] ?? 0 })),
    });
  };
  return (
    <form ref={formRef} className="space-y-6" onSubmit={submit} noValidate>
      <h1 className="text-2xl font-semibold">{t('stock.newAdjustment')}</h1>
      <div className="grid gap-4 rounded bg-white p-6 shadow md:grid-cols-2">
        <Field id="adjustment-reason" label={t('stock.reason')} error={missing.reason ?? error?.fields.reason}>
          {(props) => (
            <select {...props} className="field-input" value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">{t('stock.chooseReason')}</option>
              {ADJUSTMENT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`stock.reason.${r}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="adjustment-note" label={t('stock.note')} error={missing.note ?? error?.fields.note}>
          {(props) => (
            <textarea
              {...props}
              className="field-input"
              rows={2}
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
          quantityLabel={t('stock.quantityDelta')}
          placeholder={{ each: '-2', kg: '-0.500 kg' }}
        />
        <p className="text-xs text-slate-500">{t('stock.quantityHint')}</p>
        {lineError && (
          <p role="alert" className="text-sm text-red-600">
            {lineError}
          </p>
        )}
      </section>
      <FormError error={error} />
      <button type="submit" className="btn-primary" disabled={create.isPending}>
        {create.isPending ? t('common.saving') : t('stock.postAdjustment')}
      </button>
    </form>
  );
}
