// The WordPress plugin on a real WordPress (Debian's 6.1, MariaDB, PHP's
// built-in server, all on 127.0.0.1), installed from the zip that
// ./scripts/release writes, and read by a reader's Chromium.
//
//   node --test --test-concurrency=1 e2e/wordpress/wordpress.wp.mjs
//
// Needs the release folder (./scripts/test build, or $BACKWISE_DIST) and
// the deck CLI (scripts/release runs it for the fallback). Installs
// wordpress, mariadb-server, php-cli, php-mysql and unzip from Debian when
// they are missing. Everything it writes is under target/wordpress-e2e/.
// Named *.wp.mjs so that the e2e step, which runs e2e/**/*.test.mjs, leaves
// it to its own step.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, screenshot, waitForReady, writeArtifact } from '../lib/browser.mjs';
import { openTracked } from '../lib/embed.mjs';
import { DIST_DIR, REPO_ROOT, startServer } from '../lib/server.mjs';
import { ADMIN, WORK_DIR, startWordPress } from './stack.mjs';

const SAFE = /^Put .+ in Safe alternative$/;
const SORTED = /^\d+ of \d+ sorted$/;
const ES_DECK = JSON.parse(readFileSync(path.join(REPO_ROOT, 'decks', 'back-pain.es.json'), 'utf8'));
const EN_DECK = JSON.parse(readFileSync(path.join(REPO_ROOT, 'decks', 'back-pain.json'), 'utf8'));
const DECK_PATH = '/wp-content/uploads/decks/back-pain.es.json';

let wp;
let browser;
let release; // { dir, version, files }
let plugin; // the installed plugin's folder
const posts = {};

