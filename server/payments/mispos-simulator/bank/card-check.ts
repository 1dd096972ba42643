import type { IsoFields } from '../iso8583/field-specs';
import { decodePinBlock } from '../iso8583/pin-block';
import type { Account, Accounts } from './accounts';

export type CardCheck = { readonly account: Account } | { readonly code: string } | 'silent';

/** What the issuer says about the card in field 2 before looking at the amount: 14, 91, silence, 54 or 55. */
export function checkCard(fields: IsoFields, accounts: Accounts, pinKey: Buffer, yymm: string): CardCheck {
  const account = accounts.find(fields[2]);
  if (!account) return { code: '14' };
  if (account.card.issuer === 'unavailable') return { code: '91' };
  if (account.card.issuer === 'silent') return 'silent';
  if (account.card.expiry < yymm) return { code: '54' };
  const withPin = fields[22]?.endsWith('1') ?? false;
  if (account.card.pin !== null && withPin) {
    const pin = fields[52] === undefined ? null : decodePinBlock(fields[52], account.card.pan, pinKey);
    if (pin !== account.card.pin) return { code: '55' };
  }
  return { account };
}
