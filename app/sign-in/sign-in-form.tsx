'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { LanguageSwitcher } from '@/app/components/back-office-header';
import { ErrorAlert, useFocusFirstInvalid } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';

export function SignInForm() {
  const t = useT();
  const trpc = useTRPC();
  const [operatorNo, setOperatorNo] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({ onSuccess: () => window.location.assign('/products') }),
  );
  const error = describeError(signIn.error, t);
  const { formRef } = useFocusFirstInvalid(signIn.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ operatorNo, password, area: 'back-office' });
  };
  return (
    <main className="mx-auto mt-24 max-w-sm rounded bg-white p-8 shadow">
      <div className="mb-6 flex items-center justify-between">
        <h1 className="text-xl font-semibold">{t('signIn.title')}</h1>
        <LanguageSwitcher />
      </div>
      <form ref={formRef} onSubmit={submit} className="space-y-4" noValidate>
        <div>
          <label htmlFor="operatorNo" className="field-label">
            {t('signIn.operatorNo')}
          </label>
          <input
            id="operatorNo"
            className="field-input"
            inputMode="numeric"
            autoComplete="username"
            aria-invalid={Boolean(error?.fields.operatorNo)}
            value={operatorNo}
            onChange={(event) => setOperatorNo(event.target.value)}
            autoFocus
          />
        </div>
        <div>
          <label htmlFor="password" className="field-label">
            {t('signIn.password')}
          </label>
          <input
            id="password"
            type="password"
            className="field-input"
            autoComplete="current-password"
            aria-invalid={Boolean(error?.fields.password)}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <ErrorAlert error={error} />
        <button type="submit" className="btn-primary w-full" disabled={signIn.isPending}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