/** The release files, written by the same command a maintainer runs. */
function runRelease(out) {
  if (!existsSync(path.join(DIST_DIR, 'embed.js'))) {
    throw new Error(`WordPress suite: ${DIST_DIR}/embed.js is missing: build the release folder first (./scripts/test build)`);
  }
  try {
    execFileSync(path.join(REPO_ROOT, 'scripts', 'release'), ['--dist', DIST_DIR, '--out', out], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (e) {
    throw new Error(`WordPress suite: ./scripts/release failed:\n${e.stdout}${e.stderr}`);
  }
  const files = readdirSync(out);
  const zip = files.find((f) => /^backwise-wordpress-.+\.zip$/.test(f));
  if (!zip) throw new Error(`WordPress suite: ./scripts/release wrote no plugin zip in ${out} (${files.join(', ')})`);
  return { dir: out, version: zip.replace(/^backwise-wordpress-|\.zip$/g, ''), files };
}

before(async () => {
  wp = await startWordPress();
  release = runRelease(path.join(WORK_DIR, 'release'));

  // The plugin, as "Upload Plugin" installs it: WordPress's own unzip_file()
  // (PclZip here: Debian's PHP has no zip module) into wp-content/plugins.
  const zip = path.join(release.dir, `backwise-wordpress-${release.version}.zip`);
  const out = wp.php(
    `<?php
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
WP_Filesystem();
$r = unzip_file(${JSON.stringify(zip)}, WP_PLUGIN_DIR);
if (is_wp_error($r)) { echo 'unzip: ', $r->get_error_message(); exit(1); }
$r = activate_plugin('backwise/backwise.php');
if (is_wp_error($r)) { echo 'activate: ', $r->get_error_message(); exit(1); }
echo 'active';`,
    'installing the plugin from its zip',
  );
  assert.equal(out.trim(), 'active');
  plugin = path.join(wp.site, 'wp-content', 'plugins', 'backwise');

  // A deck that is not the built-in one, served by the same site.
  mkdirSync(path.join(wp.site, path.dirname(DECK_PATH)), { recursive: true });
  cpSync(path.join(DIST_DIR, 'decks', 'back-pain.es.json'), path.join(wp.site, DECK_PATH));

  const content = {
    shortcodes: `Before the widgets.\n\n[backwise]\n\nBetween them.\n\n[backwise view="quiz" theme="dark" deck="${DECK_PATH}"]\n\nAfter them.`,
    block:
      '<!-- wp:paragraph -->\n<p>Before the block.</p>\n<!-- /wp:paragraph -->\n\n' +
      '<!-- wp:backwise/widget {"view":"quiz","layout":"stack"} /-->\n\n' +
      '<!-- wp:paragraph -->\n<p>After the block.</p>\n<!-- /wp:paragraph -->',
    // Values written to break out of the attribute, or to run: each one must
    // come out as a default, or as an inert URL.
    hostile:
      `[backwise view='"><script>alert(1)</script>' theme='"><img src=x onerror=alert(2)>' ` +
      `deck='javascript:alert(3)' layout='x" onfocus="alert(4)' storage='"><svg onload=alert(5)>']\n\n` +
      `[backwise view="quiz" deck='${DECK_PATH}?x="><script>alert(6)</script>']`,
    consent: '[backwise view="quiz"]\n\n[backwise view="quiz" storage="none"]',
    plain: 'A post without a widget.',
  };
  for (const [name, text] of Object.entries(content)) {
    posts[name] = Number(
      wp.php(
        `<?php echo wp_insert_post(array('post_title' => ${JSON.stringify(name)}, 'post_status' => 'publish', 'post_content' => ${phpString(text)}), true);`,
        `making the ${name} post`,
      ),
    );
    assert.ok(posts[name] > 0, `the ${name} post was made`);
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await wp?.stop();
});

/** A PHP single-quoted string literal. */
const phpString = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const postUrl = (name) => `${wp.url}/?p=${posts[name]}`;
const pageSource = async (url) => {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  return res.text();
};

/**
 * A page in a fresh browser context that records what a reader would not
 * want: console errors, uncaught exceptions, dialogs (alert and co. are
 * trapped), and requests to any host but 127.0.0.1 (aborted, and listed).
 */
async function openPage(url, opts = {}) {
  const t = await openTracked(browser, opts);
  t.foreign = [];
  await t.context.route('**/*', (route) => {
    const target = route.request().url();
    if (new URL(target).hostname === '127.0.0.1') return route.continue();
    t.foreign.push(target);
    return route.abort();
  });
  t.embedRequests = () => t.requestUrls.filter((u) => new URL(u).pathname.endsWith('/backwise/widget/embed.js'));
  if (url) {
    const res = await t.page.goto(url);
    assert.equal(res.status(), 200, `${url} answered`);
  }
  return t;
}

/** Nothing the reader would notice went wrong. */
async function assertClean(t, what) {
  const problems = [
    ...(await t.errors()),
    ...t.foreign.map((u) => `request left 127.0.0.1: ${u}`),
    ...t.dialogs.map((d) => `dialog: ${d}`),
    ...(await t.page.evaluate(() => window.__dialogs || [])).map((d) => `dialog call: ${d.name}(${d.args.join(', ')})`),
  ];
  assert.deepEqual(problems, [], `${what}: ${problems.join('\n')}`);
}

const widgets = (page) => page.locator('backwise-widget');

/** Scroll each widget near the viewport (they start within 500 px of it) and wait for all to be ready. */
async function readyAll(page, count) {
  assert.equal(await widgets(page).count(), count, `${count} widget(s) on the page`);
  for (let i = 0; i < count; i++) await widgets(page).nth(i).scrollIntoViewIfNeeded();
  return waitForReady(page, count);
}

/** Open the quiz tab of a widget (if needed) and put its first item in Safe alternative. */
async function placeOneItem(widget, before = 0) {
  const quizTab = widget.getByRole('tab', { name: 'Quiz', exact: true });
  if ((await quizTab.getAttribute('aria-selected')) !== 'true') await quizTab.click();
  const sorted = widget.getByText(SORTED);
  assert.match(await sorted.textContent(), new RegExp(`^${before} of `));
  await widget.getByRole('button', { name: SAFE }).first().click();
  await assert.doesNotReject(
    widget.getByText(new RegExp(`^${before + 1} of \\d+ sorted$`)).waitFor({ timeout: 5000 }),
    `the count went from ${before} to ${before + 1}`,
  );
}

test('release: two runs write the same bytes; SHA256SUMS and the integrity hash match the files', () => {
  const again = runRelease(path.join(WORK_DIR, 'release-again'));
  const sums = readFileSync(path.join(release.dir, 'SHA256SUMS'), 'utf8');
  assert.equal(readFileSync(path.join(again.dir, 'SHA256SUMS'), 'utf8'), sums, 'the second run has the same checksums');
  // sha256sum itself reads the list: every file is there and matches.
  execFileSync('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], { cwd: release.dir });
  execFileSync('sha256sum', ['--check', '--strict', '--quiet', 'SHA256SUMS'], { cwd: again.dir });
  const listed = sums.trim().split('\n').map((l) => l.split('  ')[1]);
  for (const name of [`backwise-${release.version}.zip`, `backwise-wordpress-${release.version}.zip`, `backwise-widget-${release.version}/package.json`]) {
    assert.ok(listed.includes(name), `SHA256SUMS lists ${name}`);
  }

  const embedJs = readFileSync(path.join(DIST_DIR, 'embed.js'));
  const integrity = `sha384-${createHash('sha384').update(embedJs).digest('base64')}`;
  const embedMd = readFileSync(path.join(release.dir, `backwise-widget-${release.version}`, 'README.md'), 'utf8');
  assert.ok(embedMd.includes(`integrity="${integrity}"`), `EMBED.md's tag carries ${integrity}`);
  const pkg = JSON.parse(readFileSync(path.join(release.dir, `backwise-widget-${release.version}`, 'package.json'), 'utf8'));
  assert.equal(pkg.version, release.version);
  assert.equal(pkg.exports['./embed.js'], './embed.js');
});

test('plugin: installed from the zip, every PHP file passes php -l, and the widget inside is the release folder', () => {
  const phpFiles = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.php')) phpFiles.push(p);
    }
  };
  walk(plugin);
  assert.ok(phpFiles.length >= 6, `PHP files found: ${phpFiles.length}`);
  for (const file of phpFiles) {
    const out = execFileSync('php', ['-l', file], { encoding: 'utf8' });
    assert.match(out, /No syntax errors/, path.relative(plugin, file));
  }
  assert.deepEqual(readFileSync(path.join(plugin, 'widget', 'embed.js')), readFileSync(path.join(DIST_DIR, 'embed.js')));
  assert.ok(readFileSync(path.join(plugin, 'fallback', 'back-pain.html'), 'utf8').includes(EN_DECK.tips[0].headline.slice(0, 20)));
});

test('shortcode: two widgets (one with a deck from this site) become ready, the quiz counts a placement, one module request', async () => {
  const t = await openPage(postUrl('shortcodes'));
  const ready = await readyAll(t.page, 2);
  assert.deepEqual(ready.map((r) => r.detail.deckId).sort(), [EN_DECK.id, ES_DECK.id].sort());

  const [builtIn, custom] = [widgets(t.page).nth(0), widgets(t.page).nth(1)];
  await builtIn.scrollIntoViewIfNeeded();
  await placeOneItem(builtIn);
  await screenshot(t.page, 'wordpress-shortcodes');
  // The second one fetched its deck from WordPress, and opens on the quiz.
  assert.ok(t.requestUrls.some((u) => u === wp.url + DECK_PATH), 'the deck was fetched from the site');
  await custom.scrollIntoViewIfNeeded();
  assert.equal(await custom.getByRole('heading', { name: ES_DECK.title }).count(), 1, 'the Spanish deck is shown');
  assert.equal(await custom.getByRole('tab').nth(1).getAttribute('aria-selected'), 'true', 'it opens on its second tab, the quiz');
  assert.equal(await custom.getAttribute('theme'), 'dark');

  assert.equal(t.embedRequests().length, 1, `embed.js requested once: ${t.embedRequests().join(', ')}`);
  const source = await pageSource(postUrl('shortcodes'));
  assert.equal(source.match(/<script[^>]*\/backwise\/widget\/embed\.js/g)?.length, 1, 'one script tag for two widgets');
  assert.match(source, /<script type="module" fetchpriority="low" src="[^"]+\/backwise\/widget\/embed\.js\?ver=/);
  await assertClean(t, 'the shortcode post');
  await t.context.close();
});

test('a classic theme (the content comes after wp_head): the module is printed at the end of the page, once, and the widgets start', async () => {
  // Debian ships one block theme; most sites still run classic ones, where
  // the_content runs after the head is printed, so the module enqueued while
  // rendering must land in the footer.
  const theme = path.join(wp.site, 'wp-content', 'themes', 'backwise-e2e-classic');
  mkdirSync(theme, { recursive: true });
  writeFileSync(path.join(theme, 'style.css'), '/*\nTheme Name: Backwise e2e classic\n*/\n');
  writeFileSync(
    path.join(theme, 'index.php'),
    `<!doctype html><html <?php language_attributes(); ?>><head><meta charset="utf-8"><?php wp_head(); ?></head>
<body><main><?php while ( have_posts() ) : the_post(); the_title( '<h1>', '</h1>' ); the_content(); endwhile; ?></main>
<?php wp_footer(); ?></body></html>`,
  );
  wp.php("<?php switch_theme('backwise-e2e-classic'); echo get_stylesheet();");
  try {
    const source = await pageSource(postUrl('shortcodes'));
    const tags = source.match(/<script[^>]*\/backwise\/widget\/embed\.js[^>]*>/g) || [];
    assert.equal(tags.length, 1, 'one module tag');
    assert.ok(source.indexOf(tags[0]) > source.lastIndexOf('</main>'), 'after the content, in the footer');
    const t = await openPage(postUrl('shortcodes'));
    await readyAll(t.page, 2);
    assert.equal(t.embedRequests().length, 1);
    await assertClean(t, 'the shortcode post in a classic theme');
    await t.context.close();
  } finally {
    wp.php("<?php switch_theme('twentytwentythree');");
  }
});

// Debian's WordPress is 6.1, older than the script-module API (6.5), so the
// plugin's branch for it, which most live blogs take, would go untested. A
// must-use plugin gives this WordPress that API as 6.5 defines it:
// wp_register_script_module() and wp_enqueue_script_module(), and the tags
// printed with wp_print_script_tag() (whose `wp_script_attributes` filter
// 6.1 has), id "<id>-js-module", in wp_head for a block theme and
// wp_footer for a classic one.
test('WordPress 6.5 and later (script modules): the plugin registers a module, printed once with fetchpriority="low", and the widgets start', async () => {
  const muDir = path.join(wp.site, 'wp-content', 'mu-plugins');
  const mu = path.join(muDir, 'backwise-e2e-script-modules.php');
  mkdirSync(muDir, { recursive: true });
  writeFileSync(
    mu,
    `<?php
$GLOBALS['backwise_e2e_modules'] = array();
function wp_register_script_module( $id, $src, $deps = array(), $version = false ) {
	$GLOBALS['backwise_e2e_modules'][ $id ] = array( 'src' => $src, 'ver' => $version, 'queued' => false );
}
function wp_enqueue_script_module( $id ) {
	$GLOBALS['backwise_e2e_modules'][ $id ]['queued'] = true;
}
add_action( 'after_setup_theme', function () {
	add_action( wp_is_block_theme() ? 'wp_head' : 'wp_footer', function () {
		foreach ( $GLOBALS['backwise_e2e_modules'] as $id => $module ) {
			if ( $module['queued'] ) {
				wp_print_script_tag( array( 'type' => 'module', 'src' => add_query_arg( 'ver', $module['ver'], $module['src'] ), 'id' => $id . '-js-module' ) );
			}
		}
	} );
} );
`,
  );
  try {
    const source = await pageSource(postUrl('shortcodes'));
    const tags = source.match(/<script[^>]*\/backwise\/widget\/embed\.js[^>]*>/g) || [];
    assert.equal(tags.length, 1, `one tag for two widgets: ${tags.join(' ')}`);
    assert.match(tags[0], /type="module"/);
    assert.match(tags[0], /id="backwise-js-module"/, 'printed by the script-module API, not the classic script filter');
    assert.match(tags[0], /fetchpriority="low"/, 'the plugin\'s wp_script_attributes filter applies');
    assert.match(tags[0], new RegExp(`embed\\.js\\?ver=${release.version.replace(/\./g, '\\.')}`));
    const t = await openPage(postUrl('shortcodes'));
    await readyAll(t.page, 2);
    assert.equal(t.embedRequests().length, 1, `embed.js requested once: ${t.embedRequests().join(', ')}`);
    await placeOneItem(widgets(t.page).nth(0));
    await assertClean(t, 'the shortcode post with script modules');
    await t.context.close();
  } finally {
    rmSync(mu);
  }
});

test('no JavaScript: the fallback is in the source, inside the built-in deck\'s widget only, and a reader sees it', async () => {
  const fallback = readFileSync(path.join(plugin, 'fallback', 'back-pain.html'), 'utf8');
  const source = await pageSource(postUrl('shortcodes'));
  const inner = [...source.matchAll(/<backwise-widget[^>]*>([\s\S]*?)<\/backwise-widget>/g)].map((m) => m[1]);
  assert.equal(inner.length, 2);
  assert.equal(inner[0], fallback, 'the CLI-written fallback, unchanged, inside the first widget');
  assert.equal(inner[1], '', 'no fallback for a custom deck (it would be the wrong content)');

  const t = await openPage(postUrl('shortcodes'), { context: { javaScriptEnabled: false } });
  const heading = widgets(t.page).nth(0).getByRole('heading', { name: EN_DECK.title });
  assert.ok(await heading.isVisible(), 'the deck title shows without JavaScript');
  assert.ok(await widgets(t.page).nth(0).getByText(EN_DECK.tips[0].headline, { exact: false }).first().isVisible());
  assert.deepEqual(t.foreign, []);
  await t.context.close();
});

test('block: ready, opens on the quiz, its layout passed through, one module request', async () => {
  const source = await pageSource(postUrl('block'));
  assert.match(source, /<div class="wp-block-backwise-widget"><backwise-widget view="quiz" theme="auto" storage="none" layout="stack"/);
  const t = await openPage(postUrl('block'));
  await readyAll(t.page, 1);
  const widget = widgets(t.page).first();
  assert.equal(await widget.getByRole('tab', { name: 'Quiz', exact: true }).getAttribute('aria-selected'), 'true');
  assert.ok(await widget.getByRole('heading', { name: EN_DECK.title }).isVisible());
  assert.equal(t.embedRequests().length, 1);
  await assertClean(t, 'the block post');
  await t.context.close();
});

test('hostile shortcode attributes: nothing runs, the widgets take the defaults or an inert deck URL', async () => {
  const source = await pageSource(postUrl('hostile'));
  for (const payload of ['<script>alert', 'onerror=alert', 'onfocus="alert', '<svg onload', 'javascript:']) {
    assert.ok(!source.includes(payload), `the page source has no ${payload}`);
  }
  const t = await openPage(postUrl('hostile'));
  await readyAll(t.page, 2);
  const tags = await t.page.evaluate(() =>
    [...document.querySelectorAll('backwise-widget')].map((w) => Object.fromEntries([...w.attributes].map((a) => [a.name, a.value]))),
  );
  assert.deepEqual(tags[0], { view: 'tips', theme: 'auto', storage: 'none', layout: 'auto', 'data-backwise-consent': '' });
  // WordPress's own filters may change the second one's quotes before the
  // shortcode runs (wptexturize does not see a shortcode with a stray ">"
  // as one); whatever reaches the plugin, the tag holds known values only.
  // The exact escaping of such a deck URL is checked on do_shortcode below.
  const allowed = {
    view: ['tips', 'quiz'],
    theme: ['auto', 'light', 'dark'],
    storage: ['none', 'local'],
    layout: ['auto', 'stack', 'board'],
    'data-backwise-consent': [''],
  };
  for (const [name, value] of Object.entries(tags[1])) {
    if (name === 'deck') assert.match(value, /^\/wp-content\/uploads\/decks\/back-pain\.es\.json\?x=[^"<>]*$/);
    else assert.ok(allowed[name]?.includes(value), `${name}="${value}" is a known attribute and value`);
  }
  const injected = await t.page.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => /alert/.test(s.textContent + (s.src || ''))).length,
    handlers: document.querySelectorAll('[onerror], [onload], [onfocus]').length,
    svg: document.querySelectorAll('.entry-content svg, .wp-block-post-content svg').length,
  }));
  assert.deepEqual(injected, { scripts: 0, handlers: 0, svg: 0 });
  await widgets(t.page).nth(0).scrollIntoViewIfNeeded();
  await t.page.keyboard.press('Tab'); // a focus handler, had one survived, would run now
  await assertClean(t, 'the hostile post');
  await t.context.close();
});

