'use client';

import { AuditTable } from '@/app/components/audit-table';
import { useT } from '@/app/i18n/locale-provider';

export default function AuditPage() {
  const t = useT();
  return (
    <section className="rounded bg-white p-6 shadow">
      <h1 className="mb-4 text-2xl font-semibold">{t('audit.title')}</h1>
      <AuditTable />
    </section>
  );
}
