'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { parseYuan } from '@/server/domain/money';
import type { LaneSession } from '../storage/lane-store';
import type { LaneConfig } from './use-lane';

/** 签到: the cashier signs in at the lane, opening (or resuming) their shift with the drawer's opening float. */
export function LaneSignIn({
  config,
  onSignedIn,
}: {
  config: LaneConfig;
  onSignedIn: (session: LaneSession) => Promise<void>;
}) {
  const t = useT();
  const trpc = useTRPC();
  const [form, setForm] = useState({ operatorNo: '', password: '', float: '500.00' });
  const [shiftId] = useState(() => uuidv7());
  const signIn = useMutation(
    trpc.lane.signIn.mutationOptions({
      onSuccess: (result) =>
        onSignedIn({ staffName: result.staff.name, operatorNo: form.operatorNo, shiftId: result.shift.id }),
    }),
  );
  const error = describeError(signIn.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({
      operatorNo: form.operatorNo,
      password: form.password,
      laneId: config.laneId,
      shiftId,
      openingFloatFen: parseYuan(form.float) ?? 0,
    });
  };
  return (
    <form
      onSubmit={submit}
      className="mx-auto mt-16 w-96 space-y-4 rounded bg-white p-8 shadow"
      aria-label={t('lane.signIn')}
    >
      <h1 className="text-xl font-semibold">{t('lane.signIn')}</h1>
      {(['operatorNo', 'password', 'float'] as const).map((key) => (
        <div key={key}>
          <label htmlFor={`lane-${key}`} className="field-label">
            {t(key === 'operatorNo' ? 'lane.operatorNo' : key === 'password' ? 'lane.password' : 'lane.openingFloat')}
          </label>
          <input
            id={`lane-${key}`}
            type={key === 'password' ? 'password' : 'text'}
            className="field-input"
            value={form[key]}
            onChange={(event) => setForm({ ...form, [key]: event.target.value })}
          />
        </div>
      ))}
      <ErrorAlert error={error} />
      <button type="submit" className="btn-primary w-full" disabled={signIn.isPending}>
        {t('lane.signIn')}
      </button>
    </form>
  );
}
