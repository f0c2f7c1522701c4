// End-to-end: embedding <backwise-widget> anywhere (issue 4). A hostile blog
// theme with three instances, sub-path hosting, live attribute changes, 50
// insert/remove cycles, a strict-CSP page, no third-party requests or
// cookies, the host events, the no-JS fallback and the iframe page.
// Needs `trunk build --release --offline` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { startServer, STRICT_CSP } from './lib/server.mjs';
import { openSuite, newPage, assertNoErrors, waitForReady, screenshot } from './lib/browser.mjs';
import { assertFocusInWidget } from './lib/widget.mjs';
import {
  PAGES,
  baseDeck,
  openFixture,
  openTracked,
  addWidget,
  waitForMounted,
  shadowText,
  shadowStyle,
  foreignRequests,
} from './lib/embed.mjs';

const deck = baseDeck();
const LABEL = Object.fromEntries(deck.quiz.items.map((i) => [i.id, i.label]));
const BIN = deck.quiz.bins; // { safe: "Safe alternative", avoid: "Avoid" }
const FIRST_TIP = deck.tips[0].headline; // "Build a total-body fitness plan"

const { server, browser } = await openSuite();

/** Locator for a button inside one widget (role locators pierce open shadow roots). */
const button = (page, host, name) => page.locator(host).getByRole('button', { name, exact: true });

/** The "Tip n of m" (or deck-language) progress line of a widget's tips panel. */
const tipProgress = (page, host) =>
  page.evaluate((h) => document.querySelector(h).shadowRoot.querySelector('.tips .progress')?.textContent.trim(), host);

/** The quiz progress line ("n of 17 sorted") of a widget. */
const quizProgress = (page, host) =>
  page.evaluate((h) => document.querySelector(h).shadowRoot.querySelector('.quiz .progress')?.textContent.trim(), host);

/** The widget's background colour (its theme), and the light and dark ones. */
const background = async (page, host) => (await shadowStyle(page, host, '.root', ['background-color']))['background-color'];
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(20, 24, 28)';

/** Set (or, with null, remove) an attribute of the element at `selector`. */
const setAttribute = (page, selector, name, value) =>
  page.evaluate(
    ([sel, n, v]) => (v === null ? document.querySelector(sel).removeAttribute(n) : document.querySelector(sel).setAttribute(n, v)),
    [selector, name, value],
  );

async function placeItem(page, host, id, bin) {
  await button(page, host, `Put ${LABEL[id]} in ${BIN[bin]}`).click();
}

// ---------------------------------------------------------------------------
// 1. The hostile blog page.

const LIGHT_PROPS = [
  'display', 'color', 'background-color', 'font-size', 'font-family', 'font-weight', 'font-style',
  'line-height', 'letter-spacing', 'text-transform', 'margin-top', 'margin-left', 'padding-top',
  'border-top-style', 'border-top-width', 'visibility', 'float', 'position',
];

/** Computed style of the page's own elements, and its ids and style sheets. */
function lightDomSnapshot(props) {
  const pick = (el) => {
    const cs = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  };
  const own = {};
  for (const sel of ['html', 'body', 'main', '#post-title', '#intro', '#own-div', '#own-button', '#between', '#outro']) {
    own[sel] = pick(document.querySelector(sel));
  }
  return {
    own,
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id).sort(),
    styleSheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
    styleElements: document.querySelectorAll('style, link[rel~="stylesheet"]').length,
  };
}

