import { completeEan13, completeEan8 } from '../../server/domain/barcode';
import { BRANDS, DEPARTMENTS, WEIGHED_GOODS, type BrandKey } from './catalog-vocabulary';

export type DepartmentSeed = { code: string; nameZh: string; nameEn: string };

export type ProductSeed = {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string;
  unit: 'each' | 'kg';
  priceFen: number;
  costFen: number;
  vatRateBps: 1300 | 900 | 600 | 0;
  plu: string | null;
  barcodes: { code: string; kind: 'ean13' | 'ean8' }[];
};

export const DEMO_DEPARTMENTS: DepartmentSeed[] = DEPARTMENTS.map(({ code, nameZh, nameEn }) => ({
  code,
  nameZh,
  nameEn,
}));

const FRESH_CODE = '10';

/** Deterministic PRNG (mulberry32), so every seed of the demo store is the same catalog. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shelf prices end in 0 or 9 jiao-fen, like 12.90 or 3.50. */
function shelfPrice(fen: number): number {
  if (fen < 100) return Math.max(10, Math.round(fen / 10) * 10);
  const tens = Math.round(fen / 10) * 10;
  return tens % 100 === 0 && tens > 500 ? tens - 10 : tens;
}

interface BaseProduct {
  nameZh: string;
  nameEn: string;
  departmentCode: string;
  unit: 'each' | 'kg';
  priceFen: number;
  vatRateBps: 1300 | 900;
  brand: BrandKey | null;
  smallItem: boolean;
}

/** Every believable product: each type by each of its brands in each size, then the weighed goods. */
function baseProducts(): BaseProduct[] {
  const all: BaseProduct[] = [];
  const rand = random(20261121);
  for (const department of DEPARTMENTS) {
    for (const type of department.types) {
      for (const brand of type.brands) {
        for (const [sizeZh, sizeEn, priceFen] of type.sizes) {
          const brandInfo = BRANDS[brand];
          const typeZh = brandInfo.zh.endsWith(type.zh) ? '' : type.zh;
          const typeEn = brandInfo.en.toLowerCase().includes(type.en.toLowerCase()) ? '' : ` ${type.en}`;
          all.push({
            nameZh: `${brandInfo.zh}${typeZh} ${sizeZh}`,
            nameEn: `${brandInfo.en}${typeEn} ${sizeEn}`,
            departmentCode: department.code,
            unit: 'each',
            priceFen: shelfPrice(priceFen * (0.9 + rand() * 0.25)),
            vatRateBps: type.vatRateBps === 900 ? 900 : department.vatRateBps,
            brand,
            smallItem: type.smallItem ?? false,
          });
        }
      }
    }
  }
  for (const [nameZh, nameEn, priceFen] of WEIGHED_GOODS) {
    all.push({
      nameZh,
      nameEn,
      departmentCode: FRESH_CODE,
      unit: 'kg',
      priceFen,
      vatRateBps: 900,
      brand: null,
      smallItem: false,
    });
  }
  return all;
}

const PROMOTION_VARIANTS: [string, string][] = [
  ['', ''],
  ['（促销装）', ' (promo pack)'],
  ['（家庭装）', ' (family pack)'],
  ['（礼盒装）', ' (gift box)'],
  ['（新包装）', ' (new pack)'],
  ['（限定款）', ' (limited edition)'],
  ['（量贩装）', ' (value pack)'],
  ['（便携装）', ' (travel size)'],
];

/** The demo store's catalog: every base product, then pack variants, until `count`; same output every call. */
export function generateDemoCatalog(count = 2000): ProductSeed[] {
  const bases = baseProducts();
  const rand = random(88001);
  const itemCounters = new Map<string, number>();
  const departmentCounters = new Map<string, number>();
  const seeds: ProductSeed[] = [];
  let plu = 1000;
  let ean8 = 0;
  for (let round = 0; seeds.length < count && round < PROMOTION_VARIANTS.length; round++) {
    const [suffixZh, suffixEn] = PROMOTION_VARIANTS[round] ?? ['', ''];
    for (const base of bases) {
      if (seeds.length >= count) break;
      if (round > 0 && (base.unit === 'kg' || rand() < 0.2)) continue;
      const sequence = (departmentCounters.get(base.departmentCode) ?? 0) + 1;
      departmentCounters.set(base.departmentCode, sequence);
      const priceFen = round === 0 ? base.priceFen : shelfPrice(base.priceFen * (1 + rand() * 0.6));
      const barcodes: ProductSeed['barcodes'] = [];
      if (base.brand) {
        const prefix = BRANDS[base.brand].gs1;
        const item = (itemCounters.get(prefix) ?? 0) + 1;
        itemCounters.set(prefix, item);
        barcodes.push({ code: completeEan13(`${prefix}${String(item).padStart(5, '0')}`), kind: 'ean13' });
        if (base.smallItem && round === 0) {
          barcodes.push({ code: completeEan8(`69${String(++ean8).padStart(5, '0')}`), kind: 'ean8' });
        }
      }
      seeds.push({
        code: `${base.departmentCode}${String(sequence).padStart(4, '0')}`,
        nameZh: `${base.nameZh}${suffixZh}`,
        nameEn: `${base.nameEn}${suffixEn}`,
        departmentCode: base.departmentCode,
        unit: base.unit,
        priceFen,
        costFen: Math.round(priceFen * (0.6 + rand() * 0.25)),
        vatRateBps: base.vatRateBps,
        plu: base.unit === 'kg' ? String(++plu) : null,
        barcodes,
      });
    }
  }
  return seeds;
}

/**
 * A catalog of any size for benchmarks: the demo vocabulary numbered into distinct products.
 * Codes, barcodes (prefix 68) and PLUs are unique for indexes below 900,000.
 */
export function* generateLargeCatalog(count: number, offset = 0): Generator<ProductSeed> {
  const bases = baseProducts();
  const rand = random(424242 + offset);
  for (let index = offset; index < offset + count; index++) {
    const base = bases[index % bases.length];
    if (!base) continue;
    const series = Math.floor(index / bases.length);
    const priceFen = shelfPrice(base.priceFen * (0.8 + rand() * 0.4));
    yield {
      code: `L${String(index).padStart(7, '0')}`,
      nameZh: series === 0 ? base.nameZh : `${base.nameZh} 批次${series}`,
      nameEn: series === 0 ? base.nameEn : `${base.nameEn} lot ${series}`,
      departmentCode: base.departmentCode,
      unit: base.unit,
      priceFen,
      costFen: Math.round(priceFen * (0.6 + rand() * 0.25)),
      vatRateBps: base.vatRateBps,
      plu: base.unit === 'kg' ? String(100_000 + index) : null,
      barcodes:
        base.unit === 'kg' ? [] : [{ code: completeEan13(`68${String(index).padStart(10, '0')}`), kind: 'ean13' }],
    };
  }
}
