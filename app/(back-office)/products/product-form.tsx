'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { Field, FormError, useFocusFirstInvalid } from '@/app/components/field';
import { displayFieldErrors, zodFieldErrors, type FieldMessages } from '@/app/components/field-errors';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { BarcodeEntry, productFieldShape, weighedNeedsPlu } from '@/server/catalog/product-fields';
import { formatFen, parseYuan } from '@/server/domain/money';
import { VAT_RATES_BPS } from '@/server/domain/vat';
import type { ProductDetail } from '@/server/catalog/get-product';

const ProductFormSchema = z
  .object({ ...productFieldShape, barcodes: z.array(BarcodeEntry) })
  .refine(...weighedNeedsPlu);

interface FormState {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentId: string;
  unit: 'each' | 'kg';
  price: string;
  cost: string;
  vatRateBps: string;
  plu: string;
  active: boolean;
  barcodes: string[];
}

function initialState(product?: ProductDetail): FormState {
  return {
    code: product?.code ?? '',
    nameZh: product?.nameZh ?? '',
    nameEn: product?.nameEn ?? '',
    departmentId: product?.departmentId ?? '',
    unit: product?.unit ?? 'each',
    price: product ? formatFen(product.priceFen) : '',
    cost: product ? formatFen(product.costFen) : '',
    vatRateBps: String(product?.vatRateBps ?? 1300),
    plu: product?.plu ?? '',
    active: product?.active ?? true,
    barcodes: product ? [] : [''],
  };
}

export function ProductForm({ product, editable = true }: { product?: ProductDetail; editable?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(() => initialState(product));
  const [clientErrors, setClientErrors] = useState<FieldMessages>({});
  const [saved, setSaved] = useState(false);
  const [newId] = useState(() => uuidv7());
  const departments = useQuery(trpc.catalog.departments.queryOptions());
  const onSaved = async (result: ProductDetail) => {
    await queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
    setSaved(true);
    if (!product) router.push(`/products/${result.id}`);
  };
  const create = useMutation(trpc.catalog.create.mutationOptions({ onSuccess: onSaved }));
  const update = useMutation(trpc.catalog.update.mutationOptions({ onSuccess: onSaved }));
  const mutation = product ? update : create;
  const serverError = describeError(mutation.error, t);
  const { formRef, focusInvalid } = useFocusFirstInvalid(mutation.error);
  const errors = { ...serverError?.fields, ...clientErrors };
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setSaved(false);
    setForm((current) => ({ ...current, [key]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const candidate = {
      code: form.code,
      nameZh: form.nameZh,
      nameEn: form.nameEn,
      departmentId: form.departmentId,
      unit: form.unit,
      priceFen: parseYuan(form.price) ?? -1,
      costFen: parseYuan(form.cost) ?? -1,
      vatRateBps: Number(form.vatRateBps),
      plu: form.plu.trim() === '' ? null : form.plu,
      active: form.active,
      barcodes: form.barcodes.filter((code) => code.trim() !== '').map((code) => ({ code: code.trim() })),
    };
    const parsed = ProductFormSchema.safeParse(candidate);
    if (!parsed.success) {
      setClientErrors(displayFieldErrors(zodFieldErrors(parsed.error.issues), t));
      return focusInvalid();
    }
    setClientErrors({});
    const { barcodes, ...fields } = candidate as typeof candidate & { vatRateBps: 1300 | 900 | 600 | 0 };
    if (product) update.mutate({ id: product.id, ...fields });
    else create.mutate({ id: newId, ...fields, barcodes });
  };

  const text = (key: 'code' | 'nameZh' | 'nameEn' | 'price' | 'cost' | 'plu', label: string, error?: string) => (
    <Field id={key} label={label} error={error}>
      {(props) => (
        <input
          {...props}
          className="field-input"
          value={form[key]}
          onChange={(event) => set(key, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded bg-white p-6 shadow"
      aria-label={t(product ? 'products.edit' : 'products.new')}
    >
      <fieldset disabled={!editable} className="grid grid-cols-2 gap-4">
        {text('code', t('products.code'), errors.code)}
        <Field id="departmentId" label={t('products.department')} error={errors.departmentId}>
          {(props) => (
            <select
              {...props}
              className="field-input"
              value={form.departmentId}
              onChange={(event) => set('departmentId', event.target.value)}
            >
              <option value="">—</option>
              {departments.data?.map((d) => (
                <option key={d.id} value={d.id}>
                  {locale === 'en' ? d.nameEn : d.nameZh}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('nameZh', t('products.nameZh'), errors.nameZh)}
        {text('nameEn', t('products.nameEn'), errors.nameEn)}
        {text('price', t('products.price'), errors.priceFen)}
        {text('cost', t('products.cost'), errors.costFen)}
        <Field id="vatRateBps" label={t('products.vatRate')} error={errors.vatRateBps}>
          {(props) => (
            <select
              {...props}
              className="field-input"
              value={form.vatRateBps}
              onChange={(event) => set('vatRateBps', event.target.value)}
            >
              {VAT_RATES_BPS.map((rate) => (
                <option key={rate} value={rate}>
                  {rate / 100}%
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="unit" label={t('products.unit')} error={errors.unit}>
          {(props) => (
            <select
              {...props}
              className="field-input"
              value={form.unit}
              onChange={(event) => set('unit', event.target.value as FormState['unit'])}
            >
              <option value="each">{t('products.unit.each')}</option>
              <option value="kg">{t('products.unit.kg')}</option>
            </select>
          )}
        </Field>
        {text('plu', t('products.plu'), errors.plu)}
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" checked={form.active} onChange={(event) => set('active', event.target.checked)} />
          {t('products.active')}
        </label>
      </fieldset>
      {!product && (
        <fieldset className="space-y-2">
          <legend className="field-label">{t('products.barcodes')}</legend>
          {form.barcodes.map((code, index) => (
            <Field
              key={index}
              id={`barcode-${index}`}
              label={`${t('products.barcodes')} ${index + 1}`}
              error={
                errors[`barcodes.${index}.code`] ??
                errors[`barcodes.${index}`] ??
                (index === 0 ? errors.barcodes : undefined)
              }
            >
              {(props) => (
                <input
                  {...props}
                  className="field-input font-mono"
                  inputMode="numeric"
                  value={code}
                  onChange={(event) =>
                    set(
                      'barcodes',
                      form.barcodes.map((c, i) => (i === index ? event.target.value : c)),
                    )
                  }
                />
              )}
            </Field>
          ))}
          <button type="button" className="btn-secondary" onClick={() => set('barcodes', [...form.barcodes, ''])}>
            {t('products.addBarcode')}
          </button>
        </fieldset>
      )}
      <FormError error={serverError} />
      {editable && (
        <div className="flex items-center gap-4">
          <button type="submit" className="btn-primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t(product ? 'products.save' : 'products.create')}
          </button>
          {saved && (
            <span role="status" className="text-sm text-brand-700">
              {t('products.saved')}
            </span>
          )}
        </div>
      )}
    </form>
  );
}