test('hostile blog: three instances are intact under aggressive global CSS and leave the page alone', async () => {
  const url = server.origin + PAGES + 'hostile.html';

  // Baseline: the same page without JavaScript, so without any widget.
  const nojs = await newPage(browser, { context: { javaScriptEnabled: false } });
  await nojs.page.goto(url);
  const baseline = await nojs.page.evaluate(lightDomSnapshot, LIGHT_PROPS);
  await nojs.context.close();

  const t = await openFixture(browser, server, 'hostile.html');
  const { page } = t;
  try {
    const hosts = ['#w-tips', '#w-quiz', '#w-es'];
    for (const h of hosts) assert.equal(await waitForMounted(page, h), 'ready', `${h} mounts its deck`);
    const ready = await waitForReady(page, 3);
    assert.deepEqual(
      Object.fromEntries(ready.map((r) => [r.id, r.detail && r.detail.deckId])),
      { 'w-tips': 'back-pain', 'w-quiz': 'back-pain', 'w-es': 'back-pain-es' },
      'one backwise-ready per instance, with its deck id',
    );

    // Each instance renders, in an open shadow root, with sane layout and type.
    for (const h of hosts) {
      const info = await page.evaluate((sel) => {
        const host = document.querySelector(sel);
        const root = host.shadowRoot;
        const hostRect = host.getBoundingClientRect();
        const buttons = [...root.querySelectorAll('button')]
          .filter((b) => b.checkVisibility())
          .map((b) => {
            const r = b.getBoundingClientRect();
            return { name: (b.getAttribute('aria-label') || b.textContent).trim().slice(0, 40), w: r.width, h: r.height };
          });
        const fontSizes = [...root.querySelectorAll('*')]
          .filter((e) => e.checkVisibility() && e.textContent.trim() && !e.closest('.visually-hidden'))
          .map((e) => parseFloat(getComputedStyle(e).fontSize));
        const widget = getComputedStyle(root.querySelector('.widget'));
        return {
          open: host.shadowRoot !== null,
          tabs: [...root.querySelectorAll('[role="tab"]')].filter((e) => e.checkVisibility()).length,
          buttons,
          minFont: Math.min(...fontSizes),
          maxFont: Math.max(...fontSizes),
          widget: {
            fontSize: widget.fontSize,
            letterSpacing: widget.letterSpacing,
            textTransform: widget.textTransform,
            fontStyle: widget.fontStyle,
            whiteSpace: widget.whiteSpace,
            textIndent: widget.textIndent,
            boxSizing: widget.boxSizing,
          },
          hostWidth: hostRect.width,
          hostHeight: hostRect.height,
          overflow: host.scrollWidth - host.clientWidth,
        };
      }, h);
      assert.ok(info.open, `${h}: open shadow root`);
      assert.equal(info.tabs, 2, `${h}: both tabs visible`);
      assert.ok(info.buttons.length >= 5, `${h}: buttons are visible (${info.buttons.length})`);
      const bad = info.buttons.filter((b) => b.w < 24 || b.h < 24 || b.h >= 200);
      assert.deepEqual(bad, [], `${h}: every visible button is at least 24×24 and under 200 px tall`);
      assert.equal(info.widget.fontSize, '16px', `${h}: body text stays 16px`);
      assert.ok(info.minFont >= 12 && info.maxFont <= 26, `${h}: text sizes stay between 12 and 26 px (${info.minFont}..${info.maxFont})`);
      assert.deepEqual(
        info.widget,
        { fontSize: '16px', letterSpacing: 'normal', textTransform: 'none', fontStyle: 'normal', whiteSpace: 'normal', textIndent: '0px', boxSizing: 'border-box' },
        `${h}: inherited and universal host rules do not reach inside`,
      );
      assert.ok(info.hostWidth >= 300, `${h}: widget is laid out at full width (${info.hostWidth})`);
      assert.ok(info.hostHeight >= 300, `${h}: widget has a real height (${info.hostHeight})`);
      assert.ok(info.overflow <= 1, `${h}: nothing overflows the widget horizontally`);
    }

    // Themes: the dark Spanish instance is dark, the others light.
    assert.equal(await background(page, '#w-tips'), LIGHT);
    assert.equal(await background(page, '#w-es'), DARK, 'theme="dark" applies');

    // Behaviour: Next in one instance moves only that one.
    assert.equal(await tipProgress(page, '#w-tips'), 'Tip 1 of 10');
    assert.equal(await tipProgress(page, '#w-es'), 'Consejo 1 de 10');
    await button(page, '#w-tips', 'Next').click();
    await page.locator('#w-tips').getByText('Tip 2 of 10', { exact: true }).waitFor();
    assert.equal(await tipProgress(page, '#w-es'), 'Consejo 1 de 10', 'the Spanish instance did not move');
    assert.equal(
      await page.locator('#w-quiz').getByText('0 of 17 sorted', { exact: true }).count(),
      1,
      'the quiz instance (same deck) did not change',
    );
    await button(page, '#w-es', 'Siguiente').click();
    await page.locator('#w-es').getByText('Consejo 2 de 10', { exact: true }).waitFor();
    assert.equal(await tipProgress(page, '#w-tips'), 'Tip 2 of 10');
    await placeItem(page, '#w-quiz', 'walking', 'safe');
    await page.locator('#w-quiz').getByText('1 of 17 sorted', { exact: true }).waitFor();
    assert.equal(await tipProgress(page, '#w-tips'), 'Tip 2 of 10', 'sorting did not touch the tips instance');
    const prefixes = await page.evaluate(() => [...new Set(Object.keys(localStorage).map((k) => k.split(':').slice(0, 2).join(':')))].sort());
    assert.deepEqual(prefixes, ['backwise:back-pain', 'backwise:back-pain-es'], 'storage is keyed by deck');

    // Ids: none leak into the light DOM; references resolve inside their own root.
    const ids = await page.evaluate(() => {
      const out = { shadow: [], dangling: [], leaked: [] };
      for (const host of document.querySelectorAll('backwise-widget')) {
        const root = host.shadowRoot;
        for (const el of root.querySelectorAll('[id]')) {
          out.shadow.push(el.id);
          if (document.getElementById(el.id)) out.leaked.push(el.id);
        }
        for (const el of root.querySelectorAll('[aria-labelledby], [aria-controls], [aria-describedby]')) {
          for (const attr of ['aria-labelledby', 'aria-controls', 'aria-describedby']) {
            for (const ref of (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean)) {
              if (!root.getElementById(ref)) out.dangling.push(`${host.id} ${attr}=${ref}`);
            }
          }
        }
      }
      return out;
    });
    assert.ok(ids.shadow.length > 0, 'the widgets use ids inside their shadow roots');
    assert.deepEqual(ids.leaked, [], 'no shadow id is also an id in the light DOM');
    assert.deepEqual(ids.dangling, [], 'every aria id reference resolves inside its own shadow root');

    // The page's own CSS, ids and style sheets are exactly as without the widget.
    const afterSnap = await page.evaluate(lightDomSnapshot, LIGHT_PROPS);
    assert.deepEqual(afterSnap.ids, baseline.ids, 'the widget adds no ids to the light DOM');
    assert.deepEqual(afterSnap.own, baseline.own, "the page's own elements keep their computed style");
    assert.equal(afterSnap.styleSheets, baseline.styleSheets, 'no style sheet added to the document');
    assert.equal(afterSnap.adopted, 0, 'no adopted style sheet on the document');
    assert.equal(afterSnap.styleElements, baseline.styleElements, 'no <style>/<link> added to the light DOM');

    await assertNoErrors(t, 'hostile.html');
  } finally {
    await screenshot(page, 'embed-hostile').catch(() => {});
    await t.context.close();
  }
});

test('hostile blog: a root font-size trick (html { font-size: 62.5% }) does not shrink the widget', async () => {
  // Many themes set the root to 10px so that 1rem = 10px. The widget's text
  // and targets must not shrink with it.
  server.route('/dyn/rem/theme.css', { type: 'text/css', body: 'html { font-size: 62.5% !important; } body { font-size: 1.6rem; }' });
  server.route('/dyn/rem/post.html', {
    type: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>rem</title>' +
      '<link rel="stylesheet" href="theme.css"><script type="module" src="/embed.js"></script></head>' +
      '<body><main id="host"><backwise-widget id="w"></backwise-widget></main></body></html>',
  });
  const t = await openFixture(browser, server, '/dyn/rem/post.html');
  try {
    assert.equal(await waitForMounted(t.page, '#w'), 'ready');
    const info = await t.page.evaluate(() => {
      const root = document.querySelector('#w').shadowRoot;
      return {
        font: getComputedStyle(root.querySelector('.widget')).fontSize,
        small: [...root.querySelectorAll('button')]
          .filter((b) => b.checkVisibility())
          .map((b) => b.getBoundingClientRect())
          .filter((r) => r.width < 24 || r.height < 24).length,
      };
    });
    assert.equal(info.font, '16px', 'text inside stays 16px when the page sets html { font-size: 62.5% }');
    assert.equal(info.small, 0, 'no visible target shrinks below 24×24');
    await assertNoErrors(t, 'rem page');
  } finally {
    await t.context.close();
  }
});

