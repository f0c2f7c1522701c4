// The comparison pages, made from the built demo post: the same post with
// the static fallback and no script, with an embed tag that loads nothing,
// with three instances, and with a second instance far below the fold. And
// the host page (bench/host/): a long article with a hero image and the
// widget mid-article, with the embed tag and without it (the fallback alone).
// Written to bench/pages/, which the server lays over dist/.

import path from 'node:path';
import { promises as fs, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { BACKWISE_CLI, BENCH_DIR, OFFSCREEN_PX, PAGES, ROOT } from './options.mjs';
import { heroPng } from './host/hero.mjs';

/** The fallback HTML: the file given with --fallback, or the CLI's output for the built-in deck. */
function fallbackHtml(file) {
  if (file) return readFileSync(file, 'utf8');
  const [cmd, ...args] = BACKWISE_CLI;
  return execFileSync(cmd, [...args, 'fallback'], { cwd: ROOT, encoding: 'utf8' });
}

const WIDGET_RE = /<backwise-widget\b[^>]*>[\s\S]*?<\/backwise-widget>/;
const SCRIPT_RE = /<script\b[^>]*\bsrc=["']?[^"' >]*embed[^"' >]*\.js["']?[^>]*>\s*<\/script>/;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (t) =>
  t.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m,
  );
/** The visible text of some HTML, whitespace-collapsed, to compare two fallbacks. */
const normText = (html) => decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

/**
 * Writes the pages next to the demo of `dist`; returns their sizes and
 * whether the static fallback has the same text as the demo's own.
 */
export async function makePages(dist, fallbackFile) {
  const demo = await fs.readFile(path.join(dist, 'index.html'), 'utf8');
  const m = demo.match(WIDGET_RE);
  if (!m) throw new Error('dist/index.html has no <backwise-widget>…</backwise-widget>');
  if (!SCRIPT_RE.test(demo)) throw new Error('dist/index.html has no embed.js <script> tag');
  const fallback = fallbackHtml(fallbackFile);
  const inner = m[0].replace(/^<backwise-widget\b[^>]*>/, '').replace(/<\/backwise-widget>$/, '');
  const fallbackMatchesDemo = normText(inner) === normText(fallback);

  const withWidgets = (html, widgets) => html.replace(WIDGET_RE, () => widgets);
  const pages = {
    // The demo post with the same fallback and no script.
    'static.html': withWidgets(demo.replace(SCRIPT_RE, ''), `<backwise-widget>\n${fallback}</backwise-widget>`),
    // The same, with the embed tag pointing at a module that does nothing:
    // what the tag alone costs the first paint (not a budget; for reading one).
    'empty-module.html': withWidgets(
      demo.replace(SCRIPT_RE, (tag) => tag.replace(/\bsrc=["']?[^"' >]+["']?/, 'src="empty-module.js"')),
      `<backwise-widget>\n${fallback}</backwise-widget>`,
    ),
    // Three instances on one page.
    'multi.html': withWidgets(
      demo,
      [1, 2, 3].map((i) => `<backwise-widget id="w${i}">\n${fallback}</backwise-widget>`).join('\n'),
    ),
    // One instance at the top and one whose top is 3000 px below the fold.
    'offscreen.html': withWidgets(
      demo,
      `<backwise-widget id="w1">\n${fallback}</backwise-widget>\n` +
        `<div id="far" style="position:absolute;left:0;right:0;top:calc(100vh + ${OFFSCREEN_PX}px)">` +
        `<backwise-widget id="w2" style="margin-block-start:0">\n${fallback}</backwise-widget></div>`,
    ),
  };
  // The host page, with the embed tag as a blogger pastes it and without.
  const article = await fs.readFile(path.join(BENCH_DIR, 'host', 'article.html'), 'utf8');
  const hostPage = (script) =>
    article.replace('{{WIDGET}}', () => `<backwise-widget>\n${fallback}</backwise-widget>`).replace('{{SCRIPT}}', () => script);
  pages['host.html'] = hostPage('    <script type="module" fetchpriority="low" src="embed.js"></script>');
  pages['host-static.html'] = hostPage('');
  await fs.mkdir(PAGES, { recursive: true });
  for (const [name, html] of Object.entries(pages)) await fs.writeFile(path.join(PAGES, name), html);
  await fs.copyFile(path.join(BENCH_DIR, 'host', 'host.css'), path.join(PAGES, 'host.css'));
  await fs.writeFile(path.join(PAGES, 'hero.png'), heroPng());
  await fs.writeFile(path.join(PAGES, 'empty-module.js'), '');
  return {
    bytes: { 'index.html': Buffer.byteLength(demo), ...Object.fromEntries(Object.entries(pages).map(([n, h]) => [n, Buffer.byteLength(h)])) },
    fallbackMatchesDemo,
    fallbackBytes: Buffer.byteLength(fallback),
  };
}
