'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { Field, FormError } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError, type ShownError } from '@/app/trpc/errors';
import { defaultEmbeddedBarcodeLayouts, type EmbeddedBarcodeLayout } from '@/server/domain/embedded-barcode';
import { EmbeddedLayoutsEditor } from '../settings/embedded-layouts-editor';
import { LoadingRow } from '@/app/components/list-pager';

/** Head office: the chain's stores, a new store with its lanes and first manager, staff moves and catalog copies. */
export function StoresManager() {
  const t = useT();
  const trpc = useTRPC();
  const overview = useQuery(trpc.store.overview.queryOptions());
  const choose = useMutation(
    trpc.store.choose.mutationOptions({ onSuccess: () => window.location.assign('/settings') }),
  );
  const stores = overview.data ?? [];
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('stores.title')}</h1>
      <div className="overflow-x-auto rounded bg-white shadow">
        <table aria-busy={overview.isPending} className="data-table" aria-label={t('stores.list')}>
          <thead>
            <tr>
              <th>{t('stores.code')}</th>
              <th>{t('stores.name')}</th>
              <th>{t('stores.address')}</th>
              <th>{t('stores.timezone')}</th>
              <th>{t('stores.laneCount')}</th>
              <th>{t('stores.managers')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={overview.isPending} columns={7} />
            {stores.map((store) => (
              <tr key={store.id}>
                <td className="font-mono">{store.code}</td>
                <td>
                  {store.name}
                  {store.nameEn && <div className="text-xs text-slate-500">{store.nameEn}</div>}
                </td>
                <td>{store.address}</td>
                <td className="font-mono text-xs">{store.timezone}</td>
                <td>{store.laneCount}</td>
                <td>{store.managers.map((m) => `${m.name} (${m.operatorNo})`).join(', ')}</td>
                <td>
                  <button
                    type="button"
                    className="btn-secondary"
                    aria-label={t('stores.editStore', { code: store.code })}
                    onClick={() => choose.mutate({ storeId: store.id })}
                  >
                    {t('stores.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CreateStoreForm />
      <CopyCatalogForm stores={stores} />
      <MoveStaffForm stores={stores} />
    </section>
  );
}

interface LaneDraft {
  id: string;
  number: string;
  name: string;
  printerHost: string;
  printerPort: string;
  terminalHost: string;
  terminalPort: string;
}

const newLane = (number: number): LaneDraft => ({
  id: uuidv7(),
  number: String(number),
  name: `${number}号收银台`,
  printerHost: '',
  printerPort: '',
  terminalHost: '',
  terminalPort: '',
});

const emptyStore = () => ({
  code: '',
  name: '',
  nameEn: '',
  address: '',
  vatNumber: '',
  timezone: 'Asia/Shanghai',
  managerOperatorNo: '',
  managerName: '',
  managerPassword: '',
});

const portOrNull = (value: string) => (value.trim() ? Number(value) : null);

function CreateStoreForm() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(emptyStore);
  const [lanes, setLanes] = useState<LaneDraft[]>(() => [newLane(1)]);
  const [layouts, setLayouts] = useState<EmbeddedBarcodeLayout[]>(defaultEmbeddedBarcodeLayouts);
  const [ids, setIds] = useState(() => ({ store: uuidv7(), manager: uuidv7() }));
  const [createdCode, setCreatedCode] = useState<string | null>(null);
  const create = useMutation(
    trpc.store.create.mutationOptions({
      onSuccess: async (store) => {
        setCreatedCode(store.code);
        setForm(emptyStore());
        setLanes([newLane(1)]);
        setLayouts(defaultEmbeddedBarcodeLayouts);
        setIds({ store: uuidv7(), manager: uuidv7() });
        await queryClient.invalidateQueries({ queryKey: trpc.store.pathKey() });
      },
    }),
  );
  const error = describeError(create.error, t);
  const errors = storeFieldMessages(error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreatedCode(null);
    const withManager = Boolean(form.managerOperatorNo || form.managerName || form.managerPassword);
    create.mutate({
      id: ids.store,
      code: form.code.trim().toUpperCase(),
      name: form.name,
      nameEn: form.nameEn,
      address: form.address,
      vatNumber: form.vatNumber.trim().toUpperCase(),
      timezone: form.timezone,
      embeddedBarcodeLayouts: layouts,
      lanes: lanes.map((lane) => ({
        id: lane.id,
        number: Number(lane.number),
        name: lane.name,
        printerHost: lane.printerHost.trim() || null,
        printerPort: portOrNull(lane.printerPort),
        terminalHost: lane.terminalHost.trim() || null,
        terminalPort: portOrNull(lane.terminalPort),
      })),
      ...(withManager
        ? {
            manager: {
              id: ids.manager,
              operatorNo: form.managerOperatorNo,
              name: form.managerName,
              password: form.managerPassword,
            },
          }
        : {}),
    });
  };
  const text = (key: keyof typeof form, label: string, type = 'text') => (
    <Field id={`new-store-${key}`} label={label} error={errors[key]}>
      {(props) => (
        <input
          {...props}
          type={type}
          className="field-input"
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const setLane = (index: number, patch: Partial<LaneDraft>) =>
    setLanes(lanes.map((lane, i) => (i === index ? { ...lane, ...patch } : lane)));
  const nextNumber = Math.max(0, ...lanes.map((l) => Number(l.number) || 0)) + 1;
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded bg-white p-6 shadow"
      aria-label={t('stores.create')}
    >
      <h2 className="text-lg font-semibold">{t('stores.create')}</h2>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
        {text('code', t('stores.code'))}
        {text('name', t('stores.name'))}
        {text('nameEn', t('stores.nameEn'))}
        {text('address', t('stores.address'))}
        {text('vatNumber', t('stores.vatNumber'))}
        {text('timezone', t('stores.timezone'))}
      </div>
      <fieldset>
        <legend className="field-label">{t('stores.lanes')}</legend>
        <table className="data-table" aria-label={t('stores.lanes')}>
          <thead>
            <tr>
              <th>{t('stores.laneNumber')}</th>
              <th>{t('stores.laneName')}</th>
              <th>{t('stores.printerHost')}</th>
              <th>{t('stores.printerPort')}</th>
              <th>{t('stores.terminalHost')}</th>
              <th>{t('stores.terminalPort')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lanes.map((lane, index) => {
              const laneError = Object.entries(errors).find(([path]) => path.startsWith(`lanes.${index}.`))?.[1];
              const cell = (key: Exclude<keyof LaneDraft, 'id'>, label: string, className = '') => (
                <input
                  aria-label={`${label} ${index + 1}`}
                  className={`field-input ${className}`}
                  value={lane[key]}
                  onChange={(e) => setLane(index, { [key]: e.target.value })}
                />
              );
              return (
                <tr key={lane.id}>
                  <td>{cell('number', t('stores.laneNumber'), 'w-20')}</td>
                  <td>{cell('name', t('stores.laneName'))}</td>
                  <td>{cell('printerHost', t('stores.printerHost'), 'font-mono')}</td>
                  <td>{cell('printerPort', t('stores.printerPort'), 'w-24 font-mono')}</td>
                  <td>{cell('terminalHost', t('stores.terminalHost'), 'font-mono')}</td>
                  <td>
                    {cell('terminalPort', t('stores.terminalPort'), 'w-24 font-mono')}
                    {laneError && (
                      <div role="alert" className="field-error">
                        {laneError}
                      </div>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn-secondary"
                      aria-label={t('stores.removeLane', { number: lane.number })}
                      onClick={() => setLanes(lanes.filter((_, i) => i !== index))}
                    >
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="button" className="btn-secondary mt-2" onClick={() => setLanes([...lanes, newLane(nextNumber)])}>
          {t('stores.addLane')}
        </button>
      </fieldset>
      <EmbeddedLayoutsEditor layouts={layouts} onChange={setLayouts} editable errors={errors} />
      <fieldset>
        <legend className="field-label">{t('stores.manager')}</legend>
        <div className="grid grid-cols-3 gap-4">
          {text('managerOperatorNo', t('stores.managerOperatorNo'))}
          {text('managerName', t('stores.managerName'))}
          {text('managerPassword', t('stores.managerPassword'), 'password')}
        </div>
      </fieldset>
      <FormError error={error} />
      {createdCode && (
        <p role="status" className="text-sm text-green-700">
          {t('stores.created', { code: createdCode })}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={create.isPending}>
        {t('stores.create')}
      </button>
    </form>
  );
}

/** Field messages keyed as the form's inputs: the manager's nested fields and the store code's own rule. */
function storeFieldMessages(error: ShownError | null, t: ReturnType<typeof useT>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [path, message] of Object.entries(error?.fields ?? {})) {
    if (path.startsWith('manager.')) {
      const field = path.slice('manager.'.length);
      shown[`manager${field.charAt(0).toUpperCase()}${field.slice(1)}`] = message;
    } else if (path === 'code' && message === t('fieldError.code')) shown.code = t('stores.codeRule');
    else shown[path] = message;
  }
  return shown;
}

type StoreChoice = { id: string; code: string; name: string };

function StoreSelect({
  id,
  label,
  value,
  onChange,
  stores,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  stores: StoreChoice[];
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <Field id={id} label={label} error={error}>
      {(props) => (
        <select {...props} className="field-input" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('stores.chooseStore')}</option>
          {stores.map((store) => (
            <option key={store.id} value={store.id}>
              {store.code} {store.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function CopyCatalogForm({ stores }: { stores: StoreChoice[] }) {
  const t = useT();
  const trpc = useTRPC();
  const [choice, setChoice] = useState({ fromStoreId: '', toStoreId: '' });
  const [copyId, setCopyId] = useState(() => uuidv7());
  const copy = useMutation(trpc.store.copyCatalog.mutationOptions({ onSuccess: () => setCopyId(uuidv7()) }));
  const error = describeError(copy.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    copy.mutate({ id: copyId, ...choice });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded bg-white p-6 shadow"
      aria-label={t('stores.copy.title')}
    >
      <h2 className="text-lg font-semibold">{t('stores.copy.title')}</h2>
      <p className="text-sm text-slate-600">{t('stores.copy.explain')}</p>
      <div className="grid grid-cols-2 gap-4">
        <StoreSelect
          id="copy-from"
          label={t('stores.copy.from')}
          value={choice.fromStoreId}
          onChange={(fromStoreId) => setChoice({ ...choice, fromStoreId })}
          stores={stores}
          error={error?.fields.fromStoreId}
        />
        <StoreSelect
          id="copy-to"
          label={t('stores.copy.to')}
          value={choice.toStoreId}
          onChange={(toStoreId) => setChoice({ ...choice, toStoreId })}
          stores={stores}
          error={error?.fields.toStoreId}
        />
      </div>
      <FormError error={error} />
      {copy.data && (
        <p role="status" className="text-sm text-green-700">
          {t('stores.copy.done', { ...copy.data })}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={copy.isPending}>
        {t('stores.copy.submit')}
      </button>
    </form>
  );
}

const STORE_ROLES = ['cashier', 'supervisor', 'store_manager'] as const;

function MoveStaffForm({ stores }: { stores: StoreChoice[] }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ operatorNo: '', storeId: '', role: '' });
  const move = useMutation(
    trpc.store.moveStaff.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.store.pathKey() }),
    }),
  );
  const error = describeError(move.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const role = STORE_ROLES.find((r) => r === form.role);
    move.mutate({ operatorNo: form.operatorNo.trim(), storeId: form.storeId, ...(role ? { role } : {}) });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded bg-white p-6 shadow"
      aria-label={t('stores.move.title')}
    >
      <h2 className="text-lg font-semibold">{t('stores.move.title')}</h2>
      <div className="grid grid-cols-3 gap-4">
        <Field id="move-operatorNo" label={t('stores.move.operatorNo')} error={error?.fields.operatorNo}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              className="field-input"
              value={form.operatorNo}
              onChange={(e) => setForm({ ...form, operatorNo: e.target.value })}
            />
          )}
        </Field>
        <StoreSelect
          id="move-store"
          label={t('stores.move.store')}
          value={form.storeId}
          onChange={(storeId) => setForm({ ...form, storeId })}
          stores={stores}
          error={error?.fields.storeId}
        />
        <Field id="move-role" label={t('stores.move.role')}>
          {(props) => (
            <select
              {...props}
              className="field-input"
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value })}
            >
              <option value="">{t('stores.move.keepRole')}</option>
              {STORE_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormError error={error} />
      {move.data && (
        <p role="status" className="text-sm text-green-700">
          {t('stores.move.done', { name: move.data.name })}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={move.isPending}>
        {t('stores.move.submit')}
      </button>
    </form>
  );
}