// ---------------------------------------------------------------------------
// 2. Sub-path hosting.

test('dist/ works when served from /some/deep/path/, with no 404 and no request outside it', async () => {
  const deep = await startServer({ prefix: '/some/deep/path/' });
  // A blog post elsewhere on the site that loads the loader by absolute URL.
  deep.route('/blog/2024/post.html', {
    type: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>post</title>' +
      '<script type="module" src="/some/deep/path/embed.js"></script></head><body><main id="host">' +
      '<backwise-widget id="w" view="quiz"></backwise-widget></main></body></html>',
  });
  const t = await openTracked(browser);
  const { page } = t;
  try {
    const res = await page.goto(deep.url + 'index.html');
    assert.equal(res.status(), 200);
    await waitForReady(page, 1);
    const host = 'backwise-widget';
    await button(page, host, 'Next').click();
    await page.locator(host).getByText('Tip 2 of 10', { exact: true }).waitFor();

    // A deck given relative to the page resolves under the sub-path too.
    await addWidget(page, { id: 'es', deck: 'decks/back-pain.es.json' }, { parent: 'main' });
    assert.equal(await waitForMounted(page, '#es'), 'ready');
    assert.match(await shadowText(page, '#es'), /Consejo 1 de 10/);

    // The iframe page under the sub-path.
    await page.goto(deep.url + 'embed.html?view=quiz');
    await waitForReady(page, 1);
    await page.getByRole('tab', { name: 'Quiz', selected: true }).waitFor();

    // The loader from a page in another folder.
    await page.goto(deep.origin + '/blog/2024/post.html');
    assert.equal(await waitForMounted(page, '#w'), 'ready');
    await placeItem(page, '#w', 'swimming', 'safe');
    await page.locator('#w').getByText('1 of 17 sorted', { exact: true }).waitFor();

    const failed = deep.failedRequests().filter((r) => r.path !== '/favicon.ico');
    assert.deepEqual(failed, [], 'no request got a 4xx/5xx answer');
    const outside = deep.requests
      .filter((r) => !r.path.startsWith('/some/deep/path/') && r.path !== '/favicon.ico' && r.path !== '/blog/2024/post.html')
      .map((r) => r.path);
    assert.deepEqual(outside, [], 'every widget file is fetched from under the sub-path');
    // The release build writes the glue and the CSS into embed.js.
    for (const name of [/^embed\.js$/, /^backwise-[0-9a-f]+_bg\.wasm$/]) {
      const under = (r) => r.path.startsWith('/some/deep/path/') && name.test(r.path.slice('/some/deep/path/'.length));
      assert.ok(deep.requests.some((r) => under(r) && r.status === 200), `${name} loaded from the sub-path`);
    }
    await assertNoErrors(t, 'sub-path');
  } finally {
    await t.context.close();
    await deep.close();
  }
});

// ---------------------------------------------------------------------------
// 3. Live attribute changes.

test('attribute changes apply live: view, deck, theme and storage', async () => {
  const t = await openFixture(browser, server, 'blank.html', { context: { colorScheme: 'light' } });
  const { page } = t;
  try {
    await addWidget(page, { id: 'w' });
    assert.equal(await waitForMounted(page, '#w'), 'ready');
    const w = page.locator('#w');
    const setAttr = (name, value) => setAttribute(page, '#w', name, value);

    // view
    await w.getByRole('tab', { name: 'Tips', selected: true }).waitFor();
    await setAttr('view', 'quiz');
    await w.getByRole('tab', { name: 'Quiz', selected: true }).waitFor({ timeout: 5000 });
    await w.getByRole('button', { name: 'Check answers' }).waitFor();
    await setAttr('view', 'tips');
    await w.getByRole('tab', { name: 'Tips', selected: true }).waitFor({ timeout: 5000 });

    // deck
    await setAttr('deck', '/decks/back-pain.es.json');
    await w.getByText('Consejo 1 de 10', { exact: true }).waitFor({ timeout: 5000 });
    assert.match(await shadowText(page, '#w'), /Ejercicios para el dolor de espalda/);
    await setAttr('view', 'quiz');
    await w.getByRole('tab', { name: 'Prueba', selected: true }).waitFor({ timeout: 5000 });
    await setAttr('deck', null);
    await w.getByRole('tab', { name: 'Quiz', selected: true }).waitFor({ timeout: 5000 });
    assert.match(await shadowText(page, '#w'), /Back pain exercises/);
    await setAttr('view', 'tips');

    // theme
    const bg = () => background(page, '#w');
    const light = await bg();
    assert.equal(light, LIGHT);
    await setAttr('theme', 'dark');
    assert.equal(await bg(), DARK, 'theme="dark" turns the background dark');
    await setAttr('theme', 'light');
    assert.equal(await bg(), light, 'theme="light" turns it back');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await bg(), light, 'theme="light" wins over a dark system preference');
    await setAttr('theme', 'auto');
    assert.equal(await bg(), DARK, 'theme="auto" follows the dark system preference');
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal(await bg(), light);

    // storage: local writes, then none writes nothing.
    await button(page, '#w', 'Next').click();
    await w.getByText('Tip 2 of 10', { exact: true }).waitFor();
    const keys = () => page.evaluate(() => Object.keys(localStorage).sort());
    assert.ok((await keys()).some((k) => k.startsWith('backwise:back-pain:')), 'storage="local" (default) remembers the place');
    await setAttr('storage', 'none');
    await page.evaluate(() => localStorage.clear());
    await w.getByText(/Tip \d+ of 10/).waitFor();
    await button(page, '#w', 'Next').click();
    await button(page, '#w', 'Turn').click();
    await setAttr('view', 'quiz');
    await w.getByRole('tab', { name: 'Quiz', selected: true }).waitFor();
    await placeItem(page, '#w', 'walking', 'safe');
    await w.getByText('1 of 17 sorted', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await keys(), [], 'storage="none": nothing is written to localStorage');
    await assertNoErrors(t, 'attribute changes');
  } finally {
    await t.context.close();
  }
});

