// Building a formatter costs far more than using one, and every sale asks: one per time zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(at: Date, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(at);
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
}

/** The store's own calendar: which business day and hour a moment falls in, in the store's time zone. */
export function storeLocalTime(at: Date, timeZone: string): { businessDate: string; hour: number } {
  const part = localParts(at, timeZone);
  return { businessDate: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/** The store's date of a moment as a bank slip prints it: yyyymmdd. */
export function slipDate(at: Date, timeZone: string): string {
  return storeLocalTime(at, timeZone).businessDate.replaceAll('-', '');
}

/**
 * A receipt number the lane can make offline and that no other lane makes: lane, store-local date and
 * time to the millisecond, e.g. 03-20261121-093015123.
 */
export function receiptNumber(laneNumber: number, at: Date, timeZone: string): string {
  const part = localParts(at, timeZone);
  const ms = String(at.getUTCMilliseconds()).padStart(3, '0');
  return `${String(laneNumber).padStart(2, '0')}-${part('year')}${part('month')}${part('day')}-${part('hour')}${part('minute')}${part('second')}${ms}`;
}

/** A receipt's date and time in the store's own time zone (as its number is), whatever the lane machine's zone. */
export function receiptTime(at: Date, timeZone: string): string {
  const part = localParts(at, timeZone);
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}
