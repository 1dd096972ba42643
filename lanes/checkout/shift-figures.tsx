'use client';

import type { inferRouterOutputs } from '@trpc/server';
import type { ReactNode } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { formatFen } from '@/server/domain/money';
import { TENDER_KINDS } from '@/server/domain/sale';
import type { AppRouter } from '@/server/trpc/root';

export type ShiftReport = inferRouterOutputs<AppRouter>['lane']['shiftReport'];

/** The figures of the X and Z reports, one layout for both; amounts signed as they move the drawer. */
export function ShiftFigures({ report, testIdPrefix }: { report: ShiftReport; testIdPrefix: 'x' | 'z' }) {
  const t = useT();
  const locale = useLocale();
  const fen = (amount: number) => formatFen(amount, { symbol: true });
  const { cash } = report;
  const tid = (name: string) => `${testIdPrefix}-${name}`;
  return (
    <table className="w-full text-sm">
      <tbody>
        <Row
          label={t('shiftReport.cashier')}
          value={`${report.shift.cashierName} (${report.shift.cashierOperatorNo})`}
        />
        <Row label={t('shiftReport.opened')} value={report.shift.openedAt.toLocaleString(locale)} />
        {report.shift.closedAt && (
          <Row label={t('shiftReport.closed')} value={report.shift.closedAt.toLocaleString(locale)} />
        )}
        <Heading />
        <Row
          id={tid('sales')}
          label={t('shiftReport.sales')}
          count={report.sales.count}
          value={fen(report.sales.totalFen)}
        />
        <Row
          id={tid('returns')}
          label={t('shiftReport.returns')}
          count={report.returns.count}
          value={fen(report.returns.totalFen)}
        />
        {TENDER_KINDS.map((kind) => (
          <Row
            key={kind}
            id={tid(`refunds-${kind}`)}
            indent
            label={t('shiftReport.refundTo', { tender: t(`shiftReport.tender.${kind}`) })}
            value={fen(report.refundsByTender[kind])}
          />
        ))}
        <Row
          id={tid('sale-voids')}
          label={t('shiftReport.saleVoids')}
          count={report.voids.sales.count}
          value={fen(report.voids.sales.totalFen)}
        />
        <Row
          id={tid('line-voids')}
          label={t('shiftReport.lineVoids')}
          count={report.voids.lines.count}
          value={fen(report.voids.lines.totalFen)}
        />
        <Row id={tid('discounts')} label={t('shiftReport.discounts')} value={fen(report.discounts.totalFen)} />
        <Row
          id={tid('discounts-approved')}
          indent
          label={t('shiftReport.approvedOverLimit')}
          count={report.discounts.approvedOverLimit}
        />
        <Heading>{t('shiftReport.takings')}</Heading>
        {TENDER_KINDS.map((kind) => (
          <Row
            key={kind}
            id={tid(`takings-${kind}`)}
            label={t(`shiftReport.tender.${kind}`)}
            value={fen(report.takingsByTender[kind])}
          />
        ))}
        <Heading>{t('shiftReport.drawer')}</Heading>
        <Row id={tid('float')} label={t('shiftReport.float')} value={fen(cash.openingFloatFen)} />
        <Row id={tid('cash-sales')} label={t('shiftReport.cashSales')} value={fen(cash.salesTenderedFen)} />
        <Row id={tid('change')} label={t('shiftReport.change')} value={fen(cash.changeFen)} />
        <Row id={tid('cash-refunds')} label={t('shiftReport.cashRefunds')} value={fen(cash.refundsFen)} />
        <Row id={tid('paid-in')} label={t('shiftReport.paidIn')} value={fen(cash.paidInFen)} />
        <Row id={tid('paid-out')} label={t('shiftReport.paidOut')} value={fen(cash.paidOutFen)} />
        <Row id={tid('expected')} label={t('shiftReport.expected')} value={fen(cash.expectedFen)} strong />
        {cash.countedFen !== null && (
          <Row id={tid('counted')} label={t('shiftReport.counted')} value={fen(cash.countedFen)} />
        )}
        {cash.differenceFen !== null && (
          <Row id={tid('over-short')} label={t('shiftReport.overShort')} value={fen(cash.differenceFen)} strong />
        )}
      </tbody>
    </table>
  );
}

function Heading({ children }: { children?: ReactNode }) {
  return (
    <tr>
      <th colSpan={3} scope="colgroup" className="border-t border-dashed pt-2 text-left font-semibold">
        {children}
      </th>
    </tr>
  );
}

interface RowProps {
  id?: string;
  label: string;
  count?: number;
  value?: string;
  indent?: boolean;
  strong?: boolean;
}

function Row({ id, label, count, value, indent = false, strong = false }: RowProps) {
  return (
    <tr data-testid={id} className={strong ? 'font-semibold' : undefined}>
      <th scope="row" className={`py-0.5 text-left font-normal ${indent ? 'pl-3' : ''}`}>
        {label}
      </th>
      <td className="text-right">{count}</td>
      <td className="whitespace-nowrap pl-2 text-right">{value}</td>
    </tr>
  );
}