// Bloggers type attribute values by hand; HTML's own enumerated attributes
// (type="Text", dir="RTL") ignore ASCII case, and so do the widget's.
test('attribute values ignore case, as HTML\'s own do: view="Quiz", theme="DARK", storage="None"', async () => {
  const t = await openFixture(browser, server, 'blank.html', { context: { colorScheme: 'light' } });
  const { page } = t;
  try {
    await page.evaluate(() => localStorage.clear());
    await addWidget(page, { id: 'w', view: 'Quiz', theme: 'DARK', storage: 'None' });
    assert.equal(await waitForMounted(page, '#w'), 'ready');
    const w = page.locator('#w');
    await w.getByRole('tab', { name: 'Quiz', selected: true }).waitFor({ timeout: 5000 });
    const bg = () => background(page, '#w');
    assert.equal(await bg(), DARK, 'theme="DARK" is dark');
    await placeItem(page, '#w', 'walking', 'safe');
    await w.getByText('1 of 17 sorted', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'storage="None" writes nothing');
    await page.emulateMedia({ colorScheme: 'dark' });
    await setAttribute(page, '#w', 'theme', 'Light');
    assert.equal(await bg(), LIGHT, 'theme="Light" wins over a dark system preference');
    await setAttribute(page, '#w', 'view', 'TIPS');
    await w.getByRole('tab', { name: 'Tips', selected: true }).waitFor({ timeout: 5000 });
    await setAttribute(page, '#w', 'view', 'qUiZ');
    await w.getByRole('tab', { name: 'Quiz', selected: true }).waitFor({ timeout: 5000 });
    await assertNoErrors(t, 'attribute case');
  } finally {
    await t.context.close();
  }
});

// A consent banner typically turns storage on (or off) after the widget has
// started. The reader's progress and focus must survive that.
test('changing storage keeps the reader\'s progress and focus; an untouched widget picks up saved progress', async () => {
  const t = await openFixture(browser, server, 'blank.html');
  const { page } = t;
  try {
    await page.evaluate(() => localStorage.clear());
    await addWidget(page, { id: 'w', storage: 'none', view: 'quiz' });
    assert.equal(await waitForMounted(page, '#w'), 'ready');
    const w = page.locator('#w');
    const saved = () => page.evaluate(() => localStorage.getItem('backwise:back-pain:quiz'));
    for (const [id, bin] of [['walking', 'safe'], ['swimming', 'safe'], ['straight-leg-situps', 'avoid']]) {
      await placeItem(page, '#w', id, bin);
    }
    await w.getByText('3 of 17 sorted', { exact: true }).waitFor();
    await button(page, '#w', `Put ${LABEL['bicycling']} in ${BIN.safe}`).focus();
    assert.equal(await saved(), null, 'storage="none" saved nothing');

    // none → local: the same progress, now saved; focus stays where it was.
    await setAttribute(page, '#w', 'storage', 'local');
    await page.waitForFunction(() => localStorage.getItem('backwise:back-pain:quiz') !== null, null, { timeout: 5000 });
    assert.ok(await w.getByText('3 of 17 sorted', { exact: true }).isVisible(), 'the sorted items are still sorted');
    const f = await assertFocusInWidget(page, 'storage none → local');
    assert.equal(f.ariaLabel, `Put ${LABEL['bicycling']} in ${BIN.safe}`, 'focus did not move');
    const atThree = await saved();

    // local → none: the progress stays; nothing more is written.
    await setAttribute(page, '#w', 'storage', 'none');
    await placeItem(page, '#w', 'bicycling', 'safe');
    await w.getByText('4 of 17 sorted', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await saved(), atThree, 'storage="none" wrote nothing more');
    await assertFocusInWidget(page, 'storage local → none and a placement');

    // A widget the reader has not touched yet picks up the saved progress
    // when storage is turned on (the saved 3, not a fresh 0).
    await addWidget(page, { id: 'u', storage: 'none', view: 'quiz' });
    assert.equal(await waitForMounted(page, '#u'), 'ready');
    const u = page.locator('#u');
    await u.getByText('0 of 17 sorted', { exact: true }).waitFor();
    await setAttribute(page, '#u', 'storage', 'local');
    await u.getByText('3 of 17 sorted', { exact: true }).waitFor({ timeout: 5000 });
    await page.waitForTimeout(300);
    assert.equal(await saved(), atThree, 'the saved progress was not overwritten with a fresh quiz');
    await assertNoErrors(t, 'storage changes');
  } finally {
    await t.context.close();
  }
});

// Bloggers style the element: a margin on it must not make the post jump
// when the widget starts (the widget's own box has none, before and after),
// and `hidden` must hide it.
test('a margin the page sets on the element moves nothing when the widget starts, and hidden hides it', async () => {
  const t = await openFixture(browser, server, 'blank.html');
  const { page } = t;
  try {
    // A page rule on the element, adopted: inline styles would break the strict CSP.
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('backwise-widget { margin-block: 40px !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const measure = () =>
      page.evaluate(() => {
        const el = document.getElementById('w');
        const below = document.getElementById('below');
        return {
          top: el.getBoundingClientRect().top + scrollY,
          below: below.getBoundingClientRect().top + scrollY,
          margin: getComputedStyle(el).marginBlockStart,
        };
      });
    await page.evaluate(() => {
      const host = document.querySelector('#host') || document.body;
      const el = document.createElement('backwise-widget');
      el.id = 'w';
      el.innerHTML = '<p>The fallback.</p>';
      const below = document.createElement('p');
      below.id = 'below';
      below.textContent = 'The post goes on.';
      host.append(el, below);
    });
    const waiting = await measure();
    assert.equal(await waitForMounted(page, '#w'), 'ready');
    const started = await measure();
    assert.deepEqual(started, waiting, 'the element and the text below it stay where they were');
    assert.equal(started.margin, '0px', "the widget's box keeps no margin of the page's");

    await page.evaluate(() => (document.getElementById('w').hidden = true));
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('w')).display), 'none', 'hidden hides a started widget');
    await page.evaluate(() => {
      const el = document.createElement('backwise-widget');
      el.id = 'later';
      el.hidden = true;
      document.body.append(el);
    });
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('later')).display), 'none', 'hidden hides a waiting one');
    await assertNoErrors(t, 'margin and hidden');
  } finally {
    await t.context.close();
  }
});

