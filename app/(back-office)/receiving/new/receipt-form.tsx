'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import type { PurchaseOrderDetail } from '@/server/receiving/get-purchase-order';
import { describeError, firstMessage } from '@/app/trpc/errors';
import { formatFen, parseYuan } from '@/server/domain/money';
import { addPickToLines, formatQuantity, parseQuantity } from '@/server/receiving/quantity';
import { productName } from '@/app/components/product-picker';
import { type PickedProduct } from '../product-picker';
import { CostLines, type InvalidCostInput } from '../cost-lines';
import { useFocusFirstInvalid } from '@/app/components/field';

interface Line {
  key: string;
  productId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'each' | 'kg';
  onHand: number;
  quantityText: string;
  costText: string;
  purchaseOrderLineId: string | null;
  open: number | null;
}

const yuan = (fen: number) => formatFen(fen);

export function ReceiptForm({ purchaseOrderId }: { purchaseOrderId: string | null }) {
  const t = useT();
  const trpc = useTRPC();
  const order = useQuery({
    ...trpc.receiving.purchaseOrder.queryOptions({ id: purchaseOrderId ?? '' }),
    enabled: purchaseOrderId !== null,
  });
  if (purchaseOrderId === null) return <ReceiptEditor order={null} />;
  if (order.error) return <p role="alert">{describeError(order.error, t)?.message}</p>;
  if (!order.data) return <p aria-busy="true">…</p>;
  return <ReceiptEditor order={order.data} />;
}

/** The order's lines still open come prefilled with their cost and an empty quantity: lines left empty did not come. */
function linesOfOrder(order: PurchaseOrderDetail | null): Line[] {
  if (!order) return [];
  return order.lines
    .filter((line) => line.open > 0)
    .map((line) => ({
      key: line.id,
      productId: line.productId,
      code: line.productCode,
      nameZh: line.nameZh,
      nameEn: line.nameEn,
      unit: line.unit,
      onHand: line.onHand,
      quantityText: '',
      costText: yuan(line.unitCostFen),
      purchaseOrderLineId: line.id,
      open: line.open,
    }));
}

