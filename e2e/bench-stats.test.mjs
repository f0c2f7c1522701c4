// The statistics behind bench/REPORT.md's timing ratios (bench/stats.mjs).
// Plain Node, no browser: the report's PASS/FAIL and its intervals are only
// as good as these.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { median, pct, ratioInterval } from '../bench/stats.mjs';

test('median and nearest-rank percentiles', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([]), null);
  const xs = Array.from({ length: 20 }, (_, i) => i + 1);
  assert.equal(pct(xs, 95), 19);
  assert.equal(pct(xs, 100), 20);
  assert.equal(pct(xs, 0), 1);
});

test('the ratio interval of constant samples is the ratio itself', () => {
  const ci = ratioInterval([80, 80, 80, 80], [64, 64, 64]);
  assert.deepEqual(ci, { low: 1.25, high: 1.25 });
});

test('the ratio interval spans 1 for two draws from one distribution, and leaves it for a real gap', () => {
  const a = [64, 68, 72, 64, 68, 76, 60, 68, 72, 64, 68, 72, 80, 64, 68];
  const b = [68, 64, 72, 68, 64, 72, 68, 76, 60, 68, 64, 72, 68, 64, 80];
  const same = ratioInterval(a, b);
  assert.ok(same.low < 1 && same.high > 1, `expected an interval around 1, got ${JSON.stringify(same)}`);
  const shifted = a.map((x) => x + 16);
  const later = ratioInterval(shifted, b);
  assert.ok(later.low > 1, `expected an interval above 1, got ${JSON.stringify(later)}`);
  const ratio = median(shifted) / median(b);
  assert.ok(later.low <= ratio && later.high >= ratio);
});

test('the ratio interval ignores missing runs, and is null without data', () => {
  assert.deepEqual(ratioInterval([80, null, 80], [64, 64, null]), { low: 1.25, high: 1.25 });
  assert.equal(ratioInterval([null], [64]), null);
  assert.equal(ratioInterval([80], []), null);
});

test('the same data give the same interval (a report can be checked from its raw figures)', () => {
  const a = [70, 74, 78, 82, 90, 66];
  const b = [60, 64, 68, 72, 64, 70];
  assert.deepEqual(ratioInterval(a, b), ratioInterval(a, b));
});

test('the note on slow interactions names each one, marks the first of a page load, and counts what the p98 allows', async () => {
  const { slowInteractionsNote } = await import('../bench/report.mjs');
  const { censoredPct } = await import('../bench/events.mjs');
  const quick = (label, kind = 'placement') => ({ kind, label, duration: 24 });
  const samples = [
    { kind: 'button', label: 'Quiz tab', duration: 112 },
    ...Array.from({ length: 120 }, () => quick('Put … in …')),
    { kind: 'check', label: 'Check answers', duration: 40 },
    { kind: 'check', label: 'Check answers', duration: 56 },
    ...Array.from({ length: 8 }, () => quick('stack swipe', 'swipe')),
  ];
  assert.equal(samples.length, 131);
  const note = slowInteractionsNote({ throttle: 4, samples }, 50);
  assert.match(note, /2 of 131 interactions took longer than 50 ms/);
  assert.match(note, /Quiz tab 112 ms \(the first of the page load\); Check answers 56 ms\./);
  assert.match(note, /the 3rd longest, so it stays within 50 ms only if at most 2 of them take longer/);
  // What the note says the p98 allows is what the p98 does.
  const durations = samples.map((s) => s.duration);
  assert.ok(censoredPct(durations, 98) <= 50);
  durations[5] = 64;
  assert.ok(censoredPct(durations, 98) > 50);
  assert.equal(slowInteractionsNote({ throttle: 1, samples: samples.map(() => quick('Next', 'deck')) }, 50), null);
});