test('storage="none" from the start writes nothing, even with a custom deck', async () => {
  const t = await openFixture(browser, server, 'blank.html');
  const { page } = t;
  try {
    await addWidget(page, { id: 'a', storage: 'none' });
    await addWidget(page, { id: 'b', storage: 'none', view: 'quiz', deck: '/decks/back-pain.es.json' });
    assert.equal(await waitForMounted(page, '#a'), 'ready');
    await button(page, '#a', 'Next').click();
    await page.locator('#a').getByText('Tip 2 of 10', { exact: true }).waitFor();
    assert.equal(await waitForMounted(page, '#b'), 'ready');
    const es = baseDeck(new URL('../decks/back-pain.es.json', import.meta.url).pathname);
    const item = es.quiz.items[0];
    // The Spanish deck's put_in template is "Poner {item} en {bin}".
    await button(page, '#b', `Poner ${item.label} en ${es.quiz.bins.safe}`).click();
    await page.locator('#b').getByText('1 de 17 clasificados', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'localStorage stays empty');
    await assertNoErrors(t, 'storage none');
  } finally {
    await t.context.close();
  }
});

// ---------------------------------------------------------------------------
// 4. Insert and remove 50 times.

async function heapAndListeners(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const count = async (expr) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return listeners.length;
  };
  const wasm = await page.evaluate(() => {
    // One module per page, however many widgets (kept by `keepWasmMemory`).
    if (window.__wasmMemories.length !== 1) throw new Error(`${window.__wasmMemories.length} wasm instances`);
    return window.__wasmMemories[0].buffer.byteLength;
  });
  return { heap: usedSize, wasm, window: await count('window'), document: await count('document') };
}

test('insert and remove a widget 50 times: no errors, no growth, and the last one works', async () => {
  const t = await openFixture(browser, server, 'blank.html', { keepWasmMemory: true });
  const { page } = t;
  const cdp = await t.context.newCDPSession(page);
  try {
    // 50 cycles in the page: most wait for the widget to be ready, some remove it
    // while the deck is still loading, some before it even starts.
    const cycles = (from, to) =>
      page.evaluate(
        async ([from, to]) => {
          const host = document.querySelector('#host');
          const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(what)), ms));
          const log = [];
          for (let i = from; i < to; i++) {
            const el = document.createElement('backwise-widget');
            if (i % 2) el.setAttribute('view', 'quiz');
            if (i % 5 === 3) el.setAttribute('deck', '/decks/back-pain.es.json');
            if (i % 4 === 1) el.setAttribute('theme', 'dark');
            const ready = new Promise((r) => el.addEventListener('backwise-ready', r, { once: true }));
            host.append(el);
            if (i % 10 === 9) {
              el.remove(); // before it starts
              log.push('early');
              continue;
            }
            if (i % 10 === 7) {
              el.setAttribute('deck', `/decks/back-pain.es.json?c=${i}`);
              await Promise.race([
                new Promise((r) => {
                  const poll = () => (el.shadowRoot.querySelector('.widget') ? r() : setTimeout(poll, 1));
                  poll();
                }),
                timeout(5000, `cycle ${i}: never mounted`),
              ]);
              el.remove(); // while its deck is in flight
              log.push('loading');
              continue;
            }
            await Promise.race([ready, timeout(5000, `cycle ${i}: no backwise-ready`)]);
            el.setAttribute('view', i % 2 ? 'tips' : 'quiz'); // a live update just before removal
            el.remove();
            log.push('ready');
          }
          await new Promise((r) => setTimeout(r, 200));
          return { log, left: host.children.length };
        },
        [from, to],
      );

    const warm = await cycles(0, 10);
    assert.equal(warm.left, 0);
    const before = await heapAndListeners(page, cdp);
    const rest = await cycles(10, 50);
    assert.equal(rest.left, 0, 'every widget was removed');
    const all = [...warm.log, ...rest.log];
    assert.equal(all.length, 50);
    assert.ok(all.filter((x) => x === 'ready').length >= 30, 'most cycles mounted fully');
    const afterM = await heapAndListeners(page, cdp);

    const growth = {
      heapKB: Math.round((afterM.heap - before.heap) / 1024),
      wasmKB: Math.round((afterM.wasm - before.wasm) / 1024),
      windowListeners: afterM.window - before.window,
      documentListeners: afterM.document - before.document,
    };
    console.log(`# insert/remove x40 after warm-up: ${JSON.stringify(growth)} (wasm ${Math.round(afterM.wasm / 1024)} KB, heap ${Math.round(afterM.heap / 1024)} KB)`);
    assert.ok(growth.heapKB < 2048, `JS heap grew by ${growth.heapKB} KB over 40 cycles`);
    // wasm memory grows in 64 KB pages and never shrinks: after the warm-up,
    // a widget that frees everything on removal needs at most one more page.
    assert.ok(growth.wasmKB <= 64, `wasm memory grew by ${growth.wasmKB} KB over 40 insert/remove cycles (a leak of ~${Math.round(growth.wasmKB / 40)} KB per widget)`);
    assert.ok(growth.windowListeners <= 0, `window listeners grew by ${growth.windowListeners}`);
    assert.ok(growth.documentListeners <= 0, `document listeners grew by ${growth.documentListeners}`);

    // The final one works.
    await addWidget(page, { id: 'last' });
    assert.equal(await waitForMounted(page, '#last'), 'ready');
    await button(page, '#last', 'Next').click();
    await page.locator('#last').getByText('Tip 2 of 10', { exact: true }).waitFor();
    await page.locator('#last').getByRole('tab', { name: 'Quiz' }).click();
    await placeItem(page, '#last', 'walking', 'safe');
    await page.locator('#last').getByText('1 of 17 sorted', { exact: true }).waitFor();

    assert.deepEqual(t.panics(), [], 'no panic in the console');
    await assertNoErrors(t, 'insert/remove');
  } finally {
    await cdp.detach().catch(() => {});
    await t.context.close();
  }
});

