'use client';

import { useState } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import type { ResolvedCode } from '@/server/domain/resolve-code';
import type { LaneProduct } from './cart';

/** A weighed item found without its weight: the cashier types the grams off the scale (null if not a whole number). */
export function WeightEntry({
  resolved,
  onDone,
}: {
  resolved: ResolvedCode<LaneProduct>;
  onDone: (grams: number | null) => void;
}) {
  const t = useT();
  const [grams, setGrams] = useState('');
  return (
    <form
      className="flex items-end gap-2 bg-amber-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        const value = Number(grams);
        onDone(Number.isInteger(value) && value > 0 ? value : null);
      }}
    >
      <label className="flex-1 text-sm">
        {t('lane.weightFor', { name: resolved.product.nameZh })}
        <input
          aria-label={t('lane.weight')}
          autoFocus
          className="field-input"
          inputMode="numeric"
          value={grams}
          onChange={(e) => setGrams(e.target.value)}
        />
      </label>
      <button type="submit" className="btn-primary">
        {t('lane.add')}
      </button>
    </form>
  );
}
