'use client';

import { useT } from '@/app/i18n/locale-provider';

export interface DateRange {
  from: string;
  to: string;
}

/** From / to business days for a report; an emptied field keeps the day it had. */
export function DateRangeFields({
  range,
  onChange,
}: {
  range: DateRange | null;
  onChange: (range: DateRange) => void;
}) {
  const t = useT();
  const field = (key: keyof DateRange, label: string, className: string) => (
    <label className={`text-sm ${className}`}>
      {label}
      <input
        type="date"
        className="field-input"
        value={range?.[key] ?? ''}
        onChange={(e) => range && e.target.value && onChange({ ...range, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <>
      {field('from', t('review.from'), 'ml-auto')}
      {field('to', t('review.to'), '')}
    </>
  );
}