test('a widget inserted after another was removed starts fresh: no state, text or host carried over', async () => {
  const t = await openFixture(browser, server, 'blank.html', { initScripts: [eventRecorder] });
  const { page } = t;
  try {
    // A: quiz view, one item placed, an announcement made; then removed.
    await addWidget(page, { id: 'a', view: 'quiz', storage: 'none' });
    assert.equal(await waitForMounted(page, '#a'), 'ready');
    await placeItem(page, '#a', 'walking', 'safe');
    await page.locator('#a').getByText('1 of 17 sorted', { exact: true }).waitFor();
    const removed = await page.evaluate(() => {
      const el = document.querySelector('#a');
      el.remove();
      return { widgetLeft: !!el.shadowRoot.querySelector('.widget') };
    });
    assert.equal(removed.widgetLeft, false, 'the removed element no longer holds the widget');

    // B: a new element with other attributes.
    await addWidget(page, { id: 'b', storage: 'none' });
    assert.equal(await waitForMounted(page, '#b'), 'ready');
    const b = page.locator('#b');
    await b.getByRole('tab', { name: 'Tips', selected: true }).waitFor();
    assert.equal(await tipProgress(page, '#b'), 'Tip 1 of 10');
    const live = await page.evaluate(() => document.querySelector('#b').shadowRoot.querySelector('[role="status"]').textContent.trim());
    assert.equal(live, '', 'no announcement carried over');
    await b.getByRole('tab', { name: 'Quiz' }).click();
    assert.equal(await quizProgress(page, '#b'), '0 of 17 sorted', 'no placement carried over');

    // B's events are B's.
    for (const it of deck.quiz.items) await placeItem(page, '#b', it.id, it.answer);
    await b.getByRole('button', { name: 'Check answers' }).click();
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'backwise-quiz-complete'));
    const events = await page.evaluate(() => window.__events.map((e) => `${e.name}@${e.target}`));
    assert.deepEqual(events, ['backwise-ready@a', 'backwise-ready@b', 'backwise-quiz-complete@b']);

    // C after a failed deck: the error card does not stick.
    await page.evaluate(() => document.querySelector('#b').remove());
    await addWidget(page, { id: 'c', deck: '/fixtures/decks/bad-json.json' });
    assert.equal(await waitForMounted(page, '#c'), 'error');
    await page.evaluate(() => document.querySelector('#c').remove());
    await addWidget(page, { id: 'd' });
    assert.equal(await waitForMounted(page, '#d'), 'ready');
    assert.equal(await tipProgress(page, '#d'), 'Tip 1 of 10');
    await assertNoErrors(t, 'reuse');
  } finally {
    await t.context.close();
  }
});

test('works when localStorage throws on every access', async () => {
  const throwingStorage = () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  };
  const t = await openTracked(browser, { initScripts: [throwingStorage] });
  const { page } = t;
  try {
    await page.goto(server.url + 'index.html');
    await waitForReady(page, 1);
    await button(page, 'backwise-widget', 'Next').click();
    await page.getByText('Tip 2 of 10', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Quiz' }).click();
    await placeItem(page, 'backwise-widget', 'walking', 'safe');
    await page.getByText('1 of 17 sorted', { exact: true }).waitFor();
    assert.deepEqual(t.panics(), []);
    await assertNoErrors(t, 'throwing localStorage');
  } finally {
    await t.context.close();
  }
});

// ---------------------------------------------------------------------------
// 6. Strict CSP.

