// End-to-end: the widget on a blogger's site. A hostile blog theme with three
// instances (and a root font-size trick), and dist/ served from a sub-path,
// with the loader included from a page in another folder.
// Needs `trunk build --release --offline` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { openSuite, newPage, assertNoErrors, waitForReady, screenshot } from './lib/browser.mjs';
import {
  PAGES, button, placeItem, tipProgress, background, LIGHT, DARK, openFixture, openTracked,
  addWidget, waitForMounted, shadowText,
} from './lib/embed.mjs';

const { server, browser } = await openSuite();

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
          .filter((b) => b.checkVisibility({ visibilityProperty: true }))
          .map((b) => {
            const r = b.getBoundingClientRect();
            return { name: (b.getAttribute('aria-label') || b.textContent).trim().slice(0, 40), w: r.width, h: r.height };
          });
        const fontSizes = [...root.querySelectorAll('*')]
          .filter((e) => e.checkVisibility({ visibilityProperty: true }) && e.textContent.trim() && !e.closest('.visually-hidden'))
          .map((e) => parseFloat(getComputedStyle(e).fontSize));
        const widget = getComputedStyle(root.querySelector('.widget'));
        return {
          open: host.shadowRoot !== null,
          tabs: [...root.querySelectorAll('[role="tab"]')].filter((e) => e.checkVisibility({ visibilityProperty: true })).length,
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
          .filter((b) => b.checkVisibility({ visibilityProperty: true }))
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
