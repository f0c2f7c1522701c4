// Statistics for the benchmark scripts: percentiles, medians, run summaries
// and a bootstrap interval for a ratio of medians.

export const sorted = (xs) => [...xs].sort((a, b) => a - b);
export function pct(xs, p) {
  if (!xs.length) return null;
  const s = sorted(xs);
  // nearest-rank percentile
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(s.length, rank) - 1];
}
export function median(xs) {
  if (!xs.length) return null;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const summary = (xs) => ({
  n: xs.length,
  median: median(xs),
  p95: pct(xs, 95),
  min: xs.length ? Math.min(...xs) : null,
  max: xs.length ? Math.max(...xs) : null,
});
/**
 * A 95% bootstrap interval of `stat(...resamples)`: every sample in `samples`
 * is resampled with replacement, `rounds` times, by a fixed-seed generator,
 * so that a report can be reproduced from its raw figures. It says how far
 * the statistic could move from session to session through run-to-run noise
 * alone. Missing runs (null) are left out; null without data.
 */
export function bootstrapInterval(samples, stat, rounds = 2000) {
  samples = samples.map((xs) => xs.filter((x) => x != null));
  if (samples.some((xs) => !xs.length)) return null;
  let seed = 0x2545f491;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const resample = (xs) => xs.map(() => xs[Math.floor(rand() * xs.length)]);
  const values = [];
  for (let i = 0; i < rounds; i++) values.push(stat(...samples.map(resample)));
  return { low: pct(values, 2.5), high: pct(values, 97.5) };
}

/** A 95% bootstrap interval for the ratio of two medians. */
export const ratioInterval = (num, den, rounds = 2000) => bootstrapInterval([num, den], (a, b) => median(a) / median(b), rounds);
/** A 95% bootstrap interval for the difference of two medians (for figures whose baseline is often 0, as TBT). */
export const diffInterval = (num, den, rounds = 2000) => bootstrapInterval([num, den], (a, b) => median(a) - median(b), rounds);
/** A 95% bootstrap interval for one median. */
export const medianInterval = (xs, rounds = 2000) => bootstrapInterval([xs], median, rounds);

/** An interval from ratioInterval as text, e.g. "1.12–1.33×". */
export const formatInterval = (ci) => (ci ? `${ci.low.toFixed(2)}–${ci.high.toFixed(2)}×` : 'n/a');
