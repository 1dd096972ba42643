'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { Field, FormError } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError, firstMessage } from '@/app/trpc/errors';
import type { EmbeddedBarcodeLayout } from '@/server/domain/embedded-barcode';
import { EmbeddedLayoutsEditor } from './embedded-layouts-editor';
import { NEGATIVE_STOCK_POLICIES, type NegativeStockPolicy } from '@/server/domain/negative-stock';
import { RECEIPT_LANGUAGES, type ReceiptLanguage } from '@/server/domain/receipt';

type Settings = {
  store: {
    code: string;
    name: string;
    nameEn: string;
    address: string;
    timezone: string;
    vatNumber: string;
    embeddedBarcodeLayouts: EmbeddedBarcodeLayout[];
    negativeStockPolicy: NegativeStockPolicy;
    receiptLanguage: ReceiptLanguage;
  };
  lanes: {
    id: string;
    number: number;
    name: string;
    terminalHost: string | null;
    terminalPort: number | null;
    printerHost: string | null;
    printerPort: number | null;
    boundDevices: number;
  }[];
};

export function StoreSettings() {
  const t = useT();
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const settings = useQuery(trpc.store.settings.queryOptions());
  if (!settings.data || !me.data) return <p aria-busy="true">…</p>;
  const editable = me.data.permissions.includes('store.manage');
  const mayUnbind = me.data.permissions.includes('lane.bind');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('settings.title')}</h1>
      <StoreForm key={settings.dataUpdatedAt} settings={settings.data} editable={editable} />
      <LanesEditor lanes={settings.data.lanes} editable={editable} mayUnbind={mayUnbind} />
    </div>
  );
}

