'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ConfirmDialog } from '@/app/components/confirm-dialog';
import { Field, FormError, useFocusFirstInvalid } from '@/app/components/field';
import { productName } from '@/app/components/product-picker';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import type { MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import {
  ADJUSTMENT_REASONS,
  firstLineAgainstReason,
  REASON_DIRECTION,
  type AdjustmentReason,
} from '@/server/stock/adjustment-reasons';
import { formatFen } from '@/server/domain/money';
import { stockValueFen } from '@/server/stock/stock-value';
import { QuantityLines, type QuantityLine } from '../../quantity-lines';
import { parseQuantity } from '../../stock-format';

interface ReadyAdjustment {
  reason: AdjustmentReason;
  lines: { productId: string; quantityDelta: number }[];
  outFen: number;
  inFen: number;
}

const isReason = (value: string): value is AdjustmentReason =>
  (ADJUSTMENT_REASONS as readonly string[]).includes(value);

export function NewAdjustment() {
  const t = useT();
  const locale = useLocale();
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
  const [ready, setReady] = useState<ReadyAdjustment | null>(null);
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
  const serverLineError = Object.entries(error?.fields ?? {}).find(([path]) => path.startsWith('lines'))?.[1];
  const reasonName = (r: string) => t(`stock.reason.${r}` as MessageKey);
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
    if (linesBad || required.reason || required.note || !isReason(reason)) return focusInvalid();
    const quantities = parsed.map((q) => q ?? 0);
    const against = firstLineAgainstReason(reason, quantities);
    const wrongLine = lines[against];
    if (wrongLine) {
      const key = REASON_DIRECTION[reason] === 'out' ? 'stock.lineMustBeNegative' : 'stock.lineMustBePositive';
      setLineError(
        t(key, { line: against + 1, name: productName(locale, wrongLine.product), reason: reasonName(reason) }),
      );
      return;
    }
    // Valued as the server will post them: at the stock's average cost, else the catalog cost.
    const values = lines.map((line, index) =>
      stockValueFen(quantities[index] ?? 0, line.product.unit, line.product.suggestedCostFen),
    );
    setReady({
      reason,
      lines: lines.map((line, index) => ({ productId: line.product.id, quantityDelta: quantities[index] ?? 0 })),
      outFen: values.filter((v) => v < 0).reduce((sum, v) => sum + v, 0),
      inFen: values.filter((v) => v > 0).reduce((sum, v) => sum + v, 0),
    });
  };
  return (
    <form ref={formRef} className="space-y-6" onSubmit={submit} noValidate>
      <h1 className="text-2xl font-semibold">{t('stock.newAdjustment')}</h1>
      <div className="grid gap-4 rounded bg-white p-6 shadow md:grid-cols-2">
        <Field
          id="adjustment-reason"
          label={t('stock.reason')}
          error={missing.reason ?? error?.fields.reason}
          {...(isReason(reason)
            ? { hint: t(`stock.direction.${REASON_DIRECTION[reason]}`, { reason: reasonName(reason) }) }
            : {})}
        >
          {(props) => (
            <select {...props} className="field-input" value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">{t('stock.chooseReason')}</option>
              {ADJUSTMENT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {reasonName(r)}
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
          placeholder={
            isReason(reason) && REASON_DIRECTION[reason] === 'in'
              ? { each: '2', kg: '0.500 kg' }
              : { each: '-2', kg: '-0.500 kg' }
          }
        />
        <p className="text-xs text-slate-500">{t('stock.quantityHint')}</p>
        {(lineError ?? serverLineError) && (
          <p role="alert" className="text-sm text-red-600">
            {lineError ?? serverLineError}
          </p>
        )}
      </section>
      <FormError error={error} />
      <button type="submit" className="btn-primary" disabled={create.isPending}>
        {create.isPending ? t('common.saving') : t('stock.postAdjustment')}
      </button>
      <ConfirmDialog
        open={ready !== null}
        title={t('stock.confirmPostTitle')}
        confirmLabel={t('stock.postAdjustment')}
        onCancel={() => setReady(null)}
        onConfirm={() => {
          if (!ready) return;
          setReady(null);
          create.mutate({ id, reason: ready.reason, note, lines: ready.lines });
        }}
      >
        {ready && (
          <>
            <p>
              {t('stock.confirmPostSummary', {
                reason: reasonName(ready.reason),
                lines: ready.lines.length,
                out: formatFen(-ready.outFen, { symbol: true }),
                in: formatFen(ready.inFen, { symbol: true }),
              })}
            </p>
            <p className="text-slate-600">{t('stock.confirmPostIrreversible')}</p>
          </>
        )}
      </ConfirmDialog>
    </form>
  );
}