test('attribute values: case is ignored, unknown values and non-web deck URLs give the defaults', () => {
  const cases = {
    '[backwise view="QUIZ" theme="Dark" storage="LOCAL" layout="Board"]': 'view="quiz" theme="dark" storage="local" layout="board">',
    '[backwise view="cards" theme="purple" storage="cookie" layout="grid"]': 'view="tips" theme="auto" storage="none" layout="auto" data-backwise-consent>',
    '[backwise deck="knee.json"]': 'view="tips" theme="auto" storage="none" layout="auto" data-backwise-consent>',
    '[backwise deck="data:application/json,{}"]': 'view="tips" theme="auto" storage="none" layout="auto" data-backwise-consent>',
    // The quotes and angle brackets cannot survive into the attribute.
    [`[backwise deck='/decks/knee.json?q="><script>alert(1)</script>' storage="local"]`]:
      'view="tips" theme="auto" storage="local" layout="auto" deck="/decks/knee.json?q=scriptalert(1)/script">',
    '[backwise deck="https://example.com/decks/knee.json?a=1&b=2" storage="none"]':
      'view="tips" theme="auto" storage="none" layout="auto" deck="https://example.com/decks/knee.json?a=1&#038;b=2">',
  };
  const out = JSON.parse(
    wp.php(`<?php echo wp_json_encode(array_map('do_shortcode', ${phpArray(Object.keys(cases))}));`, 'rendering shortcodes'),
  );
  Object.entries(cases).forEach(([shortcode, expected], i) => {
    const tag = out[i].match(/<backwise-widget ([^>]*>)/);
    assert.ok(tag, `${shortcode} printed a widget`);
    assert.equal(tag[1], expected, shortcode);
  });
});

