import { storeLocalTime } from './store-time';

/**
 * A downloaded file's name: what it holds, the store's code and the store's own day (or first and last day of what
 * it covers), e.g. `catalog-S001-2026-12-07.xlsx`. Characters a file system may refuse become `_`.
 */
export function exportFileName(
  what: string,
  storeCode: string,
  days: { at: Date; timeZone: string } | { from: string; to: string },
  extension: string,
): string {
  const dated =
    'at' in days
      ? storeLocalTime(days.at, days.timeZone).businessDate
      : days.from === days.to
        ? days.from
        : `${days.from}-${days.to}`;
  return `${what}-${storeCode}-${dated}`.replace(/[^\p{L}\p{N}._-]+/gu, '_') + `.${extension}`;
}
