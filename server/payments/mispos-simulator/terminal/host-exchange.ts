import type { BankLink } from '../bank/bank-link';
import { responseMti } from '../iso8583/bank-transactions';
import type { IsoFields, IsoMessage } from '../iso8583/field-specs';
import { decodeIsoMessage, encodeIsoMessage } from '../iso8583/iso-message';
import { Iso8583Error } from '../iso8583/iso8583-error';
import { encodeWithMac, hasValidMac } from '../iso8583/mac';

export type HostReply =
  | { readonly outcome: 'answered'; readonly code: string; readonly fields: IsoFields }
  /** Silence, a late answer, or one that is not the answer to this request. */
  | { readonly outcome: 'no-answer' }
  /** An approval whose MAC does not check: the terminal must not trust it. */
  | { readonly outcome: 'bad-mac' };

const APPROVALS = ['00', '10'];

/** Sends one request (with a MAC when `macKey` is given) and reads the host's answer to it. */
export async function exchangeWithHost(
  link: BankLink,
  message: IsoMessage,
  macKey: Buffer | null,
  timeoutMs: number,
): Promise<HostReply> {
  const bytes = macKey ? encodeWithMac(message, macKey) : encodeIsoMessage(message);
  const answerBytes = await link.exchange(bytes, timeoutMs);
  if (answerBytes === null) return { outcome: 'no-answer' };
  let answer: IsoMessage;
  try {
    answer = decodeIsoMessage(answerBytes);
  } catch (error) {
    if (error instanceof Iso8583Error) return { outcome: 'no-answer' };
    throw error;
  }
  const matches =
    answer.mti === responseMti(message.mti) &&
    answer.fields[11] === message.fields[11] &&
    answer.fields[41] === message.fields[41];
  const code = answer.fields[39];
  if (!matches || code === undefined) return { outcome: 'no-answer' };
  if (macKey && APPROVALS.includes(code) && !hasValidMac(answerBytes, macKey)) return { outcome: 'bad-mac' };
  return { outcome: 'answered', code, fields: answer.fields };
}

export const isApproval = (code: string): boolean => APPROVALS.includes(code);
