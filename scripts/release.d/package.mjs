// Writes the release files from a built static folder (scripts/release
// calls this after the build; see there for the command line).
//
//   node scripts/release.d/package.mjs --version 0.1.0 --dist dist --fallback FILE --out release
//
// Writes into --out:
//   backwise-<v>.zip            backwise/: the static folder, fallback/, LICENSE, EMBED.md
//   backwise-widget-<v>/        an npm package of the same files (npm pack accepts it)
//   backwise-wordpress-<v>.zip  backwise/: the plugin (wordpress/), with widget/ and fallback/
//   SHA256SUMS                  for `sha256sum -c SHA256SUMS`
// and prints the Subresource Integrity hash of embed.js, which EMBED.md shows
// in the script tag.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');

// The demo blog post and its stylesheet: the build's own page, not part of
// the widget a blogger uploads.
const DEMO_ONLY = new Set(['index.html', 'demo.css']);

const { values: args } = parseArgs({
  options: {
    version: { type: 'string' },
    dist: { type: 'string' },
    fallback: { type: 'string' },
    out: { type: 'string' },
  },
});
for (const name of ['version', 'dist', 'fallback', 'out']) {
  if (!args[name]) fail(`--${name} is required`);
}
const version = args.version;
const dist = path.resolve(args.dist);
const out = path.resolve(args.out);

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

// Every file in a zip gets this time, so that the same files give the same zip.
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

/**
 * Writes `files` ({ name, data }) to `zipPath` with Debian's `zip`,
 * reproducibly: the files are laid out in a scratch folder with one mode and
 * one time, added in byte order of their names, with no extra fields (-X: no
 * owner or extended times) and no folder entries (-D). TZ=UTC because a zip
 * stores local time.
 */
function writeZip(zipPath, files) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'backwise-zip-'));
  try {
    for (const f of files) {
      const file = path.join(scratch, f.name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, f.data);
      chmodSync(file, 0o644);
      utimesSync(file, ZIP_TIME, ZIP_TIME);
    }
    const names = files.map((f) => f.name).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    rmSync(zipPath, { force: true });
    execFileSync('zip', ['-X', '-D', '-q', '-9', zipPath, '-@'], {
      cwd: scratch,
      input: names.join('\n') + '\n',
      env: { ...process.env, TZ: 'UTC' },
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every file under `dir`, as sorted "/"-separated paths relative to it. */
function listFiles(dir, prefix = '') {
  const found = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...listFiles(dir, rel));
    else if (entry.isFile()) found.push(rel);
  }
  return found.sort();
}

const read = (file) => readFileSync(file);
const sha = (algorithm, data) => createHash(algorithm).update(data);

// 1. The plugin and the changelog name the version they ship.
const versionChecks = [
  ['wordpress/backwise.php', /^\s*\*\s*Version:\s*(\S+)\s*$/m, 'its "Version:" header'],
  ['wordpress/backwise.php', /define\(\s*'BACKWISE_VERSION',\s*'([^']+)'\s*\)/, 'BACKWISE_VERSION'],
  ['wordpress/readme.txt', /^Stable tag:\s*(\S+)\s*$/m, 'its "Stable tag:"'],
];
const stale = versionChecks
  .map(([file, re, what]) => {
    const m = read(path.join(ROOT, file)).toString('utf8').match(re);
    return m && m[1] === version ? null : `${file}: ${what} says ${m ? m[1] : 'nothing'}`;
  })
  .filter(Boolean);
const changelog = read(path.join(ROOT, 'CHANGELOG.md')).toString('utf8');
if (!changelog.split('\n').some((line) => line === `## ${version}` || line.startsWith(`## ${version} `))) {
  stale.push(`CHANGELOG.md: no "## ${version}" section`);
}
if (stale.length) fail(`Cargo.toml's version is ${version}, but:\n  ${stale.join('\n  ')}`);

// 2. The static folder, checked for what every page needs.
let distFiles;
try {
  distFiles = listFiles(dist).filter((f) => !DEMO_ONLY.has(f));
} catch (e) {
  fail(`cannot read the static folder ${dist}: ${e.message}`);
}
const embedJs = read(path.join(dist, 'embed.js'));
const wasms = distFiles.filter((f) => /^backwise-[0-9a-f]+_bg\.wasm$/.test(f));
if (wasms.length !== 1) {
  fail(`${dist} should hold one backwise-<hash>_bg.wasm (a release build), found ${wasms.length ? wasms.join(', ') : 'none'}`);
}
const wasm = wasms[0];
if (!embedJs.includes(wasm)) fail(`${dist}/embed.js does not name ${wasm}: the folder is not from one build`);
const fallback = read(path.resolve(args.fallback));
if (!fallback.length) fail(`${args.fallback} is empty`);

// 3. What goes out: the widget, the fallback, LICENSE and EMBED.md.
const integrity = `sha384-${sha('sha384', embedJs).digest('base64')}`;
const embedMd = read(path.join(here, 'EMBED.md'))
  .toString('utf8')
  .replaceAll('{{version}}', version)
  .replaceAll('{{integrity}}', integrity)
  .replaceAll('{{wasm}}', wasm);
const widget = distFiles.map((name) => ({ name, data: read(path.join(dist, name)) }));
const license = read(path.join(ROOT, 'LICENSE'));
const staticFiles = [
  ...widget,
  { name: 'fallback/back-pain.html', data: fallback },
  { name: 'LICENSE', data: license },
  { name: 'EMBED.md', data: Buffer.from(embedMd) },
];

const staticZip = `backwise-${version}.zip`;
const pluginZip = `backwise-wordpress-${version}.zip`;
const packageDir = `backwise-widget-${version}`;

// One release in the folder: the files of an earlier run (or version) go.
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) {
  if (name === 'SHA256SUMS' || /^backwise-(wordpress-|widget-)?\d/.test(name)) rmSync(path.join(out, name), { recursive: true });
}

