// How the benchmark writes its figures, in the report and on the console.
// (Intervals: formatInterval in stats.mjs.)

import { KB } from './options.mjs';

/** `x` rounded to `d` decimals as a number, for report.json; null for no figure. */
export const r1 = (x, d = 1) => (x == null || Number.isNaN(x) ? null : Number(x.toFixed(d)));
export const fmtMs = (x, d = 1) => (x == null ? 'n/a' : `${x.toFixed(d)} ms`);
export const fmtKB = (b) => (b == null ? 'n/a' : `${(b / KB).toFixed(1)} KB`);
export const fmtX = (x) => (x == null ? 'n/a' : `${x.toFixed(2)}×`);
// The budget lines' ratios: at 2 decimals a 1.053× would read as within a 1.05× limit.
export const fmtX3 = (x) => (x == null ? 'n/a' : `${x.toFixed(3)}×`);
export const fmtMB = (b) => (b == null ? 'n/a' : `${(b / (1024 * 1024)).toFixed(2)} MB`);
