import { formatFen } from './money';

/**
 * Why an approval's amount cannot be trusted, or null. Nothing may be approved above what was asked, and only
 * code `10` approves less; a `00` for less is a terminal fault too. A request with no amount asked (void, balance,
 * reprint) is answered with the original's or the card's amount, so there is nothing to compare.
 */
export function approvedAmountFault(askedFen: number, respCode: string, answeredFen: number): string | null {
  if (askedFen <= 0 || (respCode !== '00' && respCode !== '10')) return null;
  const stated = `the terminal answered ${respCode} for ${formatFen(answeredFen, { symbol: true })} when ${formatFen(askedFen, { symbol: true })} was asked`;
  if (answeredFen > askedFen) return `${stated}: more than asked, so the outcome is not known`;
  if (answeredFen <= 0 || (respCode === '00' && answeredFen < askedFen)) {
    return `${stated}: a full approval for less, so the outcome is not known`;
  }
  return null;
}