function StoreForm({ settings, editable }: { settings: Settings; editable: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(settings.store);
  const update = useMutation(
    trpc.store.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.store.pathKey() }),
    }),
  );
  const error = describeError(update.error, t);
  const errors = error?.fields ?? {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      name: form.name,
      nameEn: form.nameEn,
      address: form.address,
      timezone: form.timezone,
      vatNumber: form.vatNumber,
      embeddedBarcodeLayouts: form.embeddedBarcodeLayouts,
      negativeStockPolicy: form.negativeStockPolicy,
      receiptLanguage: form.receiptLanguage,
    });
  };
  const text = (key: 'name' | 'nameEn' | 'address' | 'timezone' | 'vatNumber', label: string) => (
    <Field id={`store-${key}`} label={label} error={errors[key]}>
      {(props) => (
        <input
          {...props}
          className="field-input"
          disabled={!editable}
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded bg-white p-6 shadow"
      aria-label={t('settings.title')}
    >
      <p className="text-sm text-slate-600">
        {t('settings.code')}: <span className="font-mono">{settings.store.code}</span>
      </p>
      <div className="grid grid-cols-2 gap-4">
        {text('name', t('settings.name'))}
        {text('nameEn', t('settings.nameEn'))}
        {text('address', t('settings.address'))}
        {text('timezone', t('settings.timezone'))}
        {text('vatNumber', t('settings.vatNumber'))}
        <Field
          id="store-negativeStockPolicy"
          label={t('settings.negativeStockPolicy')}
          error={errors.negativeStockPolicy}
        >
          {(props) => (
            <select
              {...props}
              className="field-input"
              disabled={!editable}
              value={form.negativeStockPolicy}
              onChange={(e) => setForm({ ...form, negativeStockPolicy: e.target.value as NegativeStockPolicy })}
            >
              {NEGATIVE_STOCK_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`settings.negativeStockPolicy.${policy}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="store-receiptLanguage" label={t('settings.receiptLanguage')} error={errors.receiptLanguage}>
          {(props) => (
            <select
              {...props}
              className="field-input"
              disabled={!editable}
              value={form.receiptLanguage}
              onChange={(e) => setForm({ ...form, receiptLanguage: e.target.value as ReceiptLanguage })}
            >
              {RECEIPT_LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`settings.receiptLanguage.${language}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <EmbeddedLayoutsEditor
        layouts={form.embeddedBarcodeLayouts}
        onChange={(embeddedBarcodeLayouts) => setForm({ ...form, embeddedBarcodeLayouts })}
        editable={editable}
        errors={errors}
      />
      <FormError error={error} />
      {editable && (
        <button type="submit" className="btn-primary" disabled={update.isPending}>
          {t('settings.save')}
        </button>
      )}
    </form>
  );
}

function LanesEditor({
  lanes,
  editable,
  mayUnbind,
}: {
  lanes: Settings['lanes'];
  editable: boolean;
  mayUnbind: boolean;
}) {
  const t = useT();
  const [drafts, setDrafts] = useState<Settings['lanes']>([]);
  const nextNumber = Math.max(0, ...lanes.map((l) => l.number), ...drafts.map((l) => l.number)) + 1;
  return (
    <section className="rounded bg-white p-6 shadow">
      <h2 className="mb-3 text-lg font-semibold">{t('settings.lanes')}</h2>
      <table className="data-table" aria-label={t('settings.lanes')}>
        <thead>
          <tr>
            <th>{t('settings.laneNumber')}</th>
            <th>{t('settings.laneName')}</th>
            <th>{t('settings.terminalHost')}</th>
            <th>{t('settings.terminalPort')}</th>
            <th>{t('settings.printerHost')}</th>
            <th>{t('settings.printerPort')}</th>
            <th>{t('settings.laneDevices')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {[...lanes, ...drafts].map((lane) => (
            <LaneRow
              key={lane.id}
              lane={lane}
              editable={editable}
              mayUnbind={mayUnbind}
              onSaved={() => setDrafts((d) => d.filter((x) => x.id !== lane.id))}
            />
          ))}
        </tbody>
      </table>
      {editable && (
        <button
          type="button"
          className="btn-secondary mt-3"
          onClick={() =>
            setDrafts([
              ...drafts,
              {
                id: uuidv7(),
                number: nextNumber,
                name: `${nextNumber}号收银台`,
                terminalHost: null,
                terminalPort: null,
                printerHost: null,
                printerPort: null,
                boundDevices: 0,
              },
            ])
          }
        >
          {t('settings.addLane')}
        </button>
      )}
    </section>
  );
}

function LaneRow({
  lane,
  editable,
  mayUnbind,
  onSaved,
}: {
  lane: Settings['lanes'][number];
  editable: boolean;
  mayUnbind: boolean;
  onSaved: () => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    number: String(lane.number),
    name: lane.name,
    terminalHost: lane.terminalHost ?? '',
    terminalPort: lane.terminalPort === null ? '' : String(lane.terminalPort),
    printerHost: lane.printerHost ?? '',
    printerPort: lane.printerPort === null ? '' : String(lane.printerPort),
  });
  const save = useMutation(
    trpc.store.saveLane.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.store.pathKey() });
        onSaved();
      },
    }),
  );
  const unbind = useMutation(
    trpc.store.revokeLaneDevices.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.store.pathKey() }),
    }),
  );
  const error = describeError(save.error ?? unbind.error, t);
  const submit = () =>
    save.mutate({
      id: lane.id,
      number: Number(form.number),
      name: form.name,
      terminalHost: form.terminalHost.trim() || null,
      terminalPort: form.terminalPort.trim() ? Number(form.terminalPort) : null,
      printerHost: form.printerHost.trim() || null,
      printerPort: form.printerPort.trim() ? Number(form.printerPort) : null,
    });
  const input = (key: keyof typeof form, label: string, className: string) => (
    <input
      aria-label={`${label} ${lane.number}`}
      className={`field-input ${className}`}
      disabled={!editable}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
    />
  );
  return (
    <tr>
      <td>{input('number', t('settings.laneNumber'), 'w-20')}</td>
      <td>{input('name', t('settings.laneName'), '')}</td>
      <td>{input('terminalHost', t('settings.terminalHost'), 'font-mono')}</td>
      <td>
        {input('terminalPort', t('settings.terminalPort'), 'w-24 font-mono')}
        {error && <div className="field-error">{firstMessage(error)}</div>}
      </td>
      <td>{input('printerHost', t('settings.printerHost'), 'font-mono')}</td>
      <td>{input('printerPort', t('settings.printerPort'), 'w-24 font-mono')}</td>
      <td className="whitespace-nowrap">
        {t('settings.boundDevices', { count: lane.boundDevices })}
        {mayUnbind && lane.boundDevices > 0 && (
          <button
            type="button"
            className="btn-secondary ml-2"
            aria-label={t('settings.unbindLane', { number: lane.number })}
            onClick={() => unbind.mutate({ laneId: lane.id })}
            disabled={unbind.isPending}
          >
            {t('settings.unbind')}
          </button>
        )}
      </td>
      <td>
        {editable && (
          <button
            type="button"
            className="btn-secondary"
            aria-label={t('settings.saveLaneNumber', { number: lane.number })}
            onClick={submit}
            disabled={save.isPending}
          >
            {t('settings.saveLane')}
          </button>
        )}
      </td>
    </tr>
  );
}
