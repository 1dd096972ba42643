'use client';

import { useT } from '@/app/i18n/locale-provider';

const SEGMENTS = ['M-<25', 'M-25-45', 'M->45', 'F-<25', 'F-25-45', 'F->45'];

/** The customer's sex and age band, picked by the cashier for the sales statistics; pressed again, cleared. */
export function CustomerSegments({
  selected,
  onSelect,
}: {
  selected: string | null;
  onSelect: (segment: string | null) => void;
}) {
  const t = useT();
  return (
    <fieldset className="rounded bg-white p-4 shadow">
      <legend className="text-sm text-slate-500">{t('lane.segment')}</legend>
      <div className="grid grid-cols-3 gap-1">
        {SEGMENTS.map((segment) => (
          <button
            key={segment}
            type="button"
            aria-pressed={selected === segment}
            className="rounded border px-1 py-1 text-xs aria-pressed:bg-brand-600 aria-pressed:text-white"
            onClick={() => onSelect(selected === segment ? null : segment)}
          >
            {segment}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
