export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? Number.NaN;
}

export async function timeRuns(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    timings.push(performance.now() - started);
  }
  return timings.sort((a, b) => a - b);
}

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