const phpArray = (list) => `array(${list.map(phpString).join(', ')})`;

test('a post without a widget loads no Backwise file', async () => {
  const t = await openPage(postUrl('plain'));
  await t.page.waitForLoadState('load');
  assert.deepEqual(t.requestUrls.filter((u) => u.includes('/plugins/backwise/')), []);
  await assertClean(t, 'the plain post');
  await t.context.close();
});

test('consent: nothing is stored until window.backwiseConsent(true); a post\'s own storage="none" stays', async () => {
  const t = await openPage(postUrl('consent'));
  await readyAll(t.page, 2);
  const storageAttrs = () => t.page.evaluate(() => [...document.querySelectorAll('backwise-widget')].map((w) => w.getAttribute('storage')));
  const stored = () => t.page.evaluate(() => Object.keys(localStorage).length);
  assert.deepEqual(await storageAttrs(), ['none', 'none']);

  const first = widgets(t.page).nth(0);
  await first.scrollIntoViewIfNeeded();
  await placeOneItem(first);
  await t.page.waitForTimeout(300); // a save would have happened by now (it waits for the next task)
  assert.equal(await stored(), 0, 'nothing in localStorage before consent');

  await t.page.evaluate(() => window.backwiseConsent(true));
  assert.deepEqual(await storageAttrs(), ['local', 'none'], 'consent turns on the default-storage widget only');
  await t.page.waitForFunction(() => Object.keys(localStorage).length > 0, null, { timeout: 5000 });

  // The next page view: the consent tool answers again, and the reader's
  // placement is back.
  await t.page.reload();
  await readyAll(t.page, 2);
  await t.page.evaluate(() => {
    const grant = () => window.backwiseConsent(true);
    if (window.backwiseConsent) grant();
    else document.addEventListener('DOMContentLoaded', grant);
  });
  await first.scrollIntoViewIfNeeded();
  await assert.doesNotReject(first.getByText(/^1 of \d+ sorted$/).waitFor({ timeout: 5000 }), 'the placement survived the reload');

  await t.page.evaluate(() => window.backwiseConsent(false));
  assert.deepEqual(await storageAttrs(), ['none', 'none'], 'withdrawing consent turns storage off again');
  await assertClean(t, 'the consent post');
  await t.context.close();
});

