import type { LaneProduct } from './cart';
import { searchEntries, searchEntry, type SearchEntry } from './search-products';

/**
 * The lane's catalog in memory: barcode and PLU lookups plus the product search. It is filled in small steps from
 * IndexedDB after the lane opens (scans use IndexedDB's indexes until then) and kept current by catalog downloads.
 */
export class CatalogIndex {
  private readonly entries = new Map<string, SearchEntry>();
  private readonly barcodes = new Map<string, LaneProduct>();
  private readonly plus = new Map<string, LaneProduct>();
  /** True once every cached product is in: from then on a miss here is a miss in the cache too. */
  complete = false;

  /** Adds or replaces products; with `keepHeld`, a product already held (perhaps a newer copy) is left as it is. */
  put(products: Iterable<LaneProduct>, keepHeld = false): void {
    for (const product of products) {
      const held = this.entries.get(product.id)?.product;
      if (held && keepHeld) continue;
      if (held) this.unindex(held);
      this.entries.set(product.id, searchEntry(product));
      if (!product.active) continue;
      for (const code of product.barcodes) this.barcodes.set(code, product);
      if (product.plu) this.plus.set(product.plu, product);
    }
  }

  private unindex(product: LaneProduct): void {
    for (const code of product.barcodes) if (this.barcodes.get(code)?.id === product.id) this.barcodes.delete(code);
    if (product.plu && this.plus.get(product.plu)?.id === product.id) this.plus.delete(product.plu);
  }

  byBarcode = (code: string): LaneProduct | null => this.barcodes.get(code) ?? null;
  byPlu = (plu: string): LaneProduct | null => this.plus.get(plu) ?? null;
  byId = (id: string): LaneProduct | null => this.entries.get(id)?.product ?? null;

  find(query: string, limit = 8): LaneProduct[] {
    return searchEntries(this.entries.values(), query, limit);
  }

  get size(): number {
    return this.entries.size;
  }
}
