'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC, useTRPCClient } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { can } from '@/server/auth/permissions';
import { formatFen } from '@/server/domain/money';
import { describeResponseCode } from '@/server/payments/mispos/codes';
import { PreAuthSection } from './pre-auth-section';
import { runLaneCardTransaction } from './run-card-transaction';

type Outcome = Awaited<ReturnType<typeof runLaneCardTransaction>>;
export type CardRequest = Omit<Parameters<typeof runLaneCardTransaction>[1], 'laneId' | 'shiftId'>;

const PRE_AUTH_KINDS = ['pre-auth', 'pre-auth-cancel', 'completion', 'completion-void'] as const;
const isPreAuthKind = (kind: string): kind is (typeof PRE_AUTH_KINDS)[number] =>
  (PRE_AUTH_KINDS as readonly string[]).includes(kind);

/**
 * The lane's card menu: a cardholder's balance (`03`), a reprint of the terminal's last slip (`04`), and for
 * supervisors pre-authorisations (`10`–`13`). One transaction at a time, its live status and outcome shown here.
 */
export function CardMenu({ laneId, shiftId }: { laneId: string; shiftId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const me = useQuery(trpc.lane.me.queryOptions());
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: CardRequest['kind']; payment: Outcome } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (request: CardRequest) => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const payment = await runLaneCardTransaction(client, { ...request, laneId, shiftId }, setStatus);
      setOutcome({ kind: request.kind, payment });
    } catch (e) {
      setError(describeError(e, t)?.message ?? String(e));
    } finally {
      setBusy(false);
      setStatus(null);
    }
  };
  const inquire = (kind: 'balance' | 'reprint') => run({ kind, amountFen: 0, originalPaymentId: null });
  const payment = outcome?.payment;
  const approved = payment?.state === 'approved';
  return (
    <section className="mx-auto mt-4 w-[48rem] space-y-3 rounded bg-white p-6 shadow" aria-label={t('lane.cardMenu')}>
      <h2 className="text-lg font-semibold">{t('lane.cardMenu')}</h2>
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => void inquire('balance')}>
          {t('lane.balanceInquiry')}
        </button>
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => void inquire('reprint')}>
          {t('lane.reprintSlip')}
        </button>
      </div>
      {status && <p className="font-semibold text-brand-700">{status}</p>}
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      {outcome && payment && (
        <div role="status" className="text-sm">
          {!approved && (
            <p className="text-red-700">
              {payment.respCode
                ? describeResponseCode(payment.respCode)[locale === 'en' ? 'en' : 'zh']
                : payment.state === 'unknown' || payment.state === 'failed'
                  ? t('lane.cardUnknown')
                  : t('lane.cardNotSent')}
            </p>
          )}
          {approved && outcome.kind === 'balance' && (
            <p>
              {t('lane.balance', { amount: formatFen(payment.balanceFen ?? 0, { symbol: true }) })}{' '}
              {payment.cardNoMasked}
            </p>
          )}
          {approved && isPreAuthKind(outcome.kind) && (
            <p className="font-semibold text-emerald-700">
              {t(`lane.preAuthDone.${outcome.kind}`, {
                amount: formatFen(payment.approvedAmountFen ?? 0, { symbol: true }),
              })}{' '}
              {payment.cardNoMasked}
            </p>
          )}
          {approved && outcome.kind !== 'balance' && (
            <pre className="whitespace-pre-wrap font-mono text-xs">{payment.slip}</pre>
          )}
        </div>
      )}
      {me.data && can(me.data.role, 'card.pre-auth') && <PreAuthSection laneId={laneId} busy={busy} run={run} />}
    </section>
  );
}