test('strict CSP: no violation, and the widgets are interactive', async () => {
  const csp = await startServer({ csp: true });
  const t = await openTracked(browser);
  const { page } = t;
  try {
    const res = await page.goto(csp.origin + PAGES + 'csp.html');
    assert.equal(res.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the strict policy');
    for (const h of ['#w-tips', '#w-quiz', '#w-es']) assert.equal(await waitForMounted(page, h), 'ready', `${h} mounts`);

    await button(page, '#w-tips', 'Next').click();
    await page.locator('#w-tips').getByText('Tip 2 of 10', { exact: true }).waitFor();
    await button(page, '#w-tips', 'Turn').click();
    await page.locator('#w-tips').getByText(deck.tips[1].detail).waitFor();

    await placeItem(page, '#w-quiz', 'walking', 'safe');
    await placeItem(page, '#w-quiz', 'straight-leg-situps', 'avoid');
    await page.locator('#w-quiz').getByText('2 of 17 sorted', { exact: true }).waitFor();
    // Tap placement: select an item, then its bin's drop button.
    await page.locator('#w-quiz').getByRole('button', { name: LABEL.swimming, exact: true }).click();
    await page.locator('#w-quiz').locator('.bin.safe .drop-here').click();
    await page.locator('#w-quiz').getByText('3 of 17 sorted', { exact: true }).waitFor();
    assert.match(await shadowText(page, '#w-es'), /Consejo 1 de 10/);

    // Theming from a same-origin style sheet: custom properties and ::part().
    const chip = await shadowStyle(page, '#w-tips', '.chip[aria-pressed="true"]', ['background-color']);
    assert.equal(chip['background-color'], 'rgb(122, 46, 142)', '--backwise-accent themes the selected filter');
    const header = await shadowStyle(page, '#w-es', '[part~="header"]', ['border-bottom-color', 'border-bottom-width']);
    assert.deepEqual(header, { 'border-bottom-color': 'rgb(0, 128, 0)', 'border-bottom-width': '4px' }, '::part(header) styles the header');

    // The demo and the iframe page under the same policy (same origin: forget
    // the place the tips instance above saved).
    await page.evaluate(() => localStorage.clear());
    await page.goto(csp.url + 'index.html');
    await waitForReady(page, 1);
    await button(page, 'backwise-widget', 'Next').click();
    await page.getByText('Tip 2 of 10', { exact: true }).waitFor();
    await page.goto(csp.url + 'embed.html?view=quiz&theme=dark');
    await waitForReady(page, 1);
    await page.getByRole('tab', { name: 'Quiz', selected: true }).waitFor();

    assert.deepEqual(await t.cspViolations(), [], 'no securitypolicyviolation event');
    assert.deepEqual(t.consoleAll.filter((l) => /Content Security Policy|Refused to/i.test(l)), [], 'no CSP message in the console');
    await assertNoErrors(t, 'strict CSP');
  } finally {
    await screenshot(page, 'embed-csp').catch(() => {});
    await t.context.close();
    await csp.close();
  }
});

// ---------------------------------------------------------------------------
// 7. No third-party requests, no cookies.

test('no request leaves the origin and no cookie is set', async () => {
  const t = await openTracked(browser);
  const { page, context } = t;
  try {
    await page.goto(server.url + 'index.html');
    await waitForReady(page, 1);
    await button(page, 'backwise-widget', 'Next').click();
    await page.getByRole('tab', { name: 'Quiz' }).click();
    await placeItem(page, 'backwise-widget', 'walking', 'safe');
    await page.getByText('1 of 17 sorted', { exact: true }).waitFor();

    await page.goto(server.origin + PAGES + 'blank.html');
    await addWidget(page, { id: 'es', deck: '/decks/back-pain.es.json', view: 'quiz' });
    assert.equal(await waitForMounted(page, '#es'), 'ready');

    await page.goto(server.origin + PAGES + 'iframe-parent.html');
    await page.waitForFunction(() => (window.__resizes || []).length > 0);
    await page.frameLocator('#frame').getByRole('tab', { name: 'Quiz', selected: true }).waitFor();
    await page.waitForTimeout(300);

    assert.ok(t.requestUrls.length >= 10, `requests were recorded (${t.requestUrls.length})`);
    assert.deepEqual(foreignRequests(t.requestUrls, server.origin), [], 'every request goes to the page origin');
    assert.equal(await page.evaluate(() => document.cookie), '', 'document.cookie is empty');
    assert.deepEqual(await context.cookies(), [], 'the browser holds no cookie');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys.filter((k) => !k.startsWith('backwise:')), [], 'localStorage holds only backwise:* keys');
    await assertNoErrors(t, 'privacy');
  } finally {
    await t.context.close();
  }
});

// ---------------------------------------------------------------------------
// 8. Events.

function eventRecorder() {
  window.__events = [];
  for (const name of ['backwise-ready', 'backwise-quiz-complete']) {
    // Bubbling phase on document: only a bubbling, composed event gets here.
    document.addEventListener(name, (e) => {
      window.__events.push({
        name,
        target: e.target && e.target.id,
        bubbles: e.bubbles,
        composed: e.composed,
        detail: JSON.parse(JSON.stringify(e.detail)),
      });
    });
  }
}

test('events: backwise-ready per instance, backwise-quiz-complete with the score and the wrong ids', async () => {
  const t = await openFixture(browser, server, 'blank.html', { initScripts: [eventRecorder] });
  const { page } = t;
  try {
    await addWidget(page, { id: 'tips' });
    await addWidget(page, { id: 'quiz', view: 'quiz' });
    await addWidget(page, { id: 'es', deck: '/decks/back-pain.es.json' });
    for (const h of ['#tips', '#quiz', '#es']) assert.equal(await waitForMounted(page, h), 'ready');
    await page.waitForFunction(() => window.__events.filter((e) => e.name === 'backwise-ready').length >= 3);
    const ready = await page.evaluate(() => window.__events.filter((e) => e.name === 'backwise-ready'));
    assert.equal(ready.length, 3, 'exactly one backwise-ready per instance');
    assert.deepEqual(
      ready.map((e) => [e.target, e.detail.deckId]).sort(),
      [['es', 'back-pain-es'], ['quiz', 'back-pain'], ['tips', 'back-pain']],
    );
    for (const e of ready) {
      assert.ok(e.bubbles && e.composed, 'backwise-ready bubbles and is composed');
      assert.deepEqual(Object.keys(e.detail), ['deckId'], 'backwise-ready carries only the deck id');
    }

    // Answer every item, two of them wrongly, then check.
    const wrongIds = ['walking', 'straight-leg-situps'];
    const quizPage = page.locator('#quiz');
    await quizPage.scrollIntoViewIfNeeded();
    for (const item of deck.quiz.items) {
      const bin = wrongIds.includes(item.id) ? (item.answer === 'safe' ? 'avoid' : 'safe') : item.answer;
      await placeItem(page, '#quiz', item.id, bin);
    }
    await quizPage.getByText(`${deck.quiz.items.length} of ${deck.quiz.items.length} sorted`, { exact: true }).waitFor();
    await quizPage.getByRole('button', { name: 'Check answers' }).click();
    await page.waitForFunction(() => window.__events.some((e) => e.name === 'backwise-quiz-complete'));
    await page.waitForTimeout(200);
    const done = await page.evaluate(() => window.__events.filter((e) => e.name === 'backwise-quiz-complete'));
    assert.equal(done.length, 1, 'one backwise-quiz-complete');
    const [e] = done;
    assert.equal(e.target, 'quiz', 'dispatched on the quiz instance');
    assert.ok(e.bubbles && e.composed, 'bubbling and composed');
    assert.deepEqual(Object.keys(e.detail).sort(), ['deckId', 'score', 'total', 'wrong'], 'only deckId, score, total, wrong');
    const total = deck.quiz.items.length;
    assert.deepEqual(
      { ...e.detail, wrong: [...e.detail.wrong].sort() },
      { deckId: 'back-pain', score: total - wrongIds.length, total, wrong: [...wrongIds].sort() },
    );
    await quizPage.getByText(`${total - wrongIds.length} of ${total}`, { exact: true }).waitFor();
    await assertNoErrors(t, 'events');
  } finally {
    await t.context.close();
  }
});

