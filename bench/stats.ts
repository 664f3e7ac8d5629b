// Small statistics for the benchmarks: medians where noise matters, means where the
// figure is an average by definition (detection latency over a spread of run lengths).

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('mean of no values');
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Rounds for results.json: figures are reported to 0.01, not to float noise. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
