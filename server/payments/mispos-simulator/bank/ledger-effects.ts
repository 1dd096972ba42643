import type { Accounts } from './accounts';
import type { HostEntry } from './host-ledger';

/**
 * Moves the money and states of an approved `entry` (`sign` 1), or takes them back (`sign` -1) for its reversal,
 * so that a reversed transaction leaves accounts and originals exactly as before.
 */
export function applyEffect(entry: HostEntry, accounts: Accounts, sign: 1 | -1): void {
  const original = entry.original;
  const on = sign === 1;
  switch (entry.kind) {
    case 'sale':
    case 'preAuth':
      accounts.adjust(entry.pan, -sign * entry.amountFen);
      return;
    case 'saleVoid':
      if (!original) return;
      original.voided = on;
      accounts.adjust(original.pan, sign * original.amountFen);
      return;
    case 'refund':
      if (!original) return;
      original.refundedFen += sign * entry.amountFen;
      accounts.adjust(original.pan, sign * entry.amountFen);
      return;
    case 'preAuthCancel':
      if (!original) return;
      original.preAuthState = on ? 'cancelled' : 'open';
      accounts.adjust(original.pan, sign * original.amountFen);
      return;
    case 'completion':
      if (!original) return;
      original.preAuthState = on ? 'completed' : 'open';
      accounts.adjust(original.pan, sign * (original.amountFen - entry.amountFen));
      return;
    case 'completionVoid': {
      const preAuth = original?.original;
      if (!original || !preAuth) return;
      original.voided = on;
      preAuth.preAuthState = on ? 'open' : 'completed';
      accounts.adjust(original.pan, sign * (original.amountFen - preAuth.amountFen));
      return;
    }
  }
}
