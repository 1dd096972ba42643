'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { MESSAGES, type MessageKey } from '@/app/i18n/messages';
import { formatFen } from '@/server/domain/money';
import { LoadingRow } from '@/app/components/list-pager';

function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && field.endsWith('Fen')) return formatFen(value, { symbol: true });
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function AuditTable({ entityType, entityId }: { entityType?: string; entityId?: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const audit = useQuery(trpc.audit.list.queryOptions({ entityType, entityId, page }));
  const rows = audit.data?.items ?? [];
  const actionLabel = (action: string) => {
    const key = `audit.action.${action}`;
    return key in MESSAGES.en ? t(key as MessageKey) : action;
  };
  return (
    <div>
      <table aria-busy={audit.isPending} className="data-table" aria-label={t('audit.title')}>
        <thead>
          <tr>
            <th>{t('audit.time')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.entity')}</th>
            <th>{t('audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          <LoadingRow loading={audit.isPending} columns={5} />
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="whitespace-nowrap">{row.createdAt.toLocaleString(locale)}</td>
              <td>
                {row.actorName} ({row.actorOperatorNo})
                {row.approverName && (
                  <div className="text-xs text-slate-500">
                    {t('audit.approver')}: {row.approverName}
                  </div>
                )}
              </td>
              <td title={row.action}>{actionLabel(row.action)}</td>
              <td>{row.summary}</td>
              <td className="text-xs">
                {Object.entries(row.changes).map(([field, change]) => (
                  <div key={field}>
                    <span className="font-medium">{field}</span>: {formatValue(field, change.from)} →{' '}
                    {formatValue(field, change.to)}
                  </div>
                ))}
              </td>
            </tr>
          ))}
          {audit.data && rows.length === 0 && (
            <tr>
              <td colSpan={5} className="py-6 text-center text-slate-500">
                {t('audit.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {(page > 1 || audit.data?.hasMore) && (
        <div className="mt-3 flex gap-3">
          <button type="button" className="btn-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('products.previous')}
          </button>
          <button
            type="button"
            className="btn-secondary"
            disabled={!audit.data?.hasMore}
            onClick={() => setPage(page + 1)}
          >
            {t('products.next')}
          </button>
        </div>
      )}
    </div>
  );
}
