// Loader A/B: the first paint and time to ready of the demo post with
// different loaders in place of embed.js, against the static page, in one
// session of alternating runs (sessions differ by more than the FCP budget
// allows, so variants are only comparable within one).
//
//   node bench/loader-ab.mjs [--runs N] [name=path/to/loader.js ...]
//
// Without variants it compares the stand-ins in bench/loaders/ (a module that
// does nothing; the element's definition alone) with the shipped loader.
// Every variant is served from its own copy of the release dist/, with its
// loader as embed.js; the shipped one is dist/ as it is. A stand-in that
// needs the wasm's hashed name can write __WASM__. (The release build writes
// the glue and the CSS into embed.js: a stand-in that starts the widget is
// best made as a patched copy of dist/embed.js.)
// Needs dist/ and bench/pages/static.html (both made by scripts/bench).
// Prints a table and writes bench/tmp/loader-ab.md.

import path from 'node:path';
import { promises as fs, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from '../e2e/lib/browser.mjs';
import { startServer } from '../e2e/lib/server.mjs';
import { formatInterval, median, ratioInterval } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = process.env.BACKWISE_DIST ? path.resolve(process.env.BACKWISE_DIST) : path.join(here, '..', 'dist');
const STATIC_PAGE = path.join(here, 'pages', 'static.html');
const ROOT = path.join(here, 'tmp', 'ab');
// As in bench/run.mjs.
const VIEWPORT = { width: 1000, height: 800 };
// Long enough after load for the widget to be ready and FCP to be reported.
const SETTLE_MS = 800;

function parseArgs(argv) {
  const o = { runs: 40, variants: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') o.runs = Number(argv[++i]);
    else if (/^[\w-]+=/.test(argv[i])) {
      const [name, file] = argv[i].split(/=(.*)/s);
      o.variants.push({ name, file: path.resolve(file) });
    } else throw new Error(`loader-ab: unknown argument ${argv[i]}`);
  }
  if (!o.variants.length) {
    o.variants = ['empty', 'define-only'].map((name) => ({ name, file: path.join(here, 'loaders', `${name}.js`) }));
  }
  if (!(o.runs > 0)) throw new Error('loader-ab: --runs needs a positive number');
  return o;
}

/** The wasm's hashed file name in this build, from the shipped loader. */
async function buildNames() {
  const loader = await fs.readFile(path.join(DIST, 'embed.js'), 'utf8');
  const find = (re, what) => {
    const m = loader.match(re);
    if (!m) throw new Error(`loader-ab: no hashed ${what} name in ${DIST}/embed.js: is it a release build? (./scripts/release-build; trunk serve writes a dev build there)`);
    return m[0];
  };
  return {
    __WASM__: find(/backwise-[0-9a-f]+_bg\.wasm/, 'wasm'),
  };
}

async function preparePages(variants) {
  for (const need of [path.join(DIST, 'index.html'), STATIC_PAGE]) {
    if (!existsSync(need)) throw new Error(`loader-ab: ${need} is missing; run ./scripts/bench first`);
  }
  const names = await buildNames();
  await fs.rm(ROOT, { recursive: true, force: true });
  await fs.cp(DIST, path.join(ROOT, 'shipped'), { recursive: true });
  await fs.copyFile(STATIC_PAGE, path.join(ROOT, 'shipped', 'static.html'));
  for (const v of variants) {
    const source = await fs.readFile(v.file, 'utf8');
    await fs.cp(DIST, path.join(ROOT, v.name), { recursive: true });
    await fs.writeFile(path.join(ROOT, v.name, 'embed.js'), source.replace(/__WASM__/g, names.__WASM__));
  }
}

// Runs before any page script. Nothing is evaluated in the page until the
// settle time is over: Playwright's own evaluation would take main-thread
// time in the middle of what is measured.
function recorder() {
  const b = (window.__ab = { fcp: null, ready: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  document.addEventListener('backwise-ready', () => (b.ready ??= performance.now()), true);
}

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(recorder);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return await page.evaluate(() => window.__ab);
  } finally {
    await context.close();
  }
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  await preparePages(opt.variants);
  const pages = [
    { name: 'static page', path: 'shipped/static.html' },
    ...opt.variants.map((v) => ({ name: v.name, path: `${v.name}/index.html` })),
    { name: 'shipped loader', path: 'shipped/index.html' },
  ];
  const srv = await startServer({ root: ROOT, requireRoot: false });
  const browser = await launch();
  const runs = new Map(pages.map((p) => [p.name, []]));
  try {
    // One discarded warm-up round: first navigations pay for browser start-up.
    for (const p of pages) await measure(browser, srv.url + p.path);
    for (let i = 0; i < opt.runs; i++) {
      for (const p of pages) runs.get(p.name).push(await measure(browser, srv.url + p.path));
      if ((i + 1) % 10 === 0 || i + 1 === opt.runs) console.log(`loader-ab: round ${i + 1} of ${opt.runs}`);
    }
  } finally {
    await browser.close();
    await srv.close();
  }

  const staticFcp = runs.get('static page').map((r) => r.fcp);
  const base = median(staticFcp.filter((x) => x != null));
  const ci = (xs) => formatInterval(ratioInterval(xs, staticFcp));
  const out = [
    '# Loader A/B',
    '',
    `${opt.runs} rounds; each round loads every page once, in this order, in a fresh browser context. Medians; ratios to the static page's FCP, with bootstrap 95% intervals.`,
    '',
    '| Page | FCP | FCP ratio | Ready | Ready / static FCP |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const p of pages) {
    const rs = runs.get(p.name);
    const fcps = rs.map((r) => r.fcp).filter((x) => x != null);
    const readies = rs.map((r) => r.ready).filter((x) => x != null);
    const fcp = median(fcps);
    const ready = readies.length === rs.length ? median(readies) : null;
    out.push(
      `| ${p.name} | ${fcp} ms | ${(fcp / base).toFixed(3)}× (${ci(fcps)}) | ` +
        `${ready == null ? (readies.length ? `${readies.length} of ${rs.length} runs` : '–') : `${ready.toFixed(1)} ms`} | ` +
        `${ready == null ? '–' : `${(ready / base).toFixed(2)}× (${ci(readies)})`} |`,
    );
  }
  const text = out.join('\n') + '\n';
  await fs.writeFile(path.join(here, 'tmp', 'loader-ab.md'), text);
  console.log(text);
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
