'use client';

import type { ReactNode } from 'react';
import { useT } from '@/app/i18n/locale-provider';

/** Previous, the page number and next, under a paged list. */
export function ListPager({
  page,
  hasNext,
  onPrevious,
  onNext,
}: {
  page: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const t = useT();
  return (
    <div className="mt-4 flex items-center gap-3">
      <button type="button" className="btn-secondary" disabled={page <= 1} onClick={onPrevious}>
        {t('products.previous')}
      </button>
      <span className="text-sm text-slate-600">{t('products.page', { page })}</span>
      <button type="button" className="btn-secondary" disabled={!hasNext} onClick={onNext}>
        {t('products.next')}
      </button>
    </div>
  );
}

/** The one row of a list table with nothing in it. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="py-8 text-center text-slate-500">
        {children}
      </td>
    </tr>
  );
}

/** The one row of a list table while its rows are on their way, so a table never shows bare headings. */
export function LoadingRow({ loading, columns }: { loading: boolean; columns: number }) {
  const t = useT();
  if (!loading) return null;
  return (
    <tr>
      <td colSpan={columns} role="status" className="py-8 text-center text-slate-500">
        {t('common.loading')}
      </td>
    </tr>
  );
}
