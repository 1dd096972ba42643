import { describe, expect, it } from 'vitest';
import { putInChunks } from './put-in-chunks';

/** A put that settles only when told, recording what was asked and when. */
function deferredPuts() {
  const asked: number[] = [];
  const pending: (() => void)[] = [];
  const put = (item: number) =>
    new Promise<void>((resolve) => {
      asked.push(item);
      pending.push(resolve);
    });
  const settleAll = () => pending.splice(0).forEach((resolve) => resolve());
  return { asked, put, settleAll };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('putInChunks', () => {
  it('asks for the next chunk only once every put of the one before has succeeded, and puts each item once', async () => {
    const { asked, put, settleAll } = deferredPuts();
    const done = putInChunks([1, 2, 3, 4, 5], 2, put);
    await tick();
    expect(asked).toEqual([1, 2]);
    settleAll();
    await tick();
    expect(asked).toEqual([1, 2, 3, 4]);
    settleAll();
    await tick();
    expect(asked).toEqual([1, 2, 3, 4, 5]);
    settleAll();
    await expect(done).resolves.toBeUndefined();
    expect(asked).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops at the first failed put and rejects with its error', async () => {
    const asked: number[] = [];
    const failure = new Error('quota');
    const put = (item: number) => {
      asked.push(item);
      return item === 2 ? Promise.reject(failure) : Promise.resolve();
    };
    await expect(putInChunks([1, 2, 3, 4], 2, put)).rejects.toBe(failure);
    expect(asked).toEqual([1, 2]);
  });

  it('puts nothing for no items, and refuses a chunk size below one', async () => {
    const { asked, put } = deferredPuts();
    await putInChunks([], 100, put);
    expect(asked).toEqual([]);
    await expect(putInChunks([1], 0, put)).rejects.toThrow(RangeError);
  });
});
