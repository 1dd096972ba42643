/**
 * Issues `put` for every item, `chunkSize` at a time, waiting for a chunk's puts before the next: inside one
 * IndexedDB transaction this keeps the transaction alive (a new request is made as the last one succeeds) while the
 * main thread is free between chunks to handle scans and paint. Rejects with the first failed put.
 */
export async function putInChunks<T>(
  items: readonly T[],
  chunkSize: number,
  put: (item: T) => Promise<unknown>,
): Promise<void> {
  if (!(chunkSize >= 1)) throw new RangeError(`chunkSize must be at least 1, not ${chunkSize}`);
  for (let start = 0; start < items.length; start += chunkSize) {
    await Promise.all(items.slice(start, start + chunkSize).map(put));
  }
}
