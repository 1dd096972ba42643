'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import type { Cart } from './cart';
import { LINE_GRID, LineRow, type LineCallbacks } from './line-row';

const LINE_HEIGHT_ESTIMATE_PX = 53;

/**
 * The sale's lines in their own scrolling panel, newest in view. Only the lines near the view are in the DOM, so a
 * scan lays out and paints a screenful whatever the sale's length; aria-rowcount and aria-rowindex tell assistive
 * technology the whole table. Rows are grids, not table layout, so the roles restate the table's semantics.
 */
export const SaleLines = memo(function SaleLines({
  lines,
  lineTotals,
  ...callbacks
}: LineCallbacks & { lines: Cart['lines']; lineTotals: { totalFen: number; lineDiscountFen: number }[] }) {
  const t = useT();
  const panel = useRef<HTMLDivElement>(null);
  // No React Compiler here; rows get the virtualizer's measureElement, which stays the same function throughout.
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => panel.current,
    estimateSize: () => LINE_HEIGHT_ESTIMATE_PX,
    getItemKey: (index) => lines[index]?.lineId ?? index,
    overscan: 6,
    useFlushSync: false,
  });
  useLayoutEffect(() => {
    const element = panel.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lines.length]);
  return (
    <div ref={panel} className="h-[55vh] overflow-y-auto [contain:strict]">
      <table role="table" aria-label={t('lane.lines')} aria-rowcount={lines.length + 1} className="data-table block">
        <thead role="rowgroup" className="sticky top-0 z-10 block">
          <tr role="row" aria-rowindex={1} className={LINE_GRID}>
            <th role="columnheader">#</th>
            <th role="columnheader">{t('lane.lines')}</th>
            <th role="columnheader">{t('lane.quantity')}</th>
            <th role="columnheader" className="text-right">
              {t('lane.total')}
            </th>
            <th role="columnheader" />
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          className="relative block"
          style={lines.length > 0 ? { height: virtualizer.getTotalSize() } : undefined}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            if (!line) return null;
            return (
              <LineRow
                key={item.key}
                measure={virtualizer.measureElement}
                line={line}
                index={item.index}
                top={item.start}
                totalFen={lineTotals[item.index]?.totalFen ?? 0}
                lineDiscountFen={lineTotals[item.index]?.lineDiscountFen ?? 0}
                {...callbacks}
              />
            );
          })}
          {lines.length === 0 && (
            <tr role="row" className="block">
              <td role="cell" className="block py-10 text-center text-slate-400">
                {t('lane.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
});
