// The benchmark's settings: where things are, the command line, the budgets
// it judges, and the fixed conditions every run shares.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
export const DIST_SRC = process.env.BACKWISE_DIST ? path.resolve(process.env.BACKWISE_DIST) : path.join(ROOT, 'dist');
export const PAGES = path.join(BENCH_DIR, 'pages');
export const TMP = path.join(BENCH_DIR, 'tmp');
// The command that prints the static fallback HTML of the built-in deck
// (with `fallback` appended), the one place the benchmark names the CLI.
// BACKWISE_CLI overrides it, e.g. BACKWISE_CLI='cargo run -q --bin backwise --'.
export const BACKWISE_CLI = (process.env.BACKWISE_CLI || 'cargo run -q -p backwise-cli --').trim().split(/\s+/);

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
    // Lighthouse: rounds of the four pages (demo post and host page, each with
    // the widget and with the fallback alone), in turn.
    lighthouseRuns: Number(process.env.BENCH_LIGHTHOUSE_RUNS || 9),
    // Event Timing: rounds of a reader's interactions, at 1× and at 4× CPU.
    eventRounds: 3,
    // The host page in the real browser: alternating loads with and without the widget.
    hostRuns: 10,
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
    else if (a === '--lighthouse') o.only = ['pages', 'sizes', 'lighthouse'];
    else if (a === '--lighthouse-runs') o.lighthouseRuns = Number(next());
    else if (a === '--quick') Object.assign(o, { runs: 3, throttledRuns: 2, steps: 40, pacedSteps: 10, checkRounds: 2, memoryInteractions: 200, mountCycles: 5, offscreenRuns: 2, lighthouseRuns: 2, eventRounds: 1, hostRuns: 2 });
    else throw new Error(`bench: unknown argument ${a}`);
  }
  return o;
}

export const KB = 1024; // 1 KB = 1024 bytes throughout
// The bars of PRODUCT.md's "Quality bars", as the benchmark reads them.
export const BUDGET = {
  brotliKB: 100,
  gzipKB: 120,
  ttiRatio: 1.6,
  interactionP95Ms: 4,
  cls: 0,
  floorRatioGoal: 1.6,
  // Lighthouse, mobile preset, the demo post against the same post without the embed tag.
  lighthouse: { fcpRatio: 1.05, lcpRatio: 1.05, tbtMs: 10, cls: 0 },
  // Event Timing durations at 4× CPU throttling, p98 of every interaction.
  eventP98Ms: 50,
};

// The slow-device startup series runs with the CPU this many times slower.
export const CPU_THROTTLE = 4;
export const VIEWPORT = { width: 1000, height: 800 };
// How far below the fold the lazy-start page puts its second instance.
export const OFFSCREEN_PX = 3000;
// How long to sample the CPU before the timed runs (see cpuBusy in machine.mjs).
export const CPU_SAMPLE_MS = 3000;
