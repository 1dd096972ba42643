'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { RowName } from '@/app/components/row-name';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError, firstMessage } from '@/app/trpc/errors';
import { LoadingRow } from '@/app/components/list-pager';

interface SupplierFields {
  code: string;
  name: string;
  contact: string;
  phone: string;
}
const EMPTY: SupplierFields = { code: '', name: '', contact: '', phone: '' };
const FIELDS = [
  ['code', 'receiving.supplierCode'],
  ['name', 'receiving.supplierName'],
  ['contact', 'receiving.contact'],
  ['phone', 'receiving.phone'],
] as const;

export function SupplierList() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const suppliers = useQuery(trpc.receiving.suppliers.queryOptions());
  const me = useQuery(trpc.auth.me.queryOptions());
  const mayEdit = me.data?.permissions.includes('inventory.order') ?? false;
  const [draft, setDraft] = useState<SupplierFields>(EMPTY);
  const [draftId, setDraftId] = useState(() => uuidv7());
  const [editing, setEditing] = useState<{ id: string; fields: SupplierFields } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.receiving.suppliers.queryKey() });
  const create = useMutation(
    trpc.receiving.createSupplier.mutationOptions({
      onSuccess: () => {
        setDraft(EMPTY);
        setDraftId(uuidv7());
        return refresh();
      },
    }),
  );
  const update = useMutation(
    trpc.receiving.updateSupplier.mutationOptions({
      onSuccess: () => {
        setEditing(null);
        return refresh();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ id: draftId, ...draft });
  };
  const error = describeError(create.error ?? update.error, t);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('receiving.suppliers')}</h1>
      {mayEdit && (
        <form
          className="grid gap-3 rounded bg-white p-6 shadow md:grid-cols-5"
          onSubmit={submit}
          aria-label={t('receiving.addSupplier')}
        >
          {FIELDS.map(([field, label]) => (
            <div key={field}>
              <label htmlFor={`supplier-${field}`} className="field-label">
                {t(label)}
              </label>
              <input
                id={`supplier-${field}`}
                className="field-input"
                value={draft[field]}
                onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
              />
            </div>
          ))}
          <div className="flex items-end">
            <button type="submit" className="btn-primary" disabled={create.isPending}>
              {t('receiving.addSupplier')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {firstMessage(error)}
        </p>
      )}
      <div className="overflow-hidden rounded bg-white shadow">
        <table aria-busy={suppliers.isPending} className="data-table" aria-label={t('receiving.suppliers')}>
          <thead>
            <tr>
              {FIELDS.map(([field, label]) => (
                <th key={field}>{t(label)}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={suppliers.isPending} columns={2} />
            {suppliers.data?.map((supplier) =>
              editing?.id === supplier.id ? (
                <tr key={supplier.id}>
                  {FIELDS.map(([field, label]) => (
                    <td key={field}>
                      <input
                        className="field-input"
                        aria-label={t(label)}
                        value={editing.fields[field]}
                        onChange={(event) =>
                          setEditing({ ...editing, fields: { ...editing.fields, [field]: event.target.value } })
                        }
                      />
                    </td>
                  ))}
                  <td className="whitespace-nowrap">
                    <button
                      type="button"
                      className="btn-primary"
                      onClick={() => update.mutate({ id: supplier.id, ...editing.fields })}
                    >
                      {t('receiving.save')}
                      <RowName>{supplier.name}</RowName>
                    </button>{' '}
                    <button type="button" className="btn-secondary" onClick={() => setEditing(null)}>
                      {t('receiving.cancel')}
                      <RowName>{supplier.name}</RowName>
                    </button>
                  </td>
                </tr>
              ) : (
                <tr key={supplier.id}>
                  <td className="font-mono">{supplier.code}</td>
                  <td>{supplier.name}</td>
                  <td>{supplier.contact}</td>
                  <td>{supplier.phone}</td>
                  <td>
                    {mayEdit && (
                      <button
                        type="button"
                        className="btn-secondary"
                        aria-label={t('receiving.edit', { name: supplier.name })}
                        onClick={() => setEditing({ id: supplier.id, fields: { ...supplier } })}
                      >
                        ✎
                      </button>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
