'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { Field, FormError, useFocusFirstInvalid } from '@/app/components/field';
import { RowName } from '@/app/components/row-name';
import { displayFieldErrors, zodFieldErrors, type FieldMessages } from '@/app/components/field-errors';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError, firstMessage } from '@/app/trpc/errors';
import { STAFF_ROLES, type StaffRole } from '@/server/auth/permissions';
import { staffFieldShape } from '@/server/staff/staff-fields';
import { LoadingRow } from '@/app/components/list-pager';

const NewStaffSchema = z.object({
  operatorNo: staffFieldShape.operatorNo,
  name: staffFieldShape.name,
  role: staffFieldShape.role,
  password: staffFieldShape.password,
});

export function StaffManager() {
  const t = useT();
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const staff = useQuery(trpc.staff.list.queryOptions());
  const mayManage = me.data?.permissions.includes('staff.manage') ?? false;
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('staff.title')}</h1>
      <div className="overflow-hidden rounded bg-white shadow">
        <table aria-busy={staff.isPending} className="data-table" aria-label={t('staff.title')}>
          <thead>
            <tr>
              <th>{t('staff.operatorNo')}</th>
              <th>{t('staff.name')}</th>
              <th>{t('staff.role')}</th>
              <th>{t('staff.active')}</th>
              {mayManage && <th />}
            </tr>
          </thead>
          <tbody>
            <LoadingRow loading={staff.isPending} columns={5} />
            {staff.data?.map((member) => (
              <StaffRow key={member.id} member={member} editable={mayManage && member.id !== me.data?.id} />
            ))}
          </tbody>
        </table>
      </div>
      {mayManage && <NewStaffForm />}
    </section>
  );
}

function StaffRow({
  member,
  editable,
}: {
  member: { id: string; operatorNo: string; name: string; role: StaffRole; active: boolean; lockedUntil: Date | null };
  editable: boolean;
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const update = useMutation(
    trpc.staff.update.mutationOptions({
      onSuccess: () => {
        setPassword('');
        return queryClient.invalidateQueries({ queryKey: trpc.staff.pathKey() });
      },
    }),
  );
  const error = describeError(update.error, t);
  const locked = member.lockedUntil !== null && member.lockedUntil > new Date();
  return (
    <tr>
      <td className="font-mono">{member.operatorNo}</td>
      <td>{member.name}</td>
      <td>
        {editable ? (
          <select
            aria-label={`${t('staff.role')} ${member.operatorNo}`}
            className="rounded border border-slate-300 px-2 py-1"
            value={member.role}
            onChange={(event) => update.mutate({ id: member.id, role: event.target.value as StaffRole })}
          >
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`role.${member.role}`)
        )}
      </td>
      <td>
        {member.active ? t('common.yes') : t('common.no')}
        {locked && <span className="ml-2 rounded bg-red-100 px-2 text-xs text-red-700">{t('staff.locked')}</span>}
      </td>
      {editable && (
        <td className="space-x-2 whitespace-nowrap">
          <button
            type="button"
            className="btn-secondary"
            onClick={() => update.mutate({ id: member.id, active: !member.active })}
          >
            {member.active ? t('staff.deactivate') : t('staff.activate')}
            <RowName>{member.name}</RowName>
          </button>
          {locked && (
            <button
              type="button"
              className="btn-secondary"
              onClick={() => update.mutate({ id: member.id, unlock: true })}
            >
              {t('staff.unlock')}
              <RowName>{member.name}</RowName>
            </button>
          )}
          <input
            type="password"
            aria-label={`${t('staff.newPassword')} ${member.operatorNo}`}
            placeholder={t('staff.newPassword')}
            className="rounded border border-slate-300 px-2 py-1 text-sm"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button
            type="button"
            className="btn-secondary"
            disabled={password.length === 0}
            onClick={() => update.mutate({ id: member.id, newPassword: password })}
          >
            {t('staff.save')}
            <RowName>{member.name}</RowName>
          </button>
          {error && <div className="field-error">{firstMessage(error)}</div>}
        </td>
      )}
    </tr>
  );
}

function NewStaffForm() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ operatorNo: '', name: '', role: 'cashier' as StaffRole, password: '' });
  const [id, setId] = useState(() => uuidv7());
  const [clientErrors, setClientErrors] = useState<FieldMessages>({});
  const create = useMutation(
    trpc.staff.create.mutationOptions({
      onSuccess: () => {
        setForm({ operatorNo: '', name: '', role: 'cashier', password: '' });
        setId(uuidv7());
        return queryClient.invalidateQueries({ queryKey: trpc.staff.pathKey() });
      },
    }),
  );
  const serverError = describeError(create.error, t);
  const { formRef, focusInvalid } = useFocusFirstInvalid(create.error);
  const errors = { ...serverError?.fields, ...clientErrors };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = NewStaffSchema.safeParse(form);
    if (!parsed.success) {
      setClientErrors(displayFieldErrors(zodFieldErrors(parsed.error.issues), t));
      return focusInvalid();
    }
    setClientErrors({});
    create.mutate({ id, ...parsed.data });
  };
  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="rounded bg-white p-6 shadow"
      aria-label={t('staff.create')}
    >
      <h2 className="mb-4 text-lg font-semibold">{t('staff.create')}</h2>
      <div className="grid grid-cols-4 gap-4">
        <Field id="new-operatorNo" label={t('staff.operatorNo')} error={errors.operatorNo}>
          {(props) => (
            <input
              {...props}
              className="field-input"
              inputMode="numeric"
              value={form.operatorNo}
              onChange={(e) => setForm({ ...form, operatorNo: e.target.value })}
            />
          )}
        </Field>
        <Field id="new-name" label={t('staff.name')} error={errors.name}>
          {(props) => (
            <input
              {...props}
              className="field-input"
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          )}
        </Field>
        <Field id="new-role" label={t('staff.role')} error={errors.role}>
          {(props) => (
            <select
              {...props}
              className="field-input"
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as StaffRole })}
            >
              {STAFF_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="new-password" label={t('staff.password')} error={errors.password}>
          {(props) => (
            <input
              {...props}
              type="password"
              className="field-input"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          )}
        </Field>
      </div>
      <FormError error={serverError} className="mt-3" />
      <button type="submit" className="btn-primary mt-4" disabled={create.isPending}>
        {t('staff.create')}
      </button>
    </form>
  );
}
