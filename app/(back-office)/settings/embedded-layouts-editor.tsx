'use client';

import { RowName } from '@/app/components/row-name';
import { useT } from '@/app/i18n/locale-provider';
import type { EmbeddedBarcodeLayout } from '@/server/domain/embedded-barcode';

/** The store's scale-label layouts (prefix, item digits, price or weight, value digits): store settings and new stores. */
export function EmbeddedLayoutsEditor({
  layouts,
  onChange,
  editable,
  errors,
}: {
  layouts: EmbeddedBarcodeLayout[];
  onChange: (layouts: EmbeddedBarcodeLayout[]) => void;
  editable: boolean;
  errors: Record<string, string>;
}) {
  const t = useT();
  const setLayout = (index: number, patch: Partial<EmbeddedBarcodeLayout>) =>
    onChange(layouts.map((layout, i) => (i === index ? { ...layout, ...patch } : layout)));
  return (
    <fieldset>
      <legend className="field-label">{t('settings.layouts')}</legend>
      {layouts.map((layout, index) => (
        <div key={index} className="mb-2 flex gap-2">
          <input
            aria-label={t('settings.layout.prefix', { n: index + 1 })}
            className="field-input w-20 font-mono"
            disabled={!editable}
            value={layout.prefix}
            onChange={(e) => setLayout(index, { prefix: e.target.value })}
          />
          <input
            aria-label={t('settings.layout.itemDigits', { n: index + 1 })}
            type="number"
            className="field-input w-20"
            disabled={!editable}
            value={layout.itemDigits}
            onChange={(e) => setLayout(index, { itemDigits: Number(e.target.value) })}
          />
          <select
            aria-label={t('settings.layout.valueKind', { n: index + 1 })}
            className="field-input w-40"
            disabled={!editable}
            value={layout.valueKind}
            onChange={(e) => setLayout(index, { valueKind: e.target.value as 'price' | 'weight' })}
          >
            <option value="price">{t('settings.layout.price')}</option>
            <option value="weight">{t('settings.layout.weight')}</option>
          </select>
          <input
            aria-label={t('settings.layout.valueDigits', { n: index + 1 })}
            type="number"
            className="field-input w-20"
            disabled={!editable}
            value={layout.valueDigits}
            onChange={(e) => setLayout(index, { valueDigits: Number(e.target.value) })}
          />
          {editable && (
            <button
              type="button"
              className="btn-secondary"
              onClick={() => onChange(layouts.filter((_, i) => i !== index))}
            >
              {t('common.remove')}
              <RowName>{t('settings.layout.named', { n: index + 1, prefix: layout.prefix })}</RowName>
            </button>
          )}
        </div>
      ))}
      {Object.entries(errors)
        .filter(([path]) => path.startsWith('embeddedBarcodeLayouts'))
        .map(([path, message]) => (
          <p key={path} className="field-error">
            {message}
          </p>
        ))}
      {editable && (
        <button
          type="button"
          className="btn-secondary"
          onClick={() => onChange([...layouts, { prefix: '22', itemDigits: 5, valueKind: 'price', valueDigits: 5 }])}
        >
          {t('settings.addLayout')}
        </button>
      )}
    </fieldset>
  );
}