// ---------------------------------------------------------------------------
// 9. The no-JS fallback.

// The box the fallback waits in must fit the widget on a phone too (the
// tips view wraps taller there), and the page's first paint may come before
// the script has run: the demo's CSS gives the undefined element the same box.
test('no layout shift on phones when the widget starts, also when the page paints before the script runs', async () => {
  const loader = await fs.readFile(new URL('../dist/embed.js', import.meta.url));
  for (const width of [320, 390]) {
    for (const late of [false, true]) {
      if (late) {
        server.route('/embed.js', (req, res, url, headers) => {
          setTimeout(() => {
            res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
            res.end(loader);
          }, 400);
        });
      }
      const t = await openTracked(browser, { context: { viewport: { width, height: 1400 }, isMobile: true, hasTouch: true } });
      const { page } = t;
      try {
        await page.addInitScript(() => {
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) window.__shifts.push({ value: e.value, at: Math.round(e.startTime) });
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(server.url + 'index.html');
        await waitForReady(page, 1);
        await page.waitForTimeout(500);
        const shifts = await page.evaluate(() => window.__shifts);
        assert.deepEqual(shifts, [], `no layout shift at ${width} px${late ? ', script late' : ''}: ${JSON.stringify(shifts)}`);
      } finally {
        await t.context.close();
        if (late) server.route('/embed.js', null);
      }
    }
  }
});

test('fallback: visible without JavaScript, visible before the upgrade, hidden once mounted', async () => {
  const nojs = await newPage(browser, { context: { javaScriptEnabled: false } });
  try {
    await nojs.page.goto(server.url + 'index.html');
    await nojs.page.getByText(FIRST_TIP).first().waitFor({ state: 'visible' });
    await nojs.page.getByText(deck.tips[9].headline).first().waitFor({ state: 'visible' });
    await nojs.page.getByText(deck.disclaimer).first().waitFor({ state: 'visible' });
    await screenshot(nojs.page, 'embed-nojs-fallback').catch(() => {});
  } finally {
    await nojs.context.close();
  }

  const t = await openTracked(browser);
  const { page } = t;
  try {
    await page.goto(server.url + 'index.html');
    await waitForReady(page, 1);
    const state = await page.evaluate(() => {
      const host = document.querySelector('backwise-widget');
      const fb = host.querySelector('.backwise-fallback');
      return {
        present: !!fb,
        slot: fb ? fb.assignedSlot : 'missing',
        visible: fb ? fb.checkVisibility() : null,
        rects: fb ? fb.getClientRects().length : null,
        slots: host.shadowRoot.querySelectorAll('slot').length,
      };
    });
    assert.ok(state.present, 'the fallback stays in the light DOM for crawlers');
    assert.equal(state.slot, null, 'the fallback is assigned to no slot once the widget mounts');
    assert.equal(state.visible, false, 'the fallback is not rendered');
    assert.equal(state.rects, 0);

    // A widget far below the fold starts late: until then its fallback shows.
    await page.goto(server.origin + PAGES + 'blank.html');
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.blockSize = '4000px';
      document.querySelector('#host').append(spacer);
    });
    await addWidget(page, { id: 'late' }, { children: '<p class="fb">Fallback: Build a total-body fitness plan</p>' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const early = await page.evaluate(() => {
      const fb = document.querySelector('#late .fb');
      return { slotted: !!fb.assignedSlot, mounted: !!document.querySelector('#late').shadowRoot.querySelector('.widget') };
    });
    if (!early.mounted) assert.ok(early.slotted, 'before the upgrade the fallback is slotted (shown)');
    assert.equal(await waitForMounted(page, '#late'), 'ready');
    assert.equal(await page.evaluate(() => document.querySelector('#late .fb').checkVisibility()), false, 'hidden after mount');
    await assertNoErrors(t, 'fallback');
  } finally {
    await t.context.close();
  }
});

// ---------------------------------------------------------------------------
// 10. The iframe page.

test('iframe page: posts backwise:resize with its height, and again when the quiz content changes', async () => {
  const t = await openFixture(browser, server, 'iframe-parent.html');
  const { page } = t;
  try {
    const frameEl = await page.waitForSelector('#frame');
    const frame = await frameEl.contentFrame();
    await waitForReady(frame, 1);
    const quiz = page.frameLocator('#frame');
    await quiz.getByRole('tab', { name: 'Quiz', selected: true }).waitFor();
    await page.waitForTimeout(300);
    const docHeight = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const resizes = () => page.evaluate(() => window.__resizes);

    let log = await resizes();
    assert.ok(log.length >= 1, 'at least one backwise:resize message');
    assert.ok(log.every((m) => m.origin === server.origin), 'messages come from the frame origin');
    let last = log.at(-1).height;
    assert.ok(last > 300, `the reported height (${last}) is over 300`);
    assert.equal(last, await docHeight(), 'the last height is the frame document height');
    const iframeHeight = await page.evaluate(() => document.querySelector('#frame').getBoundingClientRect().height);
    assert.equal(Math.round(iframeHeight), last, 'the parent applied it');

    // Sort everything and check: the content (and so the height) changes.
    for (const item of deck.quiz.items) {
      await quiz.getByRole('button', { name: `Put ${item.label} in ${BIN[item.answer]}`, exact: true }).click();
    }
    const beforeCheck = (await resizes()).length;
    const heightSorted = await docHeight();
    await quiz.getByRole('button', { name: 'Check answers' }).click();
    await quiz.getByText(`${deck.quiz.items.length} of ${deck.quiz.items.length}`, { exact: true }).waitFor();
    await page.waitForFunction((n) => window.__resizes.length > n, beforeCheck, { timeout: 5000 });
    await page.waitForTimeout(300);
    log = await resizes();
    const now = log.at(-1).height;
    assert.notEqual(now, heightSorted, 'the results have a different height than the sorted board');
    assert.equal(now, await docHeight(), 'the new height matches the frame document');
    assert.ok(now > 300);
    await assertNoErrors(t, 'iframe page');
  } finally {
    await screenshot(page, 'embed-iframe').catch(() => {});
    await t.context.close();
  }
});
