'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { Field, FormError, useFocusFirstInvalid } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';

export function StartStocktakeForm() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [id] = useState(() => uuidv7());
  const [scope, setScope] = useState<'full' | 'department'>('department');
  const [departmentId, setDepartmentId] = useState('');
  const departments = useQuery(trpc.stocktakes.departments.queryOptions());
  const start = useMutation(
    trpc.stocktakes.start.mutationOptions({ onSuccess: (stocktake) => router.push(`/stocktakes/${stocktake.id}`) }),
  );
  const error = describeError(start.error, t);
  const { formRef } = useFocusFirstInvalid(start.error);
  const missingDepartment = scope === 'department' && !departmentId;
  return (
    <section className="max-w-lg rounded bg-white p-6 shadow">
      <h1 className="mb-4 text-2xl font-semibold">{t('stocktake.new')}</h1>
      <form
        ref={formRef}
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (missingDepartment) return;
          start.mutate(scope === 'full' ? { id, scope } : { id, scope, departmentId });
        }}
      >
        <fieldset>
          <legend className="field-label">{t('stocktake.scope')}</legend>
          {(['department', 'full'] as const).map((value) => (
            <label key={value} className="flex min-h-12 items-center gap-3 text-base">
              <input
                type="radio"
                name="scope"
                className="h-5 w-5"
                checked={scope === value}
                onChange={() => setScope(value)}
              />
              {t(`stocktake.scope.${value}`)}
            </label>
          ))}
        </fieldset>
        {scope === 'department' && (
          <Field id="stocktake-department" label={t('stocktake.department')} error={error?.fields.departmentId}>
            {(props) => (
              <select
                {...props}
                className="field-input h-12 text-base"
                value={departmentId}
                onChange={(event) => setDepartmentId(event.target.value)}
              >
                <option value="">{t('stocktake.chooseDepartment')}</option>
                {departments.data?.map((d) => (
                  <option key={d.id} value={d.id}>
                    {locale === 'en' && d.nameEn ? d.nameEn : d.nameZh}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <p className="text-sm text-slate-600">{t('stocktake.startHint')}</p>
        <FormError error={error} />
        <button
          type="submit"
          className="btn-primary h-12 w-full text-base"
          disabled={start.isPending || missingDepartment}
        >
          {t('stocktake.start')}
        </button>
      </form>
    </section>
  );
}
