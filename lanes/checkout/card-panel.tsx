'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useLocale, useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { cardOutcomeNotKnown } from '@/server/domain/card-outcome';
import { formatFen, parseYuan } from '@/server/domain/money';
import type { Tender } from '@/server/domain/sale';
import { describeResponseCode } from '@/server/payments/mispos/codes';
import { cardPaymentToFollow } from './card-payment-to-follow';

/** The payment in flight survives a reload: the terminal may be charging the card right now. */
const pendingKey = (saleId: string) => `lanekeeper-card-${saleId}`;
/** How often an open sale asks for a card payment it must follow or may add. */
const FOLLOW_INTERVAL_MS = 3_000;

/**
 * The card tender: the amount goes to the lane's bank terminal, the cashier sees its live status and can
 * cancel while it waits for the card; only an approval becomes a tender of the sale.
 */
export function CardPanel({
  laneId,
  shiftId,
  saleId,
  dueFen,
  disabled,
  online,
  saleOpen,
  claimedPaymentIds,
  onApproved,
  onOutcomeUnknown,
}: {
  laneId: string;
  shiftId: string;
  saleId: string;
  dueFen: number;
  disabled: boolean;
  online: boolean;
  /** The sale has lines: the lane keeps asking the server for a card payment it must follow or may add. */
  saleOpen: boolean;
  /** Card payments already tendered on this sale: never applied twice. */
  claimedPaymentIds: readonly string[];
  onApproved: (tender: Tender) => void;
  /** True while the sale's card payment may have charged the card: nothing else may pay, finish or void it. */
  onOutcomeUnknown: (unknown: boolean) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [amount, setAmount] = useState('');
  // The panel is keyed by the sale, so this reads the sale's pending payment once per sale.
  const [startedId, setPaymentId] = useState<string | null>(() =>
    typeof window === 'undefined' ? null : window.localStorage.getItem(pendingKey(saleId)),
  );
  const claimed = useRef<string | null>(null);
  const [declinedOfferIds, setDeclinedOfferIds] = useState<readonly string[]>([]);
  const start = useMutation(trpc.lane.startCardPayment.mutationOptions());
  const cancel = useMutation(trpc.lane.cancelCardPayment.mutationOptions());
  const addOffer = useMutation(trpc.lane.addOfferedCardPayment.mutationOptions());
  // The server knows the sale's payment to follow when this panel does not (a recalled sale, another browser), or
  // when it changed since (an approval found late or settled by the manager): asked again while the sale is open.
  const known = useQuery({
    ...trpc.lane.saleCardPayment.queryOptions({ saleId }),
    enabled: online,
    staleTime: 0,
    refetchInterval: saleOpen ? FOLLOW_INTERVAL_MS : false,
  });
  // What the panel last read of the payment it started, from the cache the payment query below fills.
  const started = useQuery({ ...trpc.lane.cardPayment.queryOptions({ paymentId: startedId ?? '' }), enabled: false });
  const paymentId = cardPaymentToFollow({
    startedId,
    startedState: started.data?.state,
    serverNamedId: known.data?.id ?? null,
    claimedIds: claimedPaymentIds,
  });
  const payment = useQuery({
    ...trpc.lane.cardPayment.queryOptions({ paymentId: paymentId ?? '' }),
    enabled: paymentId !== null,
    // An unknown outcome is still being asked for (by the server's resolver or a manager): keep following it.
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      if (state === 'unknown') return 2_000;
      return state && state !== 'in_flight' ? false : 300;
    },
  });

  const data = payment.data;
  const outcomeUnknown = paymentId !== null && (!data || cardOutcomeNotKnown(data));
  useEffect(() => {
    onOutcomeUnknown(outcomeUnknown);
  }, [onOutcomeUnknown, outcomeUnknown]);
  useEffect(() => {
    if (!data || !paymentId || cardOutcomeNotKnown(data)) return;
    window.localStorage.removeItem(pendingKey(saleId));
    if (data.state === 'approved' && claimed.current !== data.id && !claimedPaymentIds.includes(data.id)) {
      claimed.current = data.id;
      onApproved({ tenderId: uuidv7(), kind: 'bank_card', amountFen: data.approvedAmountFen ?? 0, reference: data.id });
    }
  }, [claimedPaymentIds, data, onApproved, paymentId, saleId]);
  // The server's answer moved on from what this panel last read of the same payment (settled since): read it again.
  const refetchPayment = payment.refetch;
  useEffect(() => {
    if (known.data && data && known.data.id === data.id && known.data.state !== data.state) void refetchPayment();
  }, [data, known.data, refetchPayment]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amountFen = amount.trim() === '' ? dueFen : parseYuan(amount);
    if (!amountFen || amountFen <= 0 || amountFen > dueFen) return;
    const id = uuidv7();
    window.localStorage.setItem(pendingKey(saleId), id);
    setPaymentId(id);
    setAmount('');
    await start.mutateAsync({ paymentId: id, laneId, shiftId, saleId, kind: 'sale', amountFen }).catch(() => {
      window.localStorage.removeItem(pendingKey(saleId));
      setPaymentId(null);
    });
  };

  const inFlight = paymentId !== null && (!data || data.state === 'in_flight');
  // A card payment the manager attached to this lane's open sale, to add to it or to leave.
  const offered = useQuery({
    ...trpc.lane.cardPaymentOffer.queryOptions({ laneId, shiftId }),
    enabled: online && saleOpen,
    staleTime: 0,
    refetchInterval: FOLLOW_INTERVAL_MS,
  });
  const offer =
    offered.data &&
    !outcomeUnknown &&
    !declinedOfferIds.includes(offered.data.id) &&
    !claimedPaymentIds.includes(offered.data.id)
      ? offered.data
      : null;
  // Added, it is this sale's approval: applied at once (the sale's own approval may be the one the server names).
  const addOffered = async (offerId: string) => {
    const added = await addOffer.mutateAsync({ paymentId: offerId, laneId, shiftId, saleId });
    if (claimed.current !== added.paymentId && !claimedPaymentIds.includes(added.paymentId)) {
      claimed.current = added.paymentId;
      onApproved({ tenderId: uuidv7(), kind: 'bank_card', amountFen: added.amountFen, reference: added.paymentId });
    }
    void offered.refetch();
  };
  const reason = (code: string | null) => (code ? describeResponseCode(code)[locale === 'en' ? 'en' : 'zh'] : '');
  return (
    <form onSubmit={(e) => void submit(e)} className="rounded bg-white p-4 shadow" aria-label={t('lane.card')}>
      <label htmlFor="card-amount" className="field-label">
        {t('lane.cardAmount')}
      </label>
      <div className="flex gap-2">
        <input
          id="card-amount"
          className="field-input font-mono"
          inputMode="decimal"
          placeholder={formatFen(dueFen)}
          disabled={disabled || outcomeUnknown || !online}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <button
          type="submit"
          className="btn-primary whitespace-nowrap"
          disabled={disabled || outcomeUnknown || !online}
        >
          {t('lane.payByCard')}
        </button>
      </div>
      {!online && <p className="mt-2 text-sm text-amber-700">{t('lane.cardOffline')}</p>}
      <ErrorAlert error={describeError(start.error ?? addOffer.error, t)} />
      {offer && (
        <CardOffer
          offer={offer}
          dueFen={dueFen}
          busy={addOffer.isPending || disabled}
          onAdd={() => void addOffered(offer.id).catch(() => undefined)}
          onDecline={() => setDeclinedOfferIds((ids) => [...ids, offer.id])}
        />
      )}
      {paymentId && (
        <div className="mt-2 text-sm" role="status" aria-live="polite">
          {inFlight && (
            <div className="flex items-center gap-2">
              <span className="flex-1 font-semibold text-brand-700">
                {data?.status?.text ?? t('lane.cardConnecting')}
              </span>
              <button type="button" className="btn-secondary" onClick={() => cancel.mutate({ paymentId })}>
                {t('lane.cardCancel')}
              </button>
            </div>
          )}
          {data?.state === 'approved' && (
            <span className="text-emerald-700">
              {t('lane.cardApproved', { amount: formatFen(data.approvedAmountFen ?? 0, { symbol: true }) })}{' '}
              {data.cardNoMasked}
            </span>
          )}
          {data?.state === 'declined' && (
            <span className="text-red-700">
              {t('lane.cardDeclined', { reason: reason(data.respCode) })} {t('lane.cardChooseOther')}
            </span>
          )}
          {data?.state === 'not_sent' && <span className="text-red-700">{t('lane.cardNotSent')}</span>}
          {data?.state === 'unknown' && (
            <span className="font-semibold text-red-700" role="alert">
              {t('lane.cardOutcomeWaiting')}
            </span>
          )}
          {data?.state === 'failed' && <span className="text-red-700">{t('lane.cardNotCharged')}</span>}
        </div>
      )}
    </form>
  );
}

