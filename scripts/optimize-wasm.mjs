// The release wasm optimization, run from Trunk's post_build hook for the
// widget (scripts/post-build.mjs) and for the benchmark's Yew floor
// (bench/floor/Trunk.toml), so that both get exactly the same passes.
//
// Trunk's own step is off (`data-wasm-opt="0"`): it can only pass a level,
// and these passes, measured on this widget, are 1.5% smaller in brotli and
// gzip than `wasm-opt -Oz` alone (bench/SAVINGS.md):
//   --flatten --rereloop      restructure control flow so -Oz finds more to fold
//   --merge-similar-functions one body for generic copies that differ only in constants
//   -Oz -Oz --converge        the size pipeline, then again until it stops shrinking
//
//   node scripts/optimize-wasm.mjs FILE.wasm     (or import { optimizeWasm })
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// binaryen from npm (scripts/setup.sh); Debian's wasm-opt is too old for rustc 1.95.
const local = path.join(root, 'node_modules', '.bin', 'wasm-opt');
const wasmOpt = existsSync(local) ? local : 'wasm-opt';

// What rustc 1.95's wasm32 target and wasm-bindgen emit.
const FEATURES = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];
export const PASSES = ['--flatten', '--rereloop', '--merge-similar-functions', '-Oz', '-Oz', '--converge'];

// BACKWISE_WASM_NAMES=1 keeps the function names (wasm-opt -g), for a CPU
// profile or twiggy; the code is the same, the file about twice as big.
export function optimizeWasm(file) {
  const before = statSync(file).size;
  execFileSync(wasmOpt, [...FEATURES, ...(process.env.BACKWISE_WASM_NAMES ? ['-g'] : []), ...PASSES, '--strip-producers', '--strip-target-features', file, '-o', file], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return { before, after: statSync(file).size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let file = process.argv[2];
  if (!file) {
    // As a Trunk hook: the one wasm in the staging folder.
    const stage = process.env.TRUNK_STAGING_DIR;
    if (!stage) throw new Error('optimize-wasm: give a .wasm file or run as a Trunk hook');
    if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
    const found = readdirSync(stage).filter((f) => f.endsWith('.wasm'));
    if (found.length !== 1) throw new Error(`optimize-wasm: expected one .wasm in ${stage}, found ${found.length}`);
    file = path.join(stage, found[0]);
  }
  const { before, after } = optimizeWasm(file);
  console.log(`optimize-wasm: ${path.basename(file)} ${before} -> ${after} bytes`);
}
