'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';

/** A device with no binding asks which store and lane it is, and a manager's credentials to remember it. */
export function LaneSetup({
  laneNumber,
  stores,
}: {
  laneNumber: number;
  stores: readonly { code: string; name: string }[];
}) {
  const t = useT();
  const trpc = useTRPC();
  const [deviceId] = useState(() => uuidv7());
  const [form, setForm] = useState({
    storeCode: stores.length === 1 ? (stores[0]?.code ?? '') : '',
    laneNumber: String(laneNumber),
    operatorNo: '',
    password: '',
  });
  const bind = useMutation(
    trpc.lane.bindDevice.mutationOptions({
      onSuccess: (bound) => window.location.assign(`/lanes/${bound.laneNumber}`),
    }),
  );
  const error = describeError(bind.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    bind.mutate({
      deviceId,
      storeCode: form.storeCode,
      laneNumber: Number(form.laneNumber),
      operatorNo: form.operatorNo,
      password: form.password,
    });
  };
  const input = (key: 'laneNumber' | 'operatorNo' | 'password', label: string) => (
    <div>
      <label htmlFor={`setup-${key}`} className="field-label">
        {label}
      </label>
      <input
        id={`setup-${key}`}
        type={key === 'password' ? 'password' : 'text'}
        inputMode={key === 'password' ? undefined : 'numeric'}
        className="field-input"
        value={form[key]}
        onChange={(event) => setForm({ ...form, [key]: event.target.value })}
      />
    </div>
  );
  return (
    <main className="mx-auto mt-16 w-[28rem] rounded bg-white p-8 shadow">
      <form onSubmit={submit} className="space-y-4" aria-label={t('laneSetup.title')}>
        <h1 className="text-xl font-semibold">{t('laneSetup.title')}</h1>
        <p className="text-sm text-slate-600">{t('laneSetup.explain')}</p>
        <div>
          <label htmlFor="setup-store" className="field-label">
            {t('laneSetup.store')}
          </label>
          <select
            id="setup-store"
            className="field-input"
            value={form.storeCode}
            onChange={(event) => setForm({ ...form, storeCode: event.target.value })}
          >
            <option value="">{t('laneSetup.chooseStore')}</option>
            {stores.map((store) => (
              <option key={store.code} value={store.code}>
                {store.code} {store.name}
              </option>
            ))}
          </select>
        </div>
        {input('laneNumber', t('laneSetup.laneNumber'))}
        {input('operatorNo', t('laneSetup.operatorNo'))}
        {input('password', t('laneSetup.password'))}
        <ErrorAlert error={error} />
        <button type="submit" className="btn-primary w-full" disabled={bind.isPending}>
          {t('laneSetup.submit')}
        </button>
      </form>
    </main>
  );
}
