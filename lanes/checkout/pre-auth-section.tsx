'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { formatFen, parseYuan } from '@/server/domain/money';
import type { CardRequest } from './card-menu';

interface Chosen {
  kind: 'pre-auth-cancel' | 'completion' | 'completion-void';
  originalPaymentId: string;
  cardNoMasked: string | null;
  authorisedFen: number;
  amountFen: number;
}

/**
 * 预授权 for deposits, at the lane of a supervisor: hold an amount on the card, then complete it (up to what was
 * held), cancel it, or void a completion, each through the terminal like any other card transaction.
 */
export function PreAuthSection({
  laneId,
  busy,
  run,
}: {
  laneId: string;
  busy: boolean;
  run: (request: CardRequest) => Promise<unknown>;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preAuths = useQuery(trpc.lane.preAuths.queryOptions({ laneId: null }));
  const [amount, setAmount] = useState('');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [completeAmount, setCompleteAmount] = useState('');

  const runAndRefresh = async (request: CardRequest) => {
    await run(request);
    await queryClient.invalidateQueries({ queryKey: trpc.lane.preAuths.pathKey() });
  };
  const startPreAuth = async (event: FormEvent) => {
    event.preventDefault();
    await runAndRefresh({ kind: 'pre-auth', amountFen: parseYuan(amount) ?? 0, originalPaymentId: null });
    setAmount('');
  };
  const choose = (next: Chosen) => {
    setChosen(next);
    setCompleteAmount(formatFen(next.amountFen));
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const amountFen = chosen.kind === 'completion' ? (parseYuan(completeAmount) ?? 0) : 0;
    setChosen(null);
    await runAndRefresh({ kind: chosen.kind, amountFen, originalPaymentId: chosen.originalPaymentId });
  };
  const money = (fen: number) => formatFen(fen, { symbol: true });

  return (
    <section className="space-y-3 border-t pt-3" aria-label={t('lane.preAuth')}>
      <h3 className="font-semibold">{t('lane.preAuth')}</h3>
      <form className="flex items-end gap-2" onSubmit={(e) => void startPreAuth(e)}>
        <label className="block flex-1 text-sm">
          {t('lane.preAuthAmount')}
          <input
            className="field-input font-mono"
            inputMode="decimal"
            value={amount}
            disabled={busy}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <button type="submit" className="btn-primary whitespace-nowrap" disabled={busy || amount.trim() === ''}>
          {t('lane.preAuthStart')}
        </button>
      </form>

      {chosen && (
        <form
          className="space-y-2 rounded border border-brand-600 p-3"
          aria-label={t(`lane.preAuthConfirm.${chosen.kind}`)}
          onSubmit={(e) => void confirm(e)}
        >
          <p className="text-sm">
            {t('lane.preAuthOf', { card: chosen.cardNoMasked ?? '', amount: money(chosen.authorisedFen) })}
          </p>
          {chosen.kind === 'completion' && (
            <label className="block text-sm">
              {t('lane.preAuthCompleteAmount')}
              <input
                className="field-input font-mono"
                inputMode="decimal"
                autoFocus
                value={completeAmount}
                onChange={(e) => setCompleteAmount(e.target.value)}
              />
            </label>
          )}
          <div className="flex gap-2">
            <button type="submit" className="btn-primary" disabled={busy}>
              {t(`lane.preAuthConfirm.${chosen.kind}`, { amount: money(chosen.amountFen) })}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setChosen(null)}>
              {t('lane.preAuthDismiss')}
            </button>
          </div>
        </form>
      )}

      {preAuths.data?.length === 0 && <p className="text-sm text-slate-500">{t('lane.preAuthNone')}</p>}
      {preAuths.data && preAuths.data.length > 0 && (
        <table className="w-full text-left text-sm [&_td]:px-1 [&_th]:px-1" aria-label={t('lane.preAuthList')}>
          <thead>
            <tr className="text-xs text-slate-500">
              <th className="py-1">{t('lane.preAuthTime')}</th>
              <th>{t('lane.preAuthLane')}</th>
              <th>{t('lane.preAuthCard')}</th>
              <th>{t('lane.preAuthAuthCode')}</th>
              <th className="text-right">{t('lane.preAuthAuthorised')}</th>
              <th>{t('lane.preAuthStatus')}</th>
              <th>
                <span className="sr-only">{t('lane.preAuthActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {preAuths.data.map((p) => {
              const original = {
                originalPaymentId: p.paymentId,
                cardNoMasked: p.cardNoMasked,
                authorisedFen: p.approvedAmountFen,
              };
              const completion = p.completion;
              return (
                <tr key={p.paymentId} className="border-t align-top">
                  <td className="whitespace-nowrap py-1">{p.createdAt.toLocaleString(locale)}</td>
                  <td>{p.laneNumber}</td>
                  <td className="font-mono text-xs">{p.cardNoMasked}</td>
                  <td className="font-mono text-xs">
                    {p.authCode}
                    <span className="block">{p.refNo}</span>
                  </td>
                  <td className="text-right font-mono">
                    {money(p.approvedAmountFen)}
                    {p.approvedAmountFen !== p.amountFen && (
                      <span className="block text-xs text-slate-500">
                        {t('lane.preAuthAsked', { amount: money(p.amountFen) })}
                      </span>
                    )}
                  </td>
                  <td>
                    {p.status === 'completed' && completion
                      ? t('lane.preAuthStatus.completed', { amount: money(completion.amountFen) })
                      : t(`lane.preAuthStatus.${p.status}`)}
                  </td>
                  <td className="space-x-1 whitespace-nowrap text-right">
                    {p.status === 'open' && (
                      <>
                        <button
                          type="button"
                          className="btn-secondary"
                          disabled={busy}
                          onClick={() => choose({ ...original, kind: 'completion', amountFen: p.approvedAmountFen })}
                        >
                          {t('lane.preAuthComplete')}
                        </button>
                        <button
                          type="button"
                          className="btn-secondary"
                          disabled={busy}
                          onClick={() =>
                            choose({ ...original, kind: 'pre-auth-cancel', amountFen: p.approvedAmountFen })
                          }
                        >
                          {t('lane.preAuthCancel')}
                        </button>
                      </>
                    )}
                    {completion?.voidable && completion.laneId === laneId && (
                      <button
                        type="button"
                        className="btn-secondary"
                        disabled={busy}
                        onClick={() =>
                          choose({
                            ...original,
                            kind: 'completion-void',
                            originalPaymentId: completion.paymentId,
                            amountFen: completion.amountFen,
                          })
                        }
                      >
                        {t('lane.completionVoid')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
