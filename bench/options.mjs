// The benchmark's settings: where things are, the command line, the budgets
// it judges, and the fixed conditions every run shares.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
export const DIST_SRC = process.env.BACKWISE_DIST ? path.resolve(process.env.BACKWISE_DIST) : path.join(ROOT, 'dist');
export const PAGES = path.join(BENCH_DIR, 'pages');
export const TMP = path.join(BENCH_DIR, 'tmp');

/** The options of one run, from the command line (`process.argv.slice(2)`). */
export function parseArgs(argv) {
  const o = {
    runs: Number(process.env.BENCH_RUNS || 60),
    throttledRuns: Number(process.env.BENCH_THROTTLED_RUNS || 15),
    steps: 300,
    // Also timed, for information: inputs this far apart, as a reader's are.
    pacedSteps: 100,
    pacedGapMs: 50,
    // And the two heaviest quiz actions, Check answers and Try again, this many times each.
    checkRounds: 10,
    memoryInteractions: 2000,
    mountCycles: 50,
    offscreenRuns: 5,
    floor: path.join(TMP, 'floor-dist'),
    featuresFloor: path.join(TMP, 'floor-features-dist'),
    fallback: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--runs') o.runs = Number(next());
    else if (a === '--throttled-runs') o.throttledRuns = Number(next());
    else if (a === '--steps') o.steps = Number(next());
    else if (a === '--floor') o.floor = path.resolve(next());
    else if (a === '--features-floor') o.featuresFloor = path.resolve(next());
    else if (a === '--fallback') o.fallback = path.resolve(next());
    else if (a === '--only') o.only = next().split(',');
    else if (a === '--rewrite') o.rewrite = true;
    else if (a === '--quick') Object.assign(o, { runs: 3, throttledRuns: 2, steps: 40, pacedSteps: 10, checkRounds: 2, memoryInteractions: 200, mountCycles: 5, offscreenRuns: 2 });
    else throw new Error(`bench: unknown argument ${a}`);
  }
  return o;
}

export const KB = 1024; // 1 KB = 1024 bytes throughout
export const BUDGET = {
  brotliKB: 90,
  gzipKB: 110,
  fcpRatio: 1.05,
  ttiRatio: 1.6,
  interactionP95Ms: 4,
  cls: 0,
  floorRatioGoal: 1.6,
};
// The slow-device startup series runs with the CPU this many times slower.
export const CPU_THROTTLE = 4;
export const VIEWPORT = { width: 1000, height: 800 };
// How far below the fold the lazy-start page puts its second instance.
export const OFFSCREEN_PX = 3000;
// How long to sample the CPU before the timed runs (see cpuBusy in machine.mjs).
export const CPU_SAMPLE_MS = 3000;
