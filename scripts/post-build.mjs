// Trunk post_build hook (see Trunk.toml): runs on the staging folder before
// it becomes dist/.
//  - Minifies the wasm-bindgen glue and the hand-written loaders with terser
//    (Trunk's own JS minifier fails on the glue's `export default`).
//  - Removes Trunk's leftover `<link rel="rust">` from the built HTML.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify } from 'terser';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';

if (release) {
  for (const name of ['backwise.js', 'embed.js', 'frame.js']) {
    const file = path.join(stage, name);
    const source = await readFile(file, 'utf8');
    const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    await writeFile(file, result.code);
  }
}

const html = path.join(stage, 'index.html');
const page = await readFile(html, 'utf8');
await writeFile(html, page.replace(/<link[^>]*\brel="?rust"?[^>]*>/g, ''));
