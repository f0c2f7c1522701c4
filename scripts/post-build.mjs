// Trunk post_build hook (Trunk.toml), run on the staging folder before it
// becomes dist/. Trunk has already built the wasm, run wasm-bindgen and, in a
// release build, wasm-opt (index.html gives the passes). Each step below is a
// plain call of a standard tool:
//
//  1. Release: binaryen's `--minify-imports-and-exports-and-modules` pass
//     gives the wasm's imports and exports short names and prints the mapping
//     it used. wasm-bindgen names each import after its JS function plus a
//     hash, spelled in the wasm and again in the glue, and the hashes do not
//     compress (bench/DECISIONS.md, "Short wasm names": about 3.5 KB brotli).
//     The same call runs `-Oz` once more, which still folds about 0.5 KB
//     brotli after Trunk's passes (bench/DECISIONS.md, "wasm-opt passes").
//  2. Release: the wasm gets a content-hashed name (node:crypto), so that it
//     can be cached forever; embed.js keeps its name, so a blogger's tag
//     never changes.
//  3. esbuild bundles embed.js (the loader, copied here from embed/) with
//     what it imports: the wasm-bindgen glue (backwise.js), the crate's JS
//     snippets, and the widget's CSS as a string. `BACKWISE_WASM` is defined
//     as the wasm's file name. In a release build esbuild also minifies the
//     bundle, the CSS and frame.js, and renames the glue's import and export
//     properties with the mapping from step 1 (esbuild's `mangleProps`, given
//     that mapping as its `mangleCache`). The bundle starts with V8's
//     compile hint comment, so that its functions compile off the main
//     thread. A page then loads two files for a widget: embed.js and the
//     wasm.
//  4. The on-demand module (crates/extras: the deck checker and the
//     take-home sheet), which the widget loads only for a deck at a URL or
//     to print the sheet: cargo builds it with the same profile and flags as the
//     widget (scripts/release-build sets them), wasm-bindgen writes its glue,
//     wasm-opt optimizes the release wasm, esbuild minifies the glue, and
//     both files get content-hashed names, which embed.js is told
//     (`BACKWISE_EXTRAS_JS`, `BACKWISE_EXTRAS_WASM`).
//  5. The glue, the snippets and the CSS file are removed: they live in
//     embed.js now.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run it through trunk)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';
const file = (name) => path.join(stage, name);

/** Renames `name` to `<stem>-<hash><suffix>` and returns the new name. */
async function withContentHash(name, suffix) {
  const hash = createHash('sha256').update(await readFile(file(name))).digest('hex').slice(0, 16);
  const hashed = name.replace(suffix, `-${hash}${suffix}`);
  await rename(file(name), file(hashed));
  return hashed;
}

/**
 * Step 1: short import, export and module names in the wasm, in place, and
 * one more `-Oz`.
 * Returns the renames as esbuild's mangle cache ({ old: new }).
 */
async function minifyWasmNames(name) {
  const wasm = file(name);
  const mapping = JSON.parse(execFileSync('wasm-opt', [
    '--minify-imports-and-exports-and-modules', '-Oz', '--strip-producers', '--strip-target-features', wasm, '-o', wasm,
  ], { encoding: 'utf8' }));
  const renames = {};
  for (const [, from, to] of mapping.imports) renames[from] = to;
  for (const [from, to] of mapping.exports) renames[from] = to;
  // The pass does not list the module's new name; the wasm itself says it.
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(await readFile(wasm)));
  const modules = new Set(imports.map((i) => i.module));
  if (modules.size !== 1) throw new Error(`post-build: expected one import module, found ${[...modules].join(', ')}`);
  renames['./backwise_bg.js'] = [...modules][0];
  return renames;
}

/** Step 4: the on-demand module's glue and wasm in the staging folder; returns their names. */
async function buildExtras() {
  const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
  const cargo = (args) => execFileSync('cargo', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  cargo(['build', '--locked', '-p', 'backwise-extras', '--target', 'wasm32-unknown-unknown', ...(release ? ['--release'] : [])]);
  const targetDir = JSON.parse(cargo(['metadata', '--format-version', '1', '--no-deps'])).target_directory;
  const built = path.join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'backwise_extras.wasm');
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', stage, '--out-name', 'extras', built], { stdio: 'inherit' });
  if (!release) return { js: 'extras.js', wasm: 'extras_bg.wasm' };
  const wasm = file('extras_bg.wasm');
  execFileSync('wasm-opt', ['-Oz', '--converge', '--strip-debug', '--strip-producers', '--strip-target-features', wasm, '-o', wasm], { stdio: 'inherit' });
  await esbuild.build({
    entryPoints: [file('extras.js')],
    outfile: file('extras.js'),
    allowOverwrite: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return { js: await withContentHash('extras.js', '.js'), wasm: await withContentHash('extras_bg.wasm', '_bg.wasm') };
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const renames = release ? await minifyWasmNames('backwise_bg.wasm') : {};
const wasmName = release ? await withContentHash('backwise_bg.wasm', '_bg.wasm') : 'backwise_bg.wasm';
const extras = await buildExtras();

if (release) {
  await esbuild.build({
    entryPoints: [file('widget.css')],
    outfile: file('widget.css'),
    allowOverwrite: true,
    minify: true,
    logLevel: 'warning',
  });
}

await esbuild.build({
  entryPoints: [file('embed.js')],
  outfile: file('embed.js'),
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  target: 'es2020',
  loader: { '.css': 'text' },
  define: {
    BACKWISE_WASM: JSON.stringify(wasmName),
    BACKWISE_EXTRAS_JS: JSON.stringify(`./${extras.js}`),
    BACKWISE_EXTRAS_WASM: JSON.stringify(extras.wasm),
  },
  minify: release,
  ...(release && {
    mangleProps: new RegExp(`^(?:${Object.keys(renames).map(escapeRegExp).join('|')})$`),
    mangleQuoted: true,
    mangleCache: renames,
  }),
  legalComments: 'none',
  // V8's explicit compile hint (Chrome 136 and later; to other engines it
  // is a comment): compile every function of the bundle on a background
  // thread when the module loads, not each one on the main thread at its
  // first call. The widget's first render calls most of the glue for the
  // first time (bench/DECISIONS.md, "The bundle compiled when it loads").
  banner: { js: '//# allFunctionsCalledOnLoad' },
  logLevel: 'warning',
});

if (release) {
  await esbuild.build({
    entryPoints: [file('frame.js')],
    outfile: file('frame.js'),
    allowOverwrite: true,
    minify: true,
    target: 'es2020',
    logLevel: 'warning',
  });
}

await Promise.all(['backwise.js', 'widget.css', 'snippets'].map((name) => rm(file(name), { recursive: true, force: true })));
console.log(`post-build: embed.js bundled (${release ? 'minified' : 'readable'}), wasm ${wasmName}, on-demand module ${extras.js} and ${extras.wasm}`);
