'use client';

import type { inferRouterOutputs } from '@trpc/server';
import { useT } from '@/app/i18n/locale-provider';
import { formatFen } from '@/server/domain/money';
import type { AppRouter } from '@/server/trpc/root';

type ShiftReport = inferRouterOutputs<AppRouter>['lane']['signOut'];

/** The shift's Z report shown at sign-out, to print before the lane is left. */
export function ZReport({ report, onDone }: { report: ShiftReport; onDone: () => void }) {
  const t = useT();
  return (
    <section
      className="mx-auto mt-8 w-[80mm] space-y-1 rounded bg-white p-4 font-mono text-sm shadow"
      aria-label={t('lane.zReport')}
    >
      <h1 className="font-bold">{t('lane.zReport')}</h1>
      <p>
        {t('lane.sales')}: {report.sales.count} · {t('lane.takings')}:{' '}
        {formatFen(report.sales.totalFen, { symbol: true })}
      </p>
      <p>
        {t('lane.expected')}: {formatFen(report.cash.expectedFen, { symbol: true })}
      </p>
      <p>
        {t('lane.counted')}: {formatFen(report.cash.countedFen ?? 0, { symbol: true })}
      </p>
      <p>
        {t('lane.difference')}: {formatFen(report.cash.differenceFen ?? 0, { symbol: true })}
      </p>
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
