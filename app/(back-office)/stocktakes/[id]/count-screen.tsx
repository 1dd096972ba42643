'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { CameraScanner } from '@/lanes/checkout/camera-scanner';

/** Counting on a phone or at a shelf: scan (scanner or camera) or type a code, optionally a quantity, record. */
export function CountScreen({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState('');
  const [setCount, setSetCount] = useState(false);
  const [camera, setCamera] = useState(false);
  const [recorded, setRecorded] = useState<string | null>(null);
  const stocktake = useQuery(trpc.stocktakes.get.queryOptions({ stocktakeId: id }));
  const mine = useQuery(trpc.stocktakes.counts.queryOptions({ stocktakeId: id, mine: true, limit: 20 }));
  const name = (zh: string | null, en: string | null) => (locale === 'en' && en ? en : (zh ?? ''));
  const shown = (value: number, unit: 'each' | 'kg') =>
    unit === 'kg' ? `${value} ${t('stocktake.gramsSuffix')}` : String(value);
  const count = useMutation(
    trpc.stocktakes.count.mutationOptions({
      onSuccess: (answer) => {
        setRecorded(
          t('stocktake.recorded', {
            name: name(answer.product.nameZh, answer.product.nameEn),
            quantity: shown(answer.entry.quantity, answer.product.unit),
            total: shown(answer.countedTotal, answer.product.unit),
          }),
        );
        document.getElementById('count-code')?.focus();
        void queryClient.invalidateQueries({ queryKey: trpc.stocktakes.counts.queryKey() });
      },
      onError: () => setRecorded(null),
    }),
  );
  const submit = (scanned: string) => {
    const trimmed = scanned.trim();
    if (!trimmed) return;
    const typed = quantity.trim() === '' ? undefined : Number(quantity);
    count.mutate({
      stocktakeId: id,
      entryId: uuidv7(),
      code: trimmed,
      quantity: typed !== undefined && Number.isInteger(typed) ? typed : undefined,
      mode: setCount ? 'set' : 'add',
    });
    // Cleared at once, so the next scan from a wedge scanner starts an empty field.
    setCode('');
    setQuantity('');
    setSetCount(false);
  };
  const error = describeError(count.error ?? stocktake.error, t);
  const heading = stocktake.data;
  const closed = heading !== undefined && heading.status !== 'counting';

  return (
    <section className="mx-auto max-w-md space-y-4">
      <div className="flex items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">
          {t('stocktake.count')} <span className="font-mono text-base">{heading?.number}</span>
        </h1>
        <Link href={`/stocktakes/${id}/report`} className="text-brand-700 hover:underline">
          {t('stocktake.report')}
        </Link>
      </div>
      {heading && (
        <p className="text-sm text-slate-600">
          {heading.scope === 'full'
            ? t('stocktake.scope.full')
            : name(heading.departmentNameZh, heading.departmentNameEn)}{' '}
          · {t(`stocktake.status.${heading.status}`)}
        </p>
      )}
      {camera && (
        <CameraScanner
          onCode={(scanned) => {
            setCamera(false);
            setCode(scanned);
            submit(scanned);
          }}
          onClose={() => setCamera(false)}
        />
      )}
      <form
        className="space-y-3 rounded bg-white p-4 shadow"
        onSubmit={(event) => {
          event.preventDefault();
          submit(code);
        }}
      >
        <div>
          <label htmlFor="count-code" className="field-label">
            {t('stocktake.code')}
          </label>
          <div className="flex gap-2">
            <input
              id="count-code"
              autoFocus
              autoComplete="off"
              enterKeyHint="done"
              className="field-input h-14 min-w-0 text-xl"
              aria-describedby="count-code-hint"
              value={code}
              disabled={closed}
              onChange={(event) => setCode(event.target.value)}
            />
            <button
              type="button"
              className="btn-secondary h-14 shrink-0"
              disabled={closed}
              onClick={() => setCamera(true)}
            >
              {t('stocktake.camera')}
            </button>
          </div>
          <p id="count-code-hint" className="mt-1 text-xs text-slate-500">
            {t('stocktake.codeHint')}
          </p>
        </div>
        <div>
          <label htmlFor="count-quantity" className="field-label">
            {t('stocktake.quantity')}
          </label>
          <input
            id="count-quantity"
            type="number"
            inputMode="numeric"
            step={1}
            className="field-input h-14 text-xl"
            aria-describedby="count-quantity-hint"
            value={quantity}
            disabled={closed}
            onChange={(event) => setQuantity(event.target.value)}
          />
          <p id="count-quantity-hint" className="mt-1 text-xs text-slate-500">
            {t('stocktake.quantityHint')}
          </p>
        </div>
        <label className="flex min-h-12 items-center gap-3">
          <input
            type="checkbox"
            className="h-6 w-6"
            checked={setCount}
            disabled={closed}
            onChange={(event) => setSetCount(event.target.checked)}
          />
          {t('stocktake.setCount')}
        </label>
        <button type="submit" className="btn-primary h-14 w-full text-lg" disabled={closed}>
          {t('stocktake.record')}
        </button>
        <ErrorAlert error={error} />
        {recorded && (
          <p role="status" className="rounded bg-brand-50 p-2 text-brand-800">
            {recorded}
          </p>
        )}
      </form>
      <section aria-labelledby="my-entries" className="rounded bg-white p-4 shadow">
        <h2 id="my-entries" className="mb-2 font-semibold">
          {t('stocktake.myEntries')}
        </h2>
        <ul className="divide-y" aria-labelledby="my-entries">
          {mine.data?.map((entry) => (
            <li key={entry.id} className="flex min-h-12 items-center justify-between gap-2 py-1">
              <span className="min-w-0">
                <span className="block truncate">{name(entry.nameZh, entry.nameEn)}</span>
                <span className="text-xs text-slate-500">
                  {entry.code} · {entry.countedAt.toLocaleTimeString(locale)}
                </span>
              </span>
              <span className="font-mono text-lg">
                {entry.quantity > 0 ? '+' : ''}
                {shown(entry.quantity, entry.unit)}
              </span>
              {entry.quantity !== 0 && !closed && (
                <button
                  type="button"
                  className="btn-secondary h-12"
                  aria-label={t('stocktake.undoEntry', {
                    name: name(entry.nameZh, entry.nameEn),
                    quantity: shown(entry.quantity, entry.unit),
                  })}
                  disabled={count.isPending}
                  onClick={() =>
                    count.mutate({
                      stocktakeId: id,
                      entryId: uuidv7(),
                      productId: entry.productId,
                      quantity: -entry.quantity,
                    })
                  }
                >
                  {t('stocktake.undo')}
                </button>
              )}
            </li>
          ))}
          {mine.data?.length === 0 && <li className="py-2 text-slate-500">{t('stocktake.noEntries')}</li>}
        </ul>
      </section>
    </section>
  );
}
