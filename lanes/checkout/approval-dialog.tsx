'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';

type ApprovalAction = 'void-sale' | 'price-override' | 'discount' | 'return-without-receipt' | 'negative-stock';

/**
 * A supervisor types their own operator number and password at the lane. `needsApproval` false lets
 * the cashier act alone (a discount within their limit); `onApproved` gets the approval id or null.
 */
export function ApprovalDialog({
  title,
  action,
  saleId,
  needsApproval = () => true,
  onApproved,
  onCancel,
  children,
}: {
  title: string;
  action: ApprovalAction;
  saleId: string;
  needsApproval?: () => boolean;
  onApproved: (approvalId: string | null) => Promise<void> | void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  const trpc = useTRPC();
  const [operatorNo, setOperatorNo] = useState('');
  const [password, setPassword] = useState('');
  const grant = useMutation(trpc.lane.grantApproval.mutationOptions());
  const error = describeError(grant.error, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!needsApproval()) return onApproved(null);
    const { approvalId } = await grant.mutateAsync({ approvalId: uuidv7(), saleId, action, operatorNo, password });
    await onApproved(approvalId);
  };
  return (
    <div className="fixed inset-0 z-10 flex items-center justify-center bg-black/40">
      <form
        onSubmit={(e) => void submit(e).catch(() => undefined)}
        className="w-96 space-y-3 rounded bg-white p-6 shadow-lg"
        aria-label={title}
      >
        <h2 className="text-lg font-semibold">{title}</h2>
        {children}
        <fieldset className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3">
          <legend className="px-1 text-sm text-amber-800">{t('lane.supervisorApproval')}</legend>
          <label className="block text-sm">
            {t('lane.supervisorNo')}
            <input className="field-input" value={operatorNo} onChange={(e) => setOperatorNo(e.target.value)} />
          </label>
          <label className="block text-sm">
            {t('lane.supervisorPassword')}
            <input
              type="password"
              className="field-input"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
        </fieldset>
        <ErrorAlert error={error} />
        <div className="flex gap-2">
          <button type="button" className="btn-secondary" onClick={onCancel}>
            {t('lane.back')}
          </button>
          <button type="submit" className="btn-primary flex-1" disabled={grant.isPending}>
            {t('lane.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
