import type { ReversibleKind } from '../iso8583/bank-transactions';
import { decodeField61 } from '../iso8583/composite-fields';
import type { IsoFields } from '../iso8583/field-specs';
import type { Account, Accounts } from './accounts';
import { checkCard } from './card-check';
import type { HostEntry, HostLedger } from './host-ledger';

export interface AuthoriseInput {
  readonly kind: ReversibleKind | 'balance';
  readonly fields: IsoFields;
  readonly terminalId: string;
  readonly accounts: Accounts;
  readonly ledger: HostLedger;
  readonly pinKey: Buffer;
  /** Today as `YYMM`, for expiry. */
  readonly yymm: string;
}

/** What an approval does, before the host gives it a reference and an auth code. */
export interface Approval {
  readonly kind: ReversibleKind;
  readonly pan: string;
  readonly cardOrg: string;
  readonly amountFen: number;
  readonly original: HostEntry | null;
}

export type Decision =
  { readonly code: string; readonly approval?: Approval; readonly balance?: { account: Account } } | 'silent';

/** The issuer's and acquirer's verdict on one financial request (not reversals, settlement or sign-in). */
export function authorise(input: AuthoriseInput): Decision {
  const { kind, fields } = input;
  const amountFen = Number(fields[4] ?? '0');
  if (kind === 'saleVoid' || kind === 'completionVoid') return authoriseVoid(input, kind, amountFen);
  const check = checkCard(fields, input.accounts, input.pinKey, input.yymm);
  if (check === 'silent' || 'code' in check) return check;
  const { account } = check;
  if (kind === 'balance') return { code: '00', balance: { account } };
  const approve = (approvedFen: number, original: HostEntry | null = null, code = '00'): Decision => ({
    code,
    approval: { kind, pan: account.card.pan, cardOrg: account.card.cardOrg, amountFen: approvedFen, original },
  });
  switch (kind) {
    case 'sale':
    case 'preAuth': {
      if (amountFen > account.card.perTransactionLimitFen) return { code: '61' };
      if (account.availableFen >= amountFen) return approve(amountFen);
      const partial = kind === 'sale' && account.card.partialApproval && account.availableFen > 0;
      return partial ? approve(account.availableFen, null, '10') : { code: '51' };
    }
    case 'refund': {
      const original = input.ledger.findByRrn(fields[37]);
      const date = decodeField61(fields[61])?.mmdd;
      if (!isLive(original, ['sale', 'completion']) || original.mmdd !== date) return { code: '25' };
      if (original.voided) return { code: '12' };
      if (original.refundedFen + amountFen > original.amountFen) return { code: '64' };
      return approve(amountFen, original);
    }
    case 'preAuthCancel':
    case 'completion': {
      const original = input.ledger.findByRrn(fields[37]);
      if (!isLive(original, ['preAuth']) || original.authCode !== fields[38]) return { code: '25' };
      if (original.preAuthState !== 'open') return { code: '12' };
      const fits = kind === 'completion' ? amountFen <= original.amountFen : amountFen === original.amountFen;
      return fits ? approve(amountFen, original) : { code: '64' };
    }
  }
}

function authoriseVoid(input: AuthoriseInput, kind: 'saleVoid' | 'completionVoid', amountFen: number): Decision {
  const original = input.ledger.findByRrn(input.fields[37]);
  const voids = kind === 'saleVoid' ? 'sale' : 'completion';
  if (!isLive(original, [voids]) || original.terminalId !== input.terminalId) return { code: '25' };
  if (original.voided || original.refundedFen > 0) return { code: '12' };
  if (amountFen !== original.amountFen) return { code: '64' };
  return { code: '00', approval: { kind, pan: original.pan, cardOrg: original.cardOrg, amountFen, original } };
}

function isLive(entry: HostEntry | null, kinds: readonly ReversibleKind[]): entry is HostEntry {
  return entry !== null && entry.state === 'approved' && kinds.includes(entry.kind);
}
