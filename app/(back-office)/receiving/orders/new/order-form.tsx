'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError, firstMessage } from '@/app/trpc/errors';
import { formatFen, parseYuan } from '@/server/domain/money';
import { addPickToLines, parseQuantity } from '@/server/receiving/quantity';
import { productName } from '@/app/components/product-picker';
import { type PickedProduct } from '../../product-picker';
import { CostLines, type InvalidCostInput } from '../../cost-lines';
import { useFocusFirstInvalid } from '@/app/components/field';

interface Line {
  product: PickedProduct;
  quantityText: string;
  costText: string;
}

export function OrderForm() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [orderId] = useState(() => uuidv7());
  const [supplierId, setSupplierId] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<InvalidCostInput | 'supplier' | null>(null);
  const suppliers = useQuery(trpc.receiving.suppliers.queryOptions());
  const create = useMutation(
    trpc.receiving.createPurchaseOrder.mutationOptions({
      onSuccess: (order) => router.push(`/receiving/orders/${order.id}`),
    }),
  );
  const { formRef, focusInvalid } = useFocusFirstInvalid(create.error);
  const refuse = (message: string, input: InvalidCostInput | 'supplier' | null) => {
    setFormError(message);
    setInvalid(input);
    focusInvalid();
  };

  const onPick = (product: PickedProduct, scanned: boolean) =>
    setLines((current) =>
      addPickToLines(current, {
        unit: product.unit,
        scanned,
        weightGrams: product.weightGrams,
        isSame: (line) => line.product.id === product.id,
        update: (line, quantityText) => ({ ...line, product, quantityText }),
        create: (quantityText) => ({ product, quantityText, costText: formatFen(product.suggestedCostFen) }),
      }),
    );
  const update = (id: string, change: Partial<Line>) =>
    setLines((current) => current.map((line) => (line.product.id === id ? { ...line, ...change } : line)));

  const parsed = lines.map((line) => ({
    line,
    quantity: parseQuantity(line.quantityText, line.product.unit),
    costFen: parseYuan(line.costText),
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setInvalid(null);
    const badQuantity = parsed.find((p) => !p.quantity);
    if (badQuantity) {
      return refuse(t('receiving.badQuantity', { name: productName(locale, badQuantity.line.product) }), {
        key: badQuantity.line.product.id,
        field: 'quantity',
      });
    }
    const badCost = parsed.find((p) => p.costFen === null);
    if (badCost) {
      return refuse(t('receiving.badCost', { name: productName(locale, badCost.line.product) }), {
        key: badCost.line.product.id,
        field: 'cost',
      });
    }
    if (parsed.length === 0) return refuse(t('receiving.noLines'), null);
    if (!supplierId) return refuse(t('receiving.chooseSupplier'), 'supplier');
    create.mutate({
      id: orderId,
      supplierId,
      note,
      lines: parsed.map((p) => ({
        productId: p.line.product.id,
        quantity: p.quantity ?? 0,
        unitCostFen: p.costFen ?? 0,
      })),
    });
  };

  const serverError = describeError(create.error, t);
  return (
    <form ref={formRef} className="space-y-6" onSubmit={submit} aria-label={t('receiving.newOrder')}>
      <h1 className="text-2xl font-semibold">{t('receiving.newOrder')}</h1>
      <section className="grid gap-4 rounded bg-white p-6 shadow md:grid-cols-2">
        <div>
          <label htmlFor="order-supplier" className="field-label">
            {t('receiving.supplier')}
          </label>
          <select
            id="order-supplier"
            className="field-input"
            aria-invalid={invalid === 'supplier'}
            value={supplierId}
            onChange={(event) => setSupplierId(event.target.value)}
          >
            <option value="">{t('receiving.chooseSupplier')}</option>
            {suppliers.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="order-note" className="field-label">
            {t('receiving.note')}
          </label>
          <input id="order-note" className="field-input" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </section>
      <section className="space-y-4 rounded bg-white p-6 shadow">
        <CostLines
          label={t('receiving.orderLines')}
          lines={lines.map((line) => ({
            ...line.product,
            key: line.product.id,
            quantityText: line.quantityText,
            costText: line.costText,
          }))}
          onPick={onPick}
          onChange={update}
          onRemove={(id) => setLines((current) => current.filter((l) => l.product.id !== id))}
          invalid={typeof invalid === 'object' ? invalid : null}
        />
      </section>
      {(formError || serverError) && (
        <p role="alert" className="text-sm text-red-600">
          {formError ?? (serverError ? firstMessage(serverError) : '')}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={create.isPending}>
        {t('receiving.createOrder')}
      </button>
    </form>
  );
}
