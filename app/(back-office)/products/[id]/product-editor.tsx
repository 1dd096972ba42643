'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { AuditTable } from '@/app/components/audit-table';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError, firstMessage } from '@/app/trpc/errors';
import { ProductForm } from '../product-form';

export function ProductEditor({ id }: { id: string }) {
  const t = useT();
  const trpc = useTRPC();
  const product = useQuery(trpc.catalog.get.queryOptions({ id }));
  const me = useQuery(trpc.auth.me.queryOptions());
  const permissions = me.data?.permissions ?? [];
  if (product.error) return <p role="alert">{describeError(product.error, t)?.message}</p>;
  if (!product.data) return <p aria-busy="true">…</p>;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">
        {t('products.edit')}: {product.data.nameZh}
      </h1>
      {permissions.includes('inventory.read') && (
        <Link href={`/stock/${id}`} className="btn-secondary">
          {t('stock.history')}
        </Link>
      )}
      <ProductForm product={product.data} editable={permissions.includes('catalog.write')} />
      <BarcodeManager
        productId={id}
        barcodes={product.data.barcodes}
        editable={permissions.includes('barcodes.manage')}
      />
      <section className="rounded bg-white p-6 shadow">
        <h2 className="mb-3 text-lg font-semibold">{t('products.history')}</h2>
        <AuditTable entityType="product" entityId={id} />
      </section>
    </div>
  );
}

function BarcodeManager({
  productId,
  barcodes,
  editable,
}: {
  productId: string;
  barcodes: { code: string; kind: string }[];
  editable: boolean;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
    ]);
  const add = useMutation(trpc.catalog.addBarcode.mutationOptions({ onSuccess: () => (setCode(''), refresh()) }));
  const remove = useMutation(trpc.catalog.removeBarcode.mutationOptions({ onSuccess: refresh }));
  const error = describeError(add.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ productId, barcode: { code: code.trim() } });
  };
  return (
    <section className="rounded bg-white p-6 shadow">
      <h2 className="mb-3 text-lg font-semibold">{t('products.barcodes')}</h2>
      <ul className="mb-4 space-y-1" aria-label={t('products.barcodes')}>
        {barcodes.map((barcode) => (
          <li key={barcode.code} className="flex items-center gap-3">
            <span className="font-mono">{barcode.code}</span>
            <span className="text-xs text-slate-500 uppercase">{barcode.kind}</span>
            {editable && (
              <button
                type="button"
                className="text-sm text-red-600 hover:underline"
                aria-label={`${t('products.removeBarcode')} ${barcode.code}`}
                onClick={() => remove.mutate({ productId, code: barcode.code })}
              >
                {t('common.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form onSubmit={submit} className="flex items-start gap-3" noValidate>
          <div className="w-64">
            <input
              aria-label={t('products.newBarcode')}
              aria-invalid={Boolean(error)}
              className="field-input font-mono"
              inputMode="numeric"
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
            {error && <p className="field-error">{firstMessage(error)}</p>}
          </div>
          <button type="submit" className="btn-secondary" disabled={add.isPending || code.trim() === ''}>
            {t('products.addBarcode')}
          </button>
        </form>
      )}
    </section>
  );
}
