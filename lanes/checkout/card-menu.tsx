'use client';

import { useState } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPCClient } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen } from '@/server/domain/money';
import { describeResponseCode } from '@/server/payments/mispos/codes';
import { runLaneCardTransaction } from './run-card-transaction';

type Outcome = Awaited<ReturnType<typeof runLaneCardTransaction>>;

/** The lane's card menu: a cardholder's balance (`03`) and a reprint of the terminal's last slip (`04`). */
export function CardMenu({ laneId, shiftId }: { laneId: string; shiftId: string }) {
  const t = useT();
  const locale = useLocale();
  const client = useTRPCClient();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'balance' | 'reprint'; payment: Outcome } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'balance' | 'reprint') => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const payment = await runLaneCardTransaction(
        client,
        { laneId, shiftId, kind, amountFen: 0, originalPaymentId: null },
        setStatus,
      );
      setOutcome({ kind, payment });
    } catch (e) {
      setError(describeError(e, t)?.message ?? String(e));
    } finally {
      setBusy(false);
      setStatus(null);
    }
  };
  const approved = outcome?.payment.state === 'approved';
  return (
    <section className="mx-auto mt-4 w-[40rem] space-y-3 rounded bg-white p-6 shadow" aria-label={t('lane.cardMenu')}>
      <h2 className="text-lg font-semibold">{t('lane.cardMenu')}</h2>
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => void run('balance')}>
          {t('lane.balanceInquiry')}
        </button>
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => void run('reprint')}>
          {t('lane.reprintSlip')}
        </button>
      </div>
      {status && <p className="font-semibold text-brand-700">{status}</p>}
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      {outcome && (
        <div role="status" className="text-sm">
          {!approved && (
            <p className="text-red-700">
              {outcome.payment.respCode
                ? describeResponseCode(outcome.payment.respCode)[locale === 'en' ? 'en' : 'zh']
                : t('lane.cardNotSent')}
            </p>
          )}
          {approved && outcome.kind === 'balance' && (
            <p>
              {t('lane.balance', { amount: formatFen(outcome.payment.balanceFen ?? 0, { symbol: true }) })}{' '}
              {outcome.payment.cardNoMasked}
            </p>
          )}
          {approved && outcome.kind === 'reprint' && (
            <pre className="whitespace-pre-wrap font-mono text-xs">{outcome.payment.slip}</pre>
          )}
        </div>
      )}
    </section>
  );
}
