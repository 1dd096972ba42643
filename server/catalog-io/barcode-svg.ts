import { toSVG } from 'bwip-js/node';
import type { BarcodeKind } from '../domain/barcode';

const SYMBOLOGY: Record<BarcodeKind, string> = { ean13: 'ean13', ean8: 'ean8', upca: 'upca', internal: 'code128' };

/** The barcode as an SVG drawing with its digits under the bars; codes without a GTIN print as Code 128. */
export function barcodeSvg(code: string, kind: BarcodeKind): string {
  return toSVG({
    bcid: SYMBOLOGY[kind],
    text: code,
    includetext: true,
    textxalign: 'center',
    height: 10,
    scale: 2,
  });
}
