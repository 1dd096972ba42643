'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { parseYuan } from '@/server/domain/money';
import { TerminalSettlement } from './terminal-settlement';
import type { Lane } from './use-lane';
import { ZReport } from './z-report';

/** Signing out closes the shift: the cashier counts the drawer (and settles the terminal), then sees the Z report. */
export function LaneSignOut({ lane, onCancel }: { lane: Lane; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const [counted, setCounted] = useState('');
  const signOut = useMutation(trpc.lane.signOut.mutationOptions());
  const error = describeError(signOut.error, t);
  const report = signOut.data;
  if (report) return <ZReport report={report} onDone={() => void lane.signedOut()} />;
  return (
    <form
      className="mx-auto mt-16 w-96 space-y-4 rounded bg-white p-8 shadow"
      aria-label={t('lane.signOut')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!lane.session) return;
        signOut.mutate({ shiftId: lane.session.shiftId, countedCashFen: parseYuan(counted) ?? 0 });
      }}
    >
      <h1 className="text-xl font-semibold">{t('lane.signOut')}</h1>
      <label htmlFor="counted-cash" className="field-label">
        {t('lane.countCash')}
      </label>
      <input
        id="counted-cash"
        className="field-input font-mono"
        inputMode="decimal"
        value={counted}
        onChange={(e) => setCounted(e.target.value)}
      />
      {lane.config.hasTerminal && <TerminalSettlement laneId={lane.config.laneId} />}
      <ErrorAlert error={error} />
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" onClick={onCancel}>
          ←
        </button>
        <button type="submit" className="btn-primary flex-1" disabled={signOut.isPending}>
          {t('lane.signOut')}
        </button>
      </div>
    </form>
  );
}