const under = (folder, files) => files.map((f) => ({ name: `${folder}/${f.name}`, data: f.data }));
writeZip(path.join(out, staticZip), under('backwise', staticFiles));

// 4. The npm package: the same files, for CDNs that serve npm packages at
//    versioned URLs (…/backwise-widget@<v>/embed.js).
const pkg = {
  name: 'backwise-widget',
  version,
  description: 'Back-pain exercise tips and a sorting quiz: the <backwise-widget> element (WebAssembly).',
  license: 'MIT',
  type: 'module',
  exports: { './embed.js': './embed.js', './package.json': './package.json' },
  files: [...new Set(staticFiles.map((f) => f.name.split('/')[0]))].filter((f) => !['LICENSE', 'EMBED.md'].includes(f)).sort(),
  keywords: ['web-component', 'custom-element', 'back-pain', 'exercise', 'quiz', 'wasm'],
};
const packageFiles = [
  ...staticFiles.filter((f) => f.name !== 'EMBED.md'),
  { name: 'README.md', data: Buffer.from(embedMd) },
  { name: 'package.json', data: Buffer.from(JSON.stringify(pkg, null, 2) + '\n') },
];
for (const f of packageFiles) {
  const file = path.join(out, packageDir, f.name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, f.data);
}
// npm's own reading of the package: it must accept it and pack every file.
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: path.join(out, packageDir),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }),
)[0];
const packedNames = packed.files.map((f) => f.path).sort();
const expected = packageFiles.map((f) => f.name).sort();
if (JSON.stringify(packedNames) !== JSON.stringify(expected)) {
  fail(`npm pack would ship ${packedNames.join(', ')}\n  instead of ${expected.join(', ')}`);
}

// 5. The WordPress plugin: wordpress/ as it is in the repository (PHP, no
//    build), the widget in widget/, the fallback the CLI wrote, LICENSE.
const plugin = [
  ...listFiles(path.join(ROOT, 'wordpress')).map((name) => ({ name, data: read(path.join(ROOT, 'wordpress', name)) })),
  ...under('widget', widget),
  { name: 'fallback/back-pain.html', data: fallback },
  { name: 'LICENSE', data: license },
];
writeZip(path.join(out, pluginZip), under('backwise', plugin));

// 6. Checksums of everything above, in the format `sha256sum -c` reads.
const sums = [staticZip, pluginZip, ...packageFiles.map((f) => `${packageDir}/${f.name}`)]
  .sort()
  .map((rel) => `${sha('sha256', read(path.join(out, rel))).digest('hex')}  ${rel}`);
writeFileSync(path.join(out, 'SHA256SUMS'), sums.join('\n') + '\n');

console.log(`release: Backwise ${version} in ${path.relative(process.cwd(), out) || '.'}/
  ${staticZip}
  ${packageDir}/ (npm pack: ${packed.entryCount} files)
  ${pluginZip}
  SHA256SUMS
embed.js integrity: ${integrity}`);
