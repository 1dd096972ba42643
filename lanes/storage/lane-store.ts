import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FinalizeSaleInput } from '@/server/sales/finalize-sale';
import type { Cart, LaneProduct } from '../checkout/cart';
import { putInChunks } from './put-in-chunks';

export interface OutboxEntry {
  seq?: number;
  saleId: string;
  input: FinalizeSaleInput;
  queuedAt: string;
  rejected: string | null;
}

export interface LaneSession {
  staffName: string;
  operatorNo: string;
  shiftId: string;
}

interface LaneDb extends DBSchema {
  kv: { key: string; value: unknown };
  outbox: { key: number; value: OutboxEntry; indexes: { saleId: string } };
  /** Indexed by every barcode (multiEntry) and by PLU (products without one are left out of that index). */
  products: { key: string; value: LaneProduct; indexes: { barcodes: string; plu: string } };
  /** Each product's on hand as the server last said (units, grams when weighed), keyed by product id. */
  onHand: { key: string; value: number };
}

/**
 * Version 2 added the products' `barcodes` and `plu` indexes: a scan is one index read, so opening a lane
 * never loads the whole catalog into memory. Version 3 added on hand, kept apart so stock moving rewrites no product.
 */
const VERSION = 3;
/** Products put per step of a bulk write: a few milliseconds of main thread each. */
const BULK_PUT_CHUNK = 2000;

/** One IndexedDB database per lane number and store, so a test browser can be two lanes at once. */
export class LaneStore {
  private constructor(private readonly idb: IDBPDatabase<LaneDb>) {}

  static async open(name: string): Promise<LaneStore> {
    const db = await openDB<LaneDb>(name, VERSION, {
      upgrade(database, oldVersion, _newVersion, transaction) {
        if (oldVersion < 1) {
          database.createObjectStore('kv');
          database
            .createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true })
            .createIndex('saleId', 'saleId', { unique: true });
          database.createObjectStore('products', { keyPath: 'id' });
        }
        if (oldVersion < 2) {
          // Built over the products already cached, inside the upgrade transaction.
          const products = transaction.objectStore('products');
          products.createIndex('barcodes', 'barcodes', { multiEntry: true });
          products.createIndex('plu', 'plu');
        }
        if (oldVersion < 3) database.createObjectStore('onHand');
      },
    });
    return new LaneStore(db);
  }

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.idb.get('kv', key)) as T | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.idb.put('kv', value, key);
  }

  async delete(key: string): Promise<void> {
    await this.idb.delete('kv', key);
  }

  saveCart = (cart: Cart) => this.set('cart', cart);
  loadCart = () => this.get<Cart>('cart');

  /** Queues the finished sale and starts the next one in one transaction: a crash between them cannot lose or repeat it. */
  async finishSale(entry: OutboxEntry, nextCart: Cart): Promise<void> {
    const tx = this.idb.transaction(['outbox', 'kv'], 'readwrite');
    const existing = await tx.objectStore('outbox').index('saleId').get(entry.saleId);
    if (!existing) await tx.objectStore('outbox').add(entry);
    await tx.objectStore('kv').put(nextCart, 'cart');
    await tx.done;
  }

  pending = () => this.idb.getAll('outbox');
  acknowledge = async (seq: number) => this.idb.delete('outbox', seq);
  async reject(entry: OutboxEntry, reason: string): Promise<void> {
    await this.idb.put('outbox', { ...entry, rejected: reason });
  }

  /** The active product with this barcode (an inactive one may still carry it until the next download). */
  async productByBarcode(code: string): Promise<LaneProduct | null> {
    return (await this.idb.getAllFromIndex('products', 'barcodes', code)).find((p) => p.active) ?? null;
  }

  async productByPlu(plu: string): Promise<LaneProduct | null> {
    return (await this.idb.getAllFromIndex('products', 'plu', plu)).find((p) => p.active) ?? null;
  }

  product = async (id: string) => (await this.idb.get('products', id)) ?? null;
  productCount = () => this.idb.count('products');

  /** Up to `limit` cached products in id order after `afterId`, to walk the catalog in small steps. */
  productsAfter(afterId: string | null, limit: number): Promise<LaneProduct[]> {
    return this.idb.getAll('products', afterId === null ? undefined : IDBKeyRange.lowerBound(afterId, true), limit);
  }

  onHand = async (productId: string) => (await this.idb.get('onHand', productId)) ?? null;

  /** Up to `limit` on-hand figures in product id order after `afterId`, to fill memory in small steps. */
  async onHandAfter(afterId: string | null, limit: number): Promise<[string, number][]> {
    const range = afterId === null ? undefined : IDBKeyRange.lowerBound(afterId, true);
    const tx = this.idb.transaction('onHand');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(range, limit), tx.store.getAll(range, limit)]);
    return keys.map((key, i) => [key, values[i] ?? 0]);
  }

  async putOnHand(levels: readonly { productId: string; onHand: number }[]): Promise<void> {
    const tx = this.idb.transaction('onHand', 'readwrite');
    await Promise.all([...levels.map((l) => tx.store.put(l.onHand, l.productId)), tx.done]);
  }

  async putProducts(products: LaneProduct[]): Promise<void> {
    const tx = this.idb.transaction('products', 'readwrite');
    await Promise.all([...products.map((p) => tx.store.put(p)), tx.done]);
  }

  /**
   * Every product in one transaction (the lane's first download): all are cached or, if it fails, none, so the next
   * download starts over. Put in chunks, so scans and painting go on meanwhile.
   */
  async putAllProducts(products: readonly LaneProduct[]): Promise<void> {
    const tx = this.idb.transaction('products', 'readwrite');
    await Promise.all([putInChunks(products, BULK_PUT_CHUNK, (p) => tx.store.put(p)), tx.done]);
  }
}
