'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { RowName } from '@/app/components/row-name';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';

/**
 * "Attach to the open sale on lane N" for an approval on no sale (default: the lane that took it); the lane's cashier
 * then adds it to the sale. Shows where an offer stands until a sale tender claims the payment.
 */
export function AttachToLane({
  row,
}: {
  row: {
    id: string;
    ecrRef: string;
    laneNumber: number;
    offeredToLaneNumber: number | null;
    addedToSaleId: string | null;
  };
}) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [laneNumber, setLaneNumber] = useState(String(row.offeredToLaneNumber ?? row.laneNumber));
  const offer = useMutation(
    trpc.cards.offerToLane.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.cards.pathKey() }),
    }),
  );
  const error = describeError(offer.error, t);
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input
          className="field-input w-16"
          inputMode="numeric"
          aria-label={`${t('cards.attachLane')} ${row.ecrRef}`}
          value={laneNumber}
          aria-invalid={Boolean(error?.fields.laneNumber)}
          onChange={(e) => setLaneNumber(e.target.value.replace(/\D/g, ''))}
        />
        <button
          type="button"
          className="btn-secondary"
          disabled={offer.isPending || laneNumber === ''}
          onClick={() => offer.mutate({ paymentId: row.id, offerId: uuidv7(), laneNumber: Number(laneNumber) })}
        >
          {t('cards.attachToLane')}
          <RowName>{row.ecrRef}</RowName>
        </button>
      </div>
      {row.offeredToLaneNumber !== null && (
        <p className="text-xs text-brand-700" role="status">
          {t(row.addedToSaleId ? 'cards.addedToSale' : 'cards.offeredToLane', { lane: row.offeredToLaneNumber })}
        </p>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
