// Trunk post_build hook (see Trunk.toml): runs on the staging folder before
// it becomes dist/.
//  - Release: minifies the wasm-bindgen glue and the hand-written loaders with
//    terser (Trunk's own JS minifier fails on the glue's `export default`),
//    and the widget's stylesheet with csso (Trunk copies it verbatim).
//  - Release: optimizes the wasm (scripts/optimize-wasm.mjs; Trunk's own
//    wasm-opt step is off).
//  - Release: renames the wasm's imports, and the exports only the glue
//    calls, to short names, in the wasm and the glue (scripts/short-imports.mjs).
//  - Release: writes the crate's JS snippets (wasm-bindgen's `snippets/`)
//    into the glue (scripts/inline-glue.mjs).
//  - Release: gives the wasm a content-hashed name (safe to cache forever)
//    and points embed.js at it, and writes the glue and the widget CSS into
//    embed.js (scripts/inline-glue.mjs), so that a page makes two requests
//    for a widget: embed.js, which keeps its name so bloggers' tags never
//    change, and the wasm.
//  - Removes Trunk's leftover `<link rel="rust">` from the built HTML.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify as minifyCss } from 'csso';
import { minify } from 'terser';

import { glueAsExpression, inlineSnippets, replaceOnce } from './inline-glue.mjs';
import { optimizeWasm } from './optimize-wasm.mjs';
import { shortenExports, shortenImports } from './short-imports.mjs';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const file = (name) => path.join(stage, name);

async function minifyJs(name, transform = (s) => s) {
  const source = transform(await readFile(file(name), 'utf8'));
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  await writeFile(file(name), result.code);
}

/** Comments and whitespace out; no restructuring (measured smaller here, and safer). */
async function minifyStylesheet(name) {
  const source = await readFile(file(name), 'utf8');
  await writeFile(file(name), minifyCss(source, { restructure: false }).css);
}

/** Renames `name` to `<stem>-<hash><ext>` and returns the new name. */
async function hashName(name, suffix) {
  const bytes = await readFile(file(name));
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const hashed = name.replace(suffix, `-${hash}${suffix}`);
  await rename(file(name), file(hashed));
  return hashed;
}

if (process.env.TRUNK_PROFILE === 'release' && !process.env.BACKWISE_RELEASE_BUILD) {
  console.warn('post-build: a plain `trunk build --release` works, but its wasm keeps Rust\'s panic machinery and is'
    + ' about 10 KB (brotli) over the size budget; ./scripts/release-build makes the folder to ship (README, bench/SAVINGS.md)');
}

if (process.env.TRUNK_PROFILE === 'release') {
  // The crate's own JS (src/hooks/store.js) into the glue, which then goes
  // into embed.js: no request for it either.
  await minifyJs('backwise.js', (glue) => inlineSnippets(glue, (f) => readFileSync(file(f), 'utf8')).glue);
  await rm(file('snippets'), { recursive: true, force: true });
  await minifyStylesheet('widget.css');
  optimizeWasm(file('backwise_bg.wasm'));
  const imported = shortenImports(
    await readFile(file('backwise_bg.wasm')),
    await readFile(file('backwise.js'), 'utf8'),
  );
  const shortened = shortenExports(imported.wasm, imported.glue);
  console.log(`post-build: short names for ${imported.renamed} imports and ${shortened.renamed} exports`);
  await writeFile(file('backwise_bg.wasm'), shortened.wasm);
  // The wasm gets a content-hashed name (safe to cache forever). The glue and
  // the CSS go into embed.js, which keeps its name: see embed.js and
  // scripts/inline-glue.mjs.
  const wasmName = await hashName('backwise_bg.wasm', '_bg.wasm');
  const glue = glueAsExpression(shortened.glue);
  const css = await readFile(file('widget.css'), 'utf8');
  await minifyJs('embed.js', (source) => {
    let out = replaceOnce(source, "here('backwise_bg.wasm')", `here('${wasmName}')`);
    out = replaceOnce(out, "here('backwise.js')", 'import.meta.url');
    out = replaceOnce(out, 'import(glueUrl)', `Promise.resolve(${glue.expression})`);
    return replaceOnce(out, "fetchText(here('widget.css'))", `Promise.resolve(${JSON.stringify(css)})`);
  });
  await rm(file('backwise.js'));
  await rm(file('widget.css'));
  await minifyJs('frame.js');
}

const html = file('index.html');
const page = await readFile(html, 'utf8');
await writeFile(html, page.replace(/<link[^>]*\brel="?rust"?[^>]*>/g, ''));
