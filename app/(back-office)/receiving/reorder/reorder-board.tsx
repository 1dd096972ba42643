'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError, firstMessage } from '@/app/trpc/errors';
import { formatQuantity, parseQuantity } from '@/server/receiving/quantity';
import { showQuantity } from '../format';
import { productName } from '@/app/components/product-picker';
import { ReceivingProductPicker, type PickedProduct } from '../product-picker';
import { LoadingRow } from '@/app/components/list-pager';

export function ReorderBoard() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [coverDaysText, setCoverDaysText] = useState('14');
  const coverDays = Math.min(Math.max(Number.parseInt(coverDaysText, 10) || 14, 1), 180);
  const me = useQuery(trpc.auth.me.queryOptions());
  const mayOrder = me.data?.permissions.includes('inventory.order') ?? false;
  const rules = useQuery(trpc.receiving.reorderRules.queryOptions({ coverDays }));
  const suppliers = useQuery(trpc.receiving.suppliers.queryOptions());
  const [selected, setSelected] = useState<Record<string, string>>({});
  const [supplierId, setSupplierId] = useState('');
  const [orderId, setOrderId] = useState(() => uuidv7());
  const [formError, setFormError] = useState<string | null>(null);
  const [ruleProduct, setRuleProduct] = useState<PickedProduct | null>(null);
  const [pointText, setPointText] = useState('');
  const [quantityText, setQuantityText] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.receiving.pathKey() });
  const createOrder = useMutation(
    trpc.receiving.createPurchaseOrder.mutationOptions({
      onSuccess: (order) => {
        setOrderId(uuidv7());
        router.push(`/receiving/orders/${order.id}`);
      },
    }),
  );
  const setRule = useMutation(
    trpc.receiving.setReorderRule.mutationOptions({
      onSuccess: () => {
        setRuleProduct(null);
        setPointText('');
        setQuantityText('');
        return refresh();
      },
    }),
  );
  const clearRule = useMutation(trpc.receiving.clearReorderRule.mutationOptions({ onSuccess: refresh }));

  const low = rules.data?.filter((rule) => rule.low) ?? [];
  const orderSelected = () => {
    setFormError(null);
    const lines = low
      .filter((rule) => rule.productId in selected)
      .map((rule) => ({
        productId: rule.productId,
        quantity: parseQuantity(selected[rule.productId] ?? '', rule.unit),
        unitCostFen: rule.unitCostFen,
        name: productName(locale, rule),
      }));
    const bad = lines.find((line) => !line.quantity);
    if (bad) return setFormError(t('receiving.badQuantity', { name: bad.name }));
    if (lines.length === 0) return setFormError(t('receiving.noLines'));
    if (!supplierId) return setFormError(t('receiving.chooseSupplier'));
    createOrder.mutate({
      id: orderId,
      supplierId,
      lines: lines.map(({ productId, quantity, unitCostFen }) => ({ productId, quantity: quantity ?? 0, unitCostFen })),
    });
  };
  const saveRule = (event: FormEvent) => {
    event.preventDefault();
    if (!ruleProduct) return;
    const reorderPoint = parseQuantity(pointText, ruleProduct.unit);
    const reorderQuantity = parseQuantity(quantityText, ruleProduct.unit);
    if (reorderPoint === null || !reorderQuantity) {
      return setFormError(t('receiving.badQuantity', { name: productName(locale, ruleProduct) }));
    }
    setFormError(null);
    setRule.mutate({ productId: ruleProduct.id, reorderPoint, reorderQuantity });
  };
  const serverError = describeError(createOrder.error ?? setRule.error ?? clearRule.error, t);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('receiving.reorder')}</h1>
      <p className="rounded bg-white p-4 text-sm text-slate-600 shadow">{t('receiving.reorderFormula')}</p>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="cover-days" className="field-label">
            {t('receiving.coverDays')}
          </label>
          <input
            id="cover-days"
            className="field-input w-24"
            inputMode="numeric"
            value={coverDaysText}
            onChange={(event) => setCoverDaysText(event.target.value)}
          />
        </div>
        {mayOrder && (
          <>
            <div>
              <label htmlFor="reorder-supplier" className="field-label">
                {t('receiving.supplier')}
              </label>
              <select
                id="reorder-supplier"
                className="field-input"
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
            <button type="button" className="btn-primary" disabled={createOrder.isPending} onClick={orderSelected}>
              {t('receiving.orderSelected')}
            </button>
          </>
        )}
      </div>
      {(formError || serverError) && (
        <p role="alert" className="text-sm text-red-600">
          {formError ?? (serverError ? firstMessage(serverError) : '')}
        </p>
      )}
      <section className="overflow-hidden rounded bg-white shadow" aria-labelledby="low-title">
        <h2 id="low-title" className="p-4 text-lg font-semibold">
          {t('receiving.lowStock')}
        </h2>
        <table aria-busy={rules.isPending} className="data-table" aria-label={t('receiving.lowStock')}>
          <thead>
            <tr>
              <th />
              <th>{t('receiving.product')}</th>
              <th className="text-right">{t('receiving.onHand')}</th>
              <th className="text-right">{t('receiving.reorderPoint')}</th>
              <th className="text-right">{t('receiving.sold28')}</th>
              <th className="text-right">{t('receiving.onOrder')}</th>
              <th className="text-right">{t('receiving.suggested')}</th>
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={rules.isPending} columns={7} />
            {low.map((rule) => {
              const name = productName(locale, rule);
              const isSelected = rule.productId in selected;
              return (
                <tr key={rule.productId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('receiving.select', { name })}
                      checked={isSelected}
                      disabled={!mayOrder}
                      onChange={(event) =>
                        setSelected((current) => {
                          const next = { ...current };
                          if (event.target.checked)
                            next[rule.productId] = formatQuantity(rule.suggestedQuantity, rule.unit);
                          else delete next[rule.productId];
                          return next;
                        })
                      }
                    />
                  </td>
                  <td>
                    <span className="font-mono text-xs text-slate-500">{rule.code}</span> {name}
                  </td>
                  <td className="text-right font-mono">{showQuantity(rule.onHand, rule.unit)}</td>
                  <td className="text-right font-mono">{showQuantity(rule.reorderPoint, rule.unit)}</td>
                  <td className="text-right font-mono">{showQuantity(rule.soldInWindow, rule.unit)}</td>
                  <td className="text-right font-mono">{showQuantity(rule.openOnOrder, rule.unit)}</td>
                  <td className="text-right">
                    {isSelected ? (
                      <input
                        className="field-input w-28"
                        inputMode="decimal"
                        aria-label={t('receiving.suggestedOf', { name })}
                        value={selected[rule.productId] ?? ''}
                        onChange={(event) => setSelected({ ...selected, [rule.productId]: event.target.value })}
                      />
                    ) : (
                      <span className="font-mono">{showQuantity(rule.suggestedQuantity, rule.unit)}</span>
                    )}
                  </td>
                </tr>
              );
            })}
            {rules.data && low.length === 0 && (
              <tr>
                <td colSpan={7} className="py-6 text-center text-slate-500">
                  {t('receiving.noLowStock')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
      <section className="space-y-4 rounded bg-white p-6 shadow" aria-labelledby="rules-title">
        <h2 id="rules-title" className="text-lg font-semibold">
          {t('receiving.allRules')}
        </h2>
        {mayOrder && (
          <>
            <ReceivingProductPicker onPick={(product) => setRuleProduct(product)} />
            {ruleProduct && (
              <form className="flex flex-wrap items-end gap-3" onSubmit={saveRule} aria-label={t('receiving.setRule')}>
                <span className="pb-2">{productName(locale, ruleProduct)}</span>
                <input
                  className="field-input w-28"
                  inputMode="decimal"
                  aria-label={t('receiving.reorderPointOf', { name: productName(locale, ruleProduct) })}
                  placeholder={t('receiving.reorderPoint')}
                  value={pointText}
                  onChange={(event) => setPointText(event.target.value)}
                />
                <input
                  className="field-input w-28"
                  inputMode="decimal"
                  aria-label={t('receiving.reorderQuantityOf', { name: productName(locale, ruleProduct) })}
                  placeholder={t('receiving.reorderQuantity')}
                  value={quantityText}
                  onChange={(event) => setQuantityText(event.target.value)}
                />
                <button type="submit" className="btn-primary" disabled={setRule.isPending}>
                  {t('receiving.setRule')}
                </button>
              </form>
            )}
          </>
        )}
        <table aria-busy={rules.isPending} className="data-table" aria-label={t('receiving.allRules')}>
          <thead>
            <tr>
              <th>{t('receiving.product')}</th>
              <th className="text-right">{t('receiving.onHand')}</th>
              <th className="text-right">{t('receiving.reorderPoint')}</th>
              <th className="text-right">{t('receiving.reorderQuantity')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={rules.isPending} columns={5} />
            {rules.data?.map((rule) => {
              const name = productName(locale, rule);
              return (
                <tr key={rule.productId}>
                  <td>
                    <span className="font-mono text-xs text-slate-500">{rule.code}</span> {name}
                  </td>
                  <td className="text-right font-mono">{showQuantity(rule.onHand, rule.unit)}</td>
                  <td className="text-right font-mono">{showQuantity(rule.reorderPoint, rule.unit)}</td>
                  <td className="text-right font-mono">{showQuantity(rule.reorderQuantity, rule.unit)}</td>
                  <td>
                    {mayOrder && (
                      <button
                        type="button"
                        className="btn-secondary"
                        aria-label={t('receiving.clearRule', { name })}
                        onClick={() => clearRule.mutate({ productId: rule.productId })}
                      >
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
