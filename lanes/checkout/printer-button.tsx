'use client';

import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import type { Lane } from './use-lane';

/** Prints the receipt on the lane's network printer; the sale is uploaded first, since the server prints it. */
export function PrinterButton({ lane, receiptNo }: { lane: Lane; receiptNo: string }) {
  const t = useT();
  const trpc = useTRPC();
  const print = useMutation(trpc.lane.printReceipt.mutationOptions());
  const error = describeError(print.error, t);
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={print.isPending}
        onClick={async () => {
          await lane.flushOutbox();
          print.mutate({ laneId: lane.config.laneId, receiptNo });
        }}
      >
        {t('lane.printOnPrinter')}
      </button>
      {print.isSuccess && <span role="status">{t('lane.printed')}</span>}
      <ErrorAlert error={error} />
    </span>
  );
}
