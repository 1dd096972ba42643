'use client';

import { useT } from '@/app/i18n/locale-provider';
import { ShiftFigures, type ShiftReport } from './shift-figures';

/** The shift's Z report shown at sign-out, to print before the lane is left: the X report's figures, counted. */
export function ZReport({ report, onDone }: { report: ShiftReport; onDone: () => void }) {
  const t = useT();
  return (
    <section
      className="mx-auto mt-8 w-[80mm] space-y-1 rounded bg-white p-4 font-mono text-sm shadow"
      aria-label={t('lane.zReport')}
    >
      <h1 className="font-bold">{t('lane.zReport')}</h1>
      <ShiftFigures report={report} testIdPrefix="z" />
      <div className="flex gap-2 pt-3 print:hidden">
        <button type="button" className="btn-secondary" onClick={() => window.print()}>
          {t('lane.print')}
        </button>
        <button type="button" className="btn-primary" onClick={onDone}>
          OK
        </button>
      </div>
    </section>
  );
}
