// Size guard on the release build from scripts/release-build (sizes are
// deterministic; timings live in the benchmark only). PRODUCT.md: what one
// widget loads is at most 100 KB brotli and 120 KB gzip, with at least 3 KB
// of headroom kept for the next feature, so the brotli limit is 97 KB. It
// prints each file, the totals and the headroom left.
//
// BACKWISE_BUILD=stable checks the plain stable build instead (no unstable
// compiler options; scripts/release-build), against its own limit of 115 KB
// brotli: bigger, because a panic there keeps its message and formatting.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { REPO_ROOT } from './lib/browser.mjs';

const DIST = process.env.BACKWISE_DIST || path.join(REPO_ROOT, 'dist');
/** Everything one widget loads: the loader (with the glue and the CSS written
 * into it by the release build) and the wasm (with the built-in deck), which
 * has a content-hashed name. */
const PATTERNS = [/^embed\.js$/, /^backwise-[0-9a-f]{16}_bg\.wasm$/];

function widgetFiles() {
  assert.ok(existsSync(DIST), `${DIST} is missing: run ./scripts/release-build first`);
  const all = readdirSync(DIST);
  return PATTERNS.map((re) => {
    const found = all.filter((f) => re.test(f));
    assert.equal(found.length, 1, `exactly one file in dist/ matches ${re} (found ${found.join(', ') || 'none'})`);
    return found[0];
  });
}
const KB = 1024;
const STABLE = process.env.BACKWISE_BUILD === 'stable';
const HEADROOM = 3 * KB;
const BUDGET = STABLE ? { brotli: 115 * KB } : { brotli: 100 * KB, gzip: 120 * KB };
const LIMIT = STABLE ? BUDGET : { brotli: BUDGET.brotli - HEADROOM, gzip: BUDGET.gzip };

function sizes() {
  const rows = widgetFiles().map((name) => {
    const file = path.join(DIST, name);
    const raw = readFileSync(file);
    return {
      name,
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`;

test(`what one widget loads is within the size budget (${STABLE ? 'plain stable build' : 'release build, with 3 KB headroom'})`, () => {
  const { rows, total } = sizes();
  for (const r of rows) console.log(`size: ${r.name.padEnd(34)} raw ${kb(r.raw)}  gzip ${kb(r.gzip)}  brotli ${kb(r.brotli)}`);
  console.log(`size: ${'total'.padEnd(34)} raw ${kb(total.raw)}  gzip ${kb(total.gzip)}  brotli ${kb(total.brotli)}`);
  for (const kind of Object.keys(BUDGET)) {
    const verdict = total[kind] <= LIMIT[kind] ? 'PASS' : 'FAIL';
    console.log(`size: ${kind} ${kb(total[kind])} of the ${kb(BUDGET[kind])} budget: ${kb(BUDGET[kind] - total[kind])} headroom`
      + ` (limit ${kb(LIMIT[kind])}): ${verdict}`);
  }
  for (const kind of Object.keys(BUDGET)) {
    assert.ok(total[kind] <= LIMIT[kind],
      `${kind} total ${kb(total[kind])} is over the limit of ${kb(LIMIT[kind])} (budget ${kb(BUDGET[kind])}; built with ./scripts/release-build?)`);
  }
});

test('the release folder is minified and hashed: one loader with the glue and CSS in it, no symbol names', () => {
  const { rows } = sizes();
  const loader = readFileSync(path.join(DIST, 'embed.js'), 'utf8');
  // The glue and the CSS are bundled into the loader (scripts/post-build.mjs), minified:
  // unminified, the glue alone is about 45 KB.
  assert.ok(rows[0].raw < 30 * KB, `embed.js is ${kb(rows[0].raw)}: was the post-build minifier skipped?`);
  assert.match(loader, /\.instantiate\(/, 'the glue is in embed.js');
  assert.match(loader, /\.error-card\{/, 'the widget CSS is in embed.js');
  assert.doesNotMatch(loader, /widget\.css|backwise\.js/, 'embed.js still loads the glue or the CSS');
  // V8 reads its compile hint only at the very top of the file.
  assert.ok(loader.startsWith('//# allFunctionsCalledOnLoad\n'), "embed.js does not start with V8's compile hint");
  // Its one dynamic import is the on-demand module's (a deck at a URL, or printing the sheet).
  const imports = loader.match(/\bimport\([^)]*\)/g) ?? [];
  assert.equal(imports.length, 1, `embed.js imports only the on-demand module: ${imports.join(', ')}`);
  assert.match(imports[0], /"\.\/extras-[0-9a-f]{16}\.js"/, 'the on-demand module has a content-hashed name');
  const leftovers = readdirSync(DIST).filter((f) => /^backwise.*\.js$|^widget.*\.css$/.test(f));
  assert.deepEqual(leftovers, [], 'the glue and the CSS are not shipped as files of their own');
  assert.match(loader, new RegExp(`["'\`]${rows[1].name.replace('.', '\\.')}["'\`]`), 'embed.js names the hashed wasm');
  const wasm = readFileSync(path.join(DIST, rows[1].name));
  // A release build through wasm-opt has no name section left.
  assert.equal(wasm.includes(Buffer.from('backwise::components')), false, 'the wasm still carries Rust symbol names');
});

// A widget with a deck at a URL, or a reader who prints the take-home sheet,
// also loads the on-demand module (crates/extras): the JSON parser, the
// validator and the sheet, which most readers never need. Reported here,
// beside the budget, which PRODUCT.md sets for the built-in deck.
test('the on-demand module is reported, and loaded only when needed', { skip: STABLE }, () => {
  const names = readdirSync(DIST).filter((f) => /^extras-[0-9a-f]{16}(?:\.js|_bg\.wasm)$/.test(f)).sort();
  assert.equal(names.length, 2, `the on-demand module's glue and wasm in dist/ (found ${names.join(', ') || 'none'})`);
  let brotli = 0;
  for (const name of names) {
    const raw = readFileSync(path.join(DIST, name));
    const size = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    brotli += size;
    console.log(`size: ${name.padEnd(34)} raw ${kb(raw.length)}  brotli ${kb(size)} (a deck at a URL, or printing)`);
  }
  const widget = sizes().total.brotli;
  console.log(`size: a widget that also loads the on-demand module loads ${kb(widget + brotli)} brotli, plus the deck`);
  const wasm = readFileSync(path.join(DIST, names.find((n) => n.endsWith('.wasm'))));
  assert.equal(wasm.includes(Buffer.from('backwise_core::')), false, 'the on-demand module still carries Rust symbol names');
});