function ReceiptEditor({ order }: { order: PurchaseOrderDetail | null }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const purchaseOrderId = order?.id ?? null;
  const [receiptId] = useState(() => uuidv7());
  const [supplierId, setSupplierId] = useState(order?.supplierId ?? '');
  const [documentNo, setDocumentNo] = useState('');
  const [note, setNote] = useState('');
  const [acceptOver, setAcceptOver] = useState(false);
  const [lines, setLines] = useState<Line[]>(() => linesOfOrder(order));
  const [formError, setFormError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<InvalidCostInput | 'supplier' | null>(null);
  const suppliers = useQuery(trpc.receiving.suppliers.queryOptions());
  const me = useQuery(trpc.auth.me.queryOptions());
  const mayOrder = me.data?.permissions.includes('inventory.order') ?? false;

  const receive = useMutation(
    trpc.receiving.receiveGoods.mutationOptions({
      onSuccess: (receipt) => router.push(`/receiving/receipts/${receipt.id}`),
    }),
  );
  const { formRef, focusInvalid } = useFocusFirstInvalid(receive.error);
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
        isSame: (line) => line.productId === product.id,
        update: (line, quantityText) => ({ ...line, onHand: product.onHand, quantityText }),
        create: (quantityText) => ({
          key: uuidv7(),
          productId: product.id,
          code: product.code,
          nameZh: product.nameZh,
          nameEn: product.nameEn,
          unit: product.unit,
          onHand: product.onHand,
          quantityText,
          costText: yuan(product.suggestedCostFen),
          purchaseOrderLineId: null,
          open: null,
        }),
      }),
    );

  const update = (key: string, change: Partial<Line>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const parsed = lines.map((line) => ({
    line,
    quantity: parseQuantity(line.quantityText, line.unit),
    costFen: parseYuan(line.costText),
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setInvalid(null);
    // Order lines left empty did not come; any other line needs a quantity.
    const sent = parsed.filter((p) => !(p.line.purchaseOrderLineId && p.line.quantityText.trim() === ''));
    const badQuantity = sent.find((p) => !p.quantity);
    if (badQuantity) {
      return refuse(t('receiving.badQuantity', { name: productName(locale, badQuantity.line) }), {
        key: badQuantity.line.key,
        field: 'quantity',
      });
    }
    const badCost = sent.find((p) => p.costFen === null);
    if (badCost) {
      return refuse(t('receiving.badCost', { name: productName(locale, badCost.line) }), {
        key: badCost.line.key,
        field: 'cost',
      });
    }
    if (sent.length === 0) return refuse(t('receiving.noLines'), null);
    if (!supplierId) return refuse(t('receiving.chooseSupplier'), 'supplier');
    receive.mutate({
      id: receiptId,
      supplierId,
      purchaseOrderId,
      supplierDocumentNo: documentNo,
      note,
      acceptOverReceipt: acceptOver,
      lines: sent.map((p) => ({
        productId: p.line.productId,
        purchaseOrderLineId: p.line.purchaseOrderLineId,
        quantity: p.quantity ?? 0,
        unitCostFen: p.costFen ?? 0,
      })),
    });
  };

  const serverError = describeError(receive.error, t);
  return (
    <form ref={formRef} className="space-y-6" onSubmit={submit} aria-label={t('receiving.newReceipt')}>
      <h1 className="text-2xl font-semibold">{t('receiving.newReceipt')}</h1>
      {order && (
        <p>
          <Link href={`/receiving/orders/${order.id}`} className="text-brand-700 hover:underline">
            {t('receiving.againstOrder', { number: order.number })}
          </Link>
        </p>
      )}
      <section className="grid gap-4 rounded bg-white p-6 shadow md:grid-cols-3">
        <div>
          <label htmlFor="receipt-supplier" className="field-label">
            {t('receiving.supplier')}
          </label>
          <select
            id="receipt-supplier"
            className="field-input"
            aria-invalid={invalid === 'supplier'}
            value={supplierId}
            disabled={purchaseOrderId !== null}
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
          <label htmlFor="receipt-document" className="field-label">
            {t('receiving.supplierDocumentNo')}
          </label>
          <input
            id="receipt-document"
            className="field-input"
            value={documentNo}
            onChange={(event) => setDocumentNo(event.target.value)}
          />
        </div>
        <div>
          <label htmlFor="receipt-note" className="field-label">
            {t('receiving.note')}
          </label>
          <input id="receipt-note" className="field-input" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </section>
      <section className="space-y-4 rounded bg-white p-6 shadow">
        <CostLines
          label={t('receiving.receiptLines')}
          lines={lines}
          onPick={onPick}
          onChange={update}
          onRemove={(key) => setLines((current) => current.filter((l) => l.key !== key))}
          showOpen={purchaseOrderId !== null}
          detailed
          invalid={typeof invalid === 'object' ? invalid : null}
        />
        {purchaseOrderId && (
          <button
            type="button"
            className="btn-secondary"
            onClick={() =>
              setLines((current) =>
                current.map((line) =>
                  line.open ? { ...line, quantityText: formatQuantity(line.open, line.unit) } : line,
                ),
              )
            }
          >
            {t('receiving.fillOpen')}
          </button>
        )}
      </section>
      {purchaseOrderId && mayOrder && (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={acceptOver} onChange={(event) => setAcceptOver(event.target.checked)} />
          {t('receiving.acceptOver')}
        </label>
      )}
      {(formError || serverError) && (
        <p role="alert" className="text-sm text-red-600">
          {formError ?? (serverError ? firstMessage(serverError) : '')}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={receive.isPending}>
        {t('receiving.post')}
      </button>
    </form>
  );
}
