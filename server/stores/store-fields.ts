import { z } from 'zod';
import { plainText } from '../catalog/product-fields';
import { fieldInvalid } from '../core/errors';
import { embeddedBarcodeLayoutSchema } from '../domain/embedded-barcode';

/** The store's fields as head office creates them and a manager edits them: one home for their rules. */
export const storeFieldShape = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,20}$/, 'Store code: 2–20 capital letters or digits'),
  name: plainText(z.string().trim().min(1, 'Enter the store name').max(60)),
  nameEn: plainText(z.string().trim().max(80)),
  address: plainText(z.string().trim().min(1, 'Enter the address').max(200)),
  timezone: z.string().trim().min(1, 'Enter a time zone (e.g. Asia/Shanghai)').max(64),
  vatNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{15,20}$/, 'Taxpayer id: 15–20 digits or capital letters'),
  embeddedBarcodeLayouts: z.array(embeddedBarcodeLayoutSchema).max(10),
};

function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone the runtime knows, or a field error: the store's business day and receipts depend on it. */
export function assertKnownTimezone(timezone: string | undefined): void {
  if (timezone !== undefined && !isKnownTimezone(timezone)) {
    throw fieldInvalid('timezone', 'store.bad-timezone', 'Unknown time zone (e.g. Asia/Shanghai)');
  }
}
