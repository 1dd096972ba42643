import { z } from 'zod';
import { barcodeKindSchema, validateBarcode } from '../domain/barcode';
import { fenSchema } from '../domain/money';
import { vatRateSchema } from '../domain/vat';

/** Text a person typed: no control characters, which would break receipts, exports and the database. */
export const plainText = (schema: z.ZodString) => schema.regex(/^[^\p{Cc}]*$/u, 'No control characters');

export const BarcodeEntry = z
  .object({
    code: z.string().trim().min(1, 'Enter a barcode').max(32),
    kind: barcodeKindSchema.optional(),
  })
  .transform((entry, zctx) => {
    const result = validateBarcode(entry.code, entry.kind);
    if (!result.ok) {
      zctx.addIssue({ code: 'custom', path: ['code'], message: BARCODE_MESSAGES[result.reason] });
      return z.NEVER;
    }
    return { code: entry.code, kind: result.kind };
  });
export type BarcodeEntry = z.output<typeof BarcodeEntry>;

const BARCODE_MESSAGES = {
  empty: 'Enter a barcode',
  'bad-characters': 'A barcode has only digits, letters and dashes',
  'bad-length': 'Wrong number of digits for this kind of barcode',
  'bad-check-digit': 'The check digit is wrong: re-scan or re-type the barcode',
} as const;

export const productFieldShape = {
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,20}$/, 'Item code: 1–20 letters, digits or dashes'),
  nameZh: plainText(z.string().trim().min(1, 'Enter the Chinese name').max(60)),
  nameEn: plainText(z.string().trim().max(80)),
  departmentId: z.uuid('Choose a department'),
  unit: z.enum(['each', 'kg']),
  priceFen: fenSchema,
  costFen: fenSchema,
  vatRateBps: vatRateSchema,
  // Scales print PLUs zero-padded; stored without leading zeros so 0123 and 123 are one PLU.
  plu: z
    .string()
    .trim()
    .regex(/^[0-9]{1,6}$/, 'PLU: 1–6 digits')
    .transform((plu) => String(Number(plu)))
    .nullable(),
  active: z.boolean(),
};

const weighedHasPlu = (value: { unit?: 'each' | 'kg'; plu?: string | null }) =>
  value.unit !== 'kg' || Boolean(value.plu);
const weighedHasPluParams = {
  path: ['plu'],
  message: 'Goods sold by weight need a PLU for the scale',
  when: (payload: z.core.ParsePayload) =>
    !payload.issues.some((issue) => issue.path?.[0] === 'unit' || issue.path?.[0] === 'plu'),
};

/** Goods sold by weight need a PLU; checked even when other fields are wrong, so the form shows every error at once. */
export const weighedNeedsPlu: [typeof weighedHasPlu, typeof weighedHasPluParams] = [weighedHasPlu, weighedHasPluParams];
