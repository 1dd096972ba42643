'use client';

import { useState, type FormEvent } from 'react';
import { useT } from '@/app/i18n/locale-provider';
import { formatFen, parseYuan } from '@/server/domain/money';
import { quickCashAmounts } from '@/server/domain/sale';

/** The cash tender: the amount given, typed or one of the likely notes; change is worked out by the sale. */
export function CashPanel({
  dueFen,
  disabled,
  onPay,
}: {
  dueFen: number;
  disabled: boolean;
  onPay: (fen: number) => void;
}) {
  const t = useT();
  const [given, setGiven] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fen = parseYuan(given);
    if (fen !== null && fen > 0) onPay(fen);
    setGiven('');
  };
  return (
    <form onSubmit={submit} className="rounded bg-white p-4 shadow" aria-label={t('lane.pay')}>
      <label htmlFor="cash-given" className="field-label">
        {t('lane.cashGiven')}
      </label>
      <div className="flex gap-2">
        <input
          id="cash-given"
          className="field-input font-mono"
          inputMode="decimal"
          disabled={disabled}
          value={given}
          onChange={(e) => setGiven(e.target.value)}
        />
        <button type="submit" className="btn-primary" disabled={disabled}>
          {t('lane.cash')}
        </button>
      </div>
      <div className="mt-2 flex flex-wrap gap-1">
        {quickCashAmounts(dueFen).map((amount) => (
          <button
            key={amount}
            type="button"
            disabled={disabled}
            className="btn-secondary px-2 py-1"
            onClick={() => onPay(amount)}
          >
            {formatFen(amount, { symbol: true })}
          </button>
        ))}
      </div>
    </form>
  );
}