/** A browser context logged in as the site's admin. */
async function openAdmin() {
  const t = await openPage(`${wp.url}/wp-login.php`);
  // wp-login.php focuses the user name field, and selects its text, 200 ms
  // after the page is read (its wp_attempt_focus). Text typed into the
  // password field just then lands in the user name, and the login fails:
  // the form is filled in only once that has happened.
  await t.page.waitForFunction(() => document.activeElement?.id === 'user_login');
  await t.page.fill('#user_login', ADMIN.user);
  await t.page.fill('#user_pass', ADMIN.password);
  assert.deepEqual(
    await t.page.evaluate(() => [document.getElementById('user_login').value, document.getElementById('user_pass').value]),
    [ADMIN.user, ADMIN.password],
    'the login form holds what was typed',
  );
  // Logged in once the redirect to wp-admin starts: the dashboard itself,
  // served by PHP's one-request-at-a-time server, can take longer than a
  // test's timeout to finish loading, and every caller goes on elsewhere.
  await Promise.all([t.page.waitForURL(/\/wp-admin\//, { waitUntil: 'commit' }), t.page.click('#wp-submit')]);
  return t;
}

test('settings page: the admin sets the default storage and theme, and widgets follow', async () => {
  const t = await openAdmin();
  await t.page.goto(`${wp.url}/wp-admin/options-general.php?page=backwise`);
  const consentRadio = t.page.getByRole('radio', { name: /Not until the reader consents/ });
  const alwaysRadio = t.page.getByRole('radio', { name: /^Always/ });
  const theme = t.page.getByRole('combobox', { name: 'Theme' });
  assert.ok(await consentRadio.isChecked(), 'storage waits for consent by default');
  assert.equal(await theme.inputValue(), 'auto');

  await alwaysRadio.check();
  await theme.selectOption('dark');
  await Promise.all([t.page.waitForURL(/settings-updated=true/), t.page.getByRole('button', { name: 'Save Changes' }).click()]);
  await t.page.getByText('Settings saved.').first().waitFor();
  assert.ok(await alwaysRadio.isChecked());
  assert.equal(await theme.inputValue(), 'dark');
  await t.context.close();

  try {
    const source = await pageSource(postUrl('consent'));
    const tags = [...source.matchAll(/<backwise-widget ([^>]*)>/g)].map((m) => m[1]);
    assert.deepEqual(tags, [
      'view="quiz" theme="dark" storage="local" layout="auto"',
      'view="quiz" theme="dark" storage="none" layout="auto"',
    ]);
    assert.ok(!source.includes('assets/consent.js'), 'no widget waits for consent, so the hook is not loaded');
  } finally {
    wp.php("<?php delete_option('backwise_settings');");
  }
});

test('block editor: the Backwise block shows a preview, and its sidebar sets its attributes', async () => {
  const t = await openAdmin();
  await t.page.goto(`${wp.url}/wp-admin/post.php?post=${posts.block}&action=edit`, { timeout: 60_000 });
  const clientId = await t.page
    .waitForFunction(
      () => window.wp?.data?.select('core/block-editor').getBlocks().find((b) => b.name === 'backwise/widget')?.clientId,
      null,
      { timeout: 60_000 },
    )
    .then((h) => h.jsonValue());
  await t.page.evaluate((id) => {
    window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
    window.wp.data.dispatch('core/block-editor').selectBlock(id);
  }, clientId);
  const sidebar = t.page.locator('.block-editor-block-inspector');
  assert.equal(await sidebar.getByRole('combobox', { name: 'Opens on' }).inputValue(), 'quiz');
  assert.equal(await sidebar.getByRole('combobox', { name: 'Quiz layout' }).inputValue(), 'stack');
  await sidebar.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await sidebar.getByRole('textbox', { name: 'Deck URL' }).fill(DECK_PATH);
  const attributes = await t.page.evaluate((id) => window.wp.data.select('core/block-editor').getBlockAttributes(id), clientId);
  assert.deepEqual(
    { view: attributes.view, theme: attributes.theme, layout: attributes.layout, deck: attributes.deck },
    { view: 'quiz', theme: 'dark', layout: 'stack', deck: DECK_PATH },
  );
  // The server's preview: a custom deck has no fallback, the built-in one shows its tips.
  await t.page.locator('.wp-block-backwise-widget backwise-widget[deck]').first().waitFor({ state: 'attached', timeout: 20_000 });
  await sidebar.getByRole('textbox', { name: 'Deck URL' }).fill('');
  await t.page.locator('.wp-block-backwise-widget').getByRole('heading', { name: EN_DECK.title }).first().waitFor({ timeout: 20_000 });
  // WordPress's admin fetches avatars from Gravatar and the welcome guide's
  // picture from s.w.org by itself: those requests are aborted here (each
  // logs a failed load), and the block must add nothing else.
  const wordpressOwn = /^https?:\/\/(\w+\.)?(gravatar\.com|s\.w\.org)\//;
  assert.deepEqual(t.foreign.filter((u) => !wordpressOwn.test(u)), []);
  const all = await t.errors();
  writeArtifact('wordpress-editor-console.txt', all.join('\n'));
  const aborted = (e) => /^console\.error: Failed to load resource: net::ERR_FAILED \((\S+):0\)$/.exec(e)?.[1];
  assert.deepEqual(all.filter((e) => !wordpressOwn.test(aborted(e) || '')), [], 'the editor logged no error');
  await t.context.close();
});

test('structured data: the JSON-LD is in the HTML source, at the end of the built-in deck\'s fallback, naming one quiz however many widgets show it', async () => {
  const blocksOf = (html) => [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const fallback = readFileSync(path.join(plugin, 'fallback', 'back-pain.html'), 'utf8');
  assert.equal(blocksOf(fallback).length, 1, 'the release\'s fallback ends with the deck\'s JSON-LD');

  // The built-in deck's widget carries it; the custom deck's has none.
  const shortcodes = blocksOf(await pageSource(postUrl('shortcodes')));
  assert.equal(shortcodes.length, 1, 'one block for one widget of the built-in deck');
  const data = JSON.parse(shortcodes[0]);
  assert.equal(data['@type'], 'Quiz');
  assert.equal(data.name, EN_DECK.title);
  assert.equal(data.inLanguage, EN_DECK.lang);
  assert.equal(data.isBasedOn.name, EN_DECK.source.title);
  assert.equal(data.reviewedBy, undefined, 'the built-in deck names no reviewer, and none is claimed');

  // Two widgets of the built-in deck: the same block twice, one quiz by its id.
  const consent = blocksOf(await pageSource(postUrl('consent')));
  assert.equal(consent.length, 2);
  assert.deepEqual(JSON.parse(consent[1]), JSON.parse(consent[0]));
  assert.equal(data['@id'], `#backwise-${EN_DECK.id}`);

  // In a reader's browser it is data: nothing runs, nothing is logged, and
  // it stays in the page after the widgets start.
  const t = await openPage(postUrl('consent'));
  await readyAll(t.page, 2);
  const inPage = await t.page.evaluate(() => [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent).name));
  assert.deepEqual(inPage, [EN_DECK.title, EN_DECK.title]);
  await assertClean(t, 'the post with structured data');
  await t.context.close();
});

test('a plain page: EMBED.md\'s script tag with its integrity hash loads the widget under a strict CSP; a wrong hash is refused', async () => {
  const unpacked = path.join(WORK_DIR, 'static');
  rmSync(unpacked, { recursive: true, force: true });
  execFileSync('unzip', ['-q', path.join(release.dir, `backwise-${release.version}.zip`), '-d', unpacked]);
  const embedMd = readFileSync(path.join(unpacked, 'backwise', 'EMBED.md'), 'utf8');
  const tag = embedMd.match(/<script type="module" fetchpriority="low" src="\/backwise\/embed\.js" integrity="sha384-[^"]+"><\/script>/)?.[0];
  assert.ok(tag, 'EMBED.md shows the script tag with its integrity hash');
  const page = (script) => `<!doctype html><html lang="en"><title>A plain post</title>${script}<backwise-widget></backwise-widget>`;
  const wrong = tag.replace(/integrity="sha384-(.)/, (m, c) => `integrity="sha384-${c === 'A' ? 'B' : 'A'}`);
  const server = await startServer({
    root: path.join(unpacked, 'backwise'),
    prefix: '/backwise/',
    requireRoot: false,
    csp: true,
    routes: {
      '/post.html': { body: page(tag), type: 'text/html; charset=utf-8' },
      '/tampered.html': { body: page(wrong), type: 'text/html; charset=utf-8' },
    },
  });
  try {
    const t = await openPage(`${server.origin}/post.html`);
    await readyAll(t.page, 1);
    assert.ok(server.requests.some((r) => /^\/backwise\/backwise-[0-9a-f]+_bg\.wasm$/.test(r.path) && r.status === 200), 'the wasm was fetched');
    await assertClean(t, 'the plain page with integrity');
    await t.context.close();

    const bad = await openPage(`${server.origin}/tampered.html`, { ignoreConsole: (m) => /integrity/i.test(m.text()) });
    await bad.page.waitForLoadState('load');
    await bad.page.waitForTimeout(500);
    assert.equal(await bad.page.evaluate(() => customElements.get('backwise-widget')), undefined, 'a wrong hash: the script does not run');
    assert.ok(bad.consoleAll.some((l) => /integrity/i.test(l)), 'the browser says why');
    await bad.context.close();
  } finally {
    await server.close();
  }
});

test('uninstall: deleting the plugin removes its option', () => {
  const out = wp.php(
    `<?php
require_once ABSPATH . 'wp-admin/includes/plugin.php';
update_option('backwise_settings', array('storage' => 'local', 'theme' => 'dark'));
$before = get_option('backwise_settings');
deactivate_plugins('backwise/backwise.php');
uninstall_plugin('backwise/backwise.php');
wp_cache_flush();
echo wp_json_encode(array($before, get_option('backwise_settings', 'gone')));`,
    'uninstalling the plugin',
  );
  assert.deepEqual(JSON.parse(out.trim().split('\n').pop()), [{ storage: 'local', theme: 'dark' }, 'gone']);
});

test('PHP logged no notice, warning or error from the plugin', () => {
  const log = existsSync(wp.debugLog) ? readFileSync(wp.debugLog, 'utf8') : '';
  const ours = log.split('\n').filter((l) => l.includes('/plugins/backwise/'));
  assert.deepEqual(ours, []);
});
