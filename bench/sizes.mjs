// Sizes: every file one widget loads, raw, gzip -9 and brotli q11, and the
// same for the Yew floors the widget is compared with.

import zlib from 'node:zlib';
import path from 'node:path';
import { promises as fs, existsSync } from 'node:fs';

/** A request path that may be a widget file (the demo's own files aside). */
export const WIDGET_FILE_RE = /\.(wasm|js|css|json)$/;

function compressedSizes(buf) {
  const gzip = zlib.gzipSync(buf, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
  return { raw: buf.length, gzip, brotli };
}

export async function sizeFiles(dir, names) {
  const files = [];
  for (const name of names) {
    const buf = await fs.readFile(path.join(dir, name));
    files.push({ file: name, ...compressedSizes(buf) });
  }
  const total = files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}

/** The files one widget loads, by name pattern (cross-checked against the network later). */
export async function widgetFilesByPattern(dist) {
  const all = await fs.readdir(dist);
  const pick = (re) => all.filter((f) => re.test(f));
  return [
    ...pick(/^embed(-[0-9a-f]+)?\.js$/),
    ...pick(/^backwise(-[0-9a-f]+)?\.js$/),
    ...pick(/^backwise(-[0-9a-f]+)?_bg\.wasm$/),
    ...pick(/^widget(-[0-9a-f]+)?\.css$/),
    ...pick(/\.json$/),
  ];
}

export async function floorSizes(dir) {
  if (!existsSync(dir)) throw new Error(`floor build not found at ${dir} (scripts/bench builds it)`);
  const all = await fs.readdir(dir);
  const names = all.filter((f) => /\.(js|wasm)$/.test(f));
  if (!names.some((f) => f.endsWith('.wasm'))) throw new Error(`no .wasm in ${dir}`);
  return sizeFiles(dir, names);
}


/**
 * The sizes of the files a widget page requested (`observedRequests`, paths
 * from the startup runs), checked against the list by name pattern. When
 * they differ the network is the truth: the widget's sizes are taken again
 * from exactly what was loaded. Updates `sizes` in place.
 */
export async function crossCheckSizes(sizes, observedRequests, byPattern, dist) {
  const seen = [...new Set(observedRequests.map((p) => p.replace(/^\//, '')))].filter(
    (p) => WIDGET_FILE_RE.test(p) && !/^demo/.test(p) && p !== 'index.html' && p !== 'favicon.ico',
  );
  sizes.observed = seen;
  sizes.observedMatchesPattern = seen.length === byPattern.length && seen.every((f) => byPattern.includes(f));
  if (!sizes.observedMatchesPattern && seen.every((f) => existsSync(path.join(dist, f)))) {
    sizes.widget = await sizeFiles(dist, seen);
    sizes.floorRatio = sizes.floor ? sizes.widget.total.brotli / sizes.floor.total.brotli : null;
  }
}