function CardOffer({
  offer,
  dueFen,
  busy,
  onAdd,
  onDecline,
}: {
  offer: { id: string; amountFen: number | null; cardNoMasked: string | null };
  dueFen: number;
  busy: boolean;
  onAdd: () => void;
  onDecline: () => void;
}) {
  const t = useT();
  const amountFen = offer.amountFen ?? 0;
  const amount = formatFen(amountFen, { symbol: true });
  const tooMuch = amountFen > dueFen;
  const titleId = useId();
  return (
    <div
      role="group"
      aria-labelledby={titleId}
      className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm"
    >
      <p id={titleId} className="font-semibold">
        {t('lane.cardOffer', { amount, card: `****${(offer.cardNoMasked ?? '').slice(-4)}` })}
      </p>
      {tooMuch && (
        <p className="mt-1 text-red-700" role="alert">
          {t('lane.cardOfferTooMuch', { amount })}
        </p>
      )}
      <div className="mt-2 flex gap-2">
        {!tooMuch && (
          <button type="button" className="btn-primary" disabled={busy} onClick={onAdd}>
            {t('lane.cardOfferAdd')}
          </button>
        )}
        <button type="button" className="btn-secondary" onClick={onDecline}>
          {t('lane.cardOfferDecline')}
        </button>
      </div>
    </div>
  );
}
