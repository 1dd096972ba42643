import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { probeServer, watchReachability } from './reachability';

class FakeEvents {
  private listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(listener));
  }
  removeEventListener(type: string, listener: () => void) {
    this.listeners.get(type)?.delete(listener);
  }
  fire(type: 'online' | 'offline') {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
  count() {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
}

/** A probe the test answers by hand, one call at a time. */
function manualProbe() {
  const pending: ((reachable: boolean) => void)[] = [];
  const probe = vi.fn(() => new Promise<boolean>((resolve) => pending.push(resolve)));
  const answer = async (reachable: boolean) => {
    const next = pending.shift();
    if (!next) throw new Error('no probe is waiting');
    next(reachable);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { probe, answer, waiting: () => pending.length };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('probeServer', () => {
  it('is reachable when the health check answers ok, not when it answers 503 or the request fails', async () => {
    expect(await probeServer(async () => ({ ok: true }))).toBe(true);
    expect(await probeServer(async () => ({ ok: false }))).toBe(false);
    expect(await probeServer(async () => Promise.reject(new TypeError('Failed to fetch')))).toBe(false);
  });

  it('asks without caching and gives up after the timeout', async () => {
    let init: RequestInit | undefined;
    const hanging = (_url: string, given: RequestInit) => {
      init = given;
      return new Promise<{ ok: boolean }>((_resolve, reject) =>
        given.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    };
    const result = probeServer(hanging, '/api/health', 2_500);
    expect(init?.cache).toBe('no-store');
    await vi.advanceTimersByTimeAsync(2_499);
    expect(init?.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toBe(false);
  });
});

describe('watchReachability', () => {
  it('probes at once and every interval, and reports only changes', async () => {
    const { probe, answer } = manualProbe();
    const changes: boolean[] = [];
    const watch = watchReachability({
      probe,
      onChange: (r) => changes.push(r),
      events: new FakeEvents(),
      intervalMs: 3_000,
    });
    expect(probe).toHaveBeenCalledTimes(1);
    await answer(true);
    await vi.advanceTimersByTimeAsync(3_000);
    await answer(true);
    await vi.advanceTimersByTimeAsync(3_000);
    await answer(false);
    await vi.advanceTimersByTimeAsync(3_000);
    await answer(false);
    expect(probe).toHaveBeenCalledTimes(4);
    expect(changes).toEqual([true, false]);
    watch.stop();
  });

  it('goes offline on the browser offline event without a probe, and probes on the online event', async () => {
    const { probe, answer } = manualProbe();
    const events = new FakeEvents();
    const changes: boolean[] = [];
    const watch = watchReachability({ probe, onChange: (r) => changes.push(r), events, intervalMs: 60_000 });
    await answer(true);
    events.fire('offline');
    expect(changes).toEqual([true, false]);
    expect(probe).toHaveBeenCalledTimes(1);
    events.fire('online');
    expect(probe).toHaveBeenCalledTimes(2);
    // The browser has a network again, but the server is still out of reach: the lane stays offline.
    await answer(false);
    expect(changes).toEqual([true, false]);
    events.fire('online');
    await answer(true);
    expect(changes).toEqual([true, false, true]);
    watch.stop();
  });

  it('a failed request does not make the lane offline by itself: recheck probes, and the probe decides', async () => {
    const { probe, answer } = manualProbe();
    const changes: boolean[] = [];
    const watch = watchReachability({
      probe,
      onChange: (r) => changes.push(r),
      events: new FakeEvents(),
      intervalMs: 60_000,
    });
    await answer(true);
    watch.recheck();
    expect(probe).toHaveBeenCalledTimes(2);
    await answer(true);
    expect(changes).toEqual([true]);
    watch.stop();
  });

  it('runs one probe at a time; asks made meanwhile are answered by one more probe afterwards', async () => {
    const { probe, answer, waiting } = manualProbe();
    const changes: boolean[] = [];
    const watch = watchReachability({
      probe,
      onChange: (r) => changes.push(r),
      events: new FakeEvents(),
      intervalMs: 1_000,
    });
    watch.recheck();
    await vi.advanceTimersByTimeAsync(2_000);
    watch.recheck();
    expect(waiting()).toBe(1);
    await answer(false);
    expect(waiting()).toBe(1);
    await answer(true);
    expect(waiting()).toBe(0);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(changes).toEqual([false, true]);
    watch.stop();
  });

  it('after stop, no more probes, events or reports', async () => {
    const { probe, answer } = manualProbe();
    const events = new FakeEvents();
    const changes: boolean[] = [];
    const watch = watchReachability({ probe, onChange: (r) => changes.push(r), events, intervalMs: 1_000 });
    watch.stop();
    await answer(false);
    await vi.advanceTimersByTimeAsync(5_000);
    events.fire('online');
    expect(events.count()).toBe(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(changes).toEqual([]);
  });
});
