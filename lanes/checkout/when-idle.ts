/** Runs `work` when the main thread is idle (at the latest after 250 ms); returns a function that cancels it. */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 250 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 10);
  return () => clearTimeout(handle);
}
