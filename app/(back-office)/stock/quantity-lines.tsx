'use client';

import type { Dispatch, SetStateAction } from 'react';
import { productName } from '@/app/components/product-picker';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { StockProductPicker, type PickedProduct } from './product-picker';

export interface QuantityLine {
  product: PickedProduct;
  quantity: string;
}

/** A stock document's lines: products picked once each, a quantity typed for each. */
export function QuantityLines({
  lines,
  setLines,
  quantityLabel,
  placeholder,
}: {
  lines: QuantityLine[];
  setLines: Dispatch<SetStateAction<QuantityLine[]>>;
  quantityLabel: string;
  placeholder: Record<PickedProduct['unit'], string>;
}) {
  const t = useT();
  const locale = useLocale();
  const add = (product: PickedProduct) =>
    setLines((current) =>
      current.some((line) => line.product.id === product.id) ? current : [...current, { product, quantity: '' }],
    );
  return (
    <>
      <StockProductPicker onPick={add} />
      <table className="data-table" aria-label={t('stock.lines')}>
        <thead>
          <tr>
            <th>{t('products.code')}</th>
            <th>{t('stock.product')}</th>
            <th>{quantityLabel}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <tr key={line.product.id}>
              <td className="font-mono">{line.product.code}</td>
              <td>{productName(locale, line.product)}</td>
              <td>
                <input
                  className="field-input w-32"
                  inputMode="decimal"
                  aria-label={t('stock.quantityFor', { name: productName(locale, line.product) })}
                  placeholder={placeholder[line.product.unit]}
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
                  aria-label={t('stock.removeLine', { name: productName(locale, line.product) })}
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
    </>
  );
}
