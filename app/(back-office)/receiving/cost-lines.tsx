'use client';

import { useLocale, useT } from '@/app/i18n/locale-provider';
import { productName } from '@/app/components/product-picker';
import { formatFen, parseYuan } from '@/server/domain/money';
import { lineValueFen, parseQuantity } from '@/server/receiving/quantity';
import { showQuantity } from './format';
import { ReceivingProductPicker, type PickedProduct } from './product-picker';

/** One line of the editor as shown: the product, what is typed for it, and (against an order) what is still open. */
export interface CostLine {
  key: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'each' | 'kg';
  onHand: number;
  quantityText: string;
  costText: string;
  open?: number | null;
}

export type CostLineChange = Partial<Pick<CostLine, 'quantityText' | 'costText'>>;

/** The input a refused submit found wrong, marked invalid so focus can go to it. */
export interface InvalidCostInput {
  key: string;
  field: 'quantity' | 'cost';
}

/**
 * The product picker and the table of lines with quantity and unit cost, their value and the total,
 * shared by the purchase order and goods receipt forms.
 */
export function CostLines({
  label,
  lines,
  onPick,
  onChange,
  onRemove,
  showOpen = false,
  detailed = false,
  invalid = null,
}: {
  /** The table's accessible name. */
  label: string;
  lines: CostLine[];
  onPick: (product: PickedProduct, scanned: boolean) => void;
  onChange: (key: string, change: CostLineChange) => void;
  onRemove: (key: string) => void;
  /** Shows the column of quantities still open on the order. */
  showOpen?: boolean;
  /** Names the on hand and total cells, marks invalid inputs and hints the kg format. */
  detailed?: boolean;
  invalid?: InvalidCostInput | null;
}) {
  const t = useT();
  const locale = useLocale();
  const parsed = lines.map((line) => ({
    line,
    quantity: parseQuantity(line.quantityText, line.unit),
    costFen: parseYuan(line.costText),
  }));
  const totalFen = parsed.reduce(
    (sum, p) => sum + (p.quantity && p.costFen !== null ? lineValueFen(p.quantity, p.costFen, p.line.unit) : 0),
    0,
  );
  return (
    <>
      <ReceivingProductPicker onPick={onPick} />
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            <th>{t('receiving.product')}</th>
            <th className="text-right">{t('receiving.onHand')}</th>
            {showOpen && <th className="text-right">{t('receiving.open')}</th>}
            <th>{t('receiving.quantity')}</th>
            <th>{t('receiving.unitCost')}</th>
            <th className="text-right">{t('receiving.value')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {parsed.map(({ line, quantity, costFen }) => {
            const name = productName(locale, line);
            return (
              <tr key={line.key}>
                <td>
                  <span className="font-mono text-xs text-slate-500">{line.code}</span> {name}
                </td>
                <td
                  className="text-right font-mono"
                  aria-label={detailed ? `${t('receiving.onHand')} ${name}` : undefined}
                >
                  {showQuantity(line.onHand, line.unit)}
                </td>
                {showOpen && (
                  <td className="text-right font-mono">
                    {line.open === null || line.open === undefined ? '' : showQuantity(line.open, line.unit)}
                  </td>
                )}
                <td>
                  <input
                    className="field-input w-28"
                    inputMode="decimal"
                    aria-label={t('receiving.quantityOf', { name })}
                    title={detailed && line.unit === 'kg' ? t('receiving.quantityKgHint') : undefined}
                    placeholder={line.unit === 'kg' ? '0.000 kg' : ''}
                    value={line.quantityText}
                    aria-invalid={
                      (invalid?.key === line.key && invalid.field === 'quantity') ||
                      (detailed ? line.quantityText !== '' && quantity === null : undefined)
                    }
                    onChange={(event) => onChange(line.key, { quantityText: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="field-input w-28"
                    inputMode="decimal"
                    aria-label={t('receiving.unitCostOf', { name })}
                    value={line.costText}
                    aria-invalid={
                      (invalid?.key === line.key && invalid.field === 'cost') ||
                      (detailed ? costFen === null : undefined)
                    }
                    onChange={(event) => onChange(line.key, { costText: event.target.value })}
                  />
                  {line.unit === 'kg' && <span className="ml-1 text-xs text-slate-500">{t('receiving.perKg')}</span>}
                </td>
                <td className="text-right font-mono">
                  {quantity && costFen !== null ? formatFen(lineValueFen(quantity, costFen, line.unit)) : ''}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn-secondary"
                    aria-label={t('receiving.removeLine', { name })}
                    onClick={() => onRemove(line.key)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={showOpen ? 5 : 4} className="text-right font-semibold">
              {t('receiving.total')}
            </td>
            <td className="text-right font-mono font-semibold" aria-label={detailed ? t('receiving.total') : undefined}>
              {formatFen(totalFen, { symbol: true })}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </>
  );
}
