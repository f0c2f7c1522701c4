// End-to-end: the take-home sheet. The CLI's static page and the widget's
// printed sheet (with every quiz item as a mistake) each fit one A4 page and
// one US Letter page of Chromium's PDF, in black and white. In the widget,
// under the strict Content-Security-Policy, "Print or save as PDF" in the
// Tips view and in the results prints a sheet of the deck and the reader's
// own mistakes from a frame inside the widget, never the host page, with no
// request but the widget's own on-demand module (which writes the sheet);
// the same in the iframe page. axe on the Tips view and the
// results with the button.
// Needs `trunk build --release --offline` first; cargo builds the CLI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer } from './lib/server.mjs';
import { openSuite, assertNoErrors, axeScan, screenshot, writeArtifact, REPO_ROOT } from './lib/browser.mjs';
import { LABEL, BIN, baseDeck, button, placeItem, openTracked, waitForMounted } from './lib/embed.mjs';
import { openWidget } from './lib/widget.mjs';

const deck = baseDeck();
const ITEMS = deck.quiz.items;
assert.equal(ITEMS.length, 17, 'the built-in deck has 17 quiz items');
const PRINT = 'Print or save as PDF';
const other = (bin) => (bin === 'safe' ? 'avoid' : 'safe');
// Three deliberate mistakes, as in the quiz tests.
const WRONG_IDS = ['straight-leg-situps', 'walking', 'bicycling'];

const { server, browser } = await openSuite();

/**
 * Init script (every frame): a frame's `print()` is replaced, the first
 * time a page script reads the frame's window, by a recorder that keeps
 * what was about to be printed in the parent's `window.__prints`: the
 * sheet's HTML, its adopted CSS, its title, and where the frame was.
 */
function printRecorder() {
  window.__prints = [];
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow').get;
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get() {
      const win = contentWindow.call(this);
      if (win && !win.__printRecorded) {
        win.__printRecorded = true;
        const frame = this;
        win.print = () => {
          const doc = win.document;
          const root = frame.getRootNode();
          window.__prints.push({
            title: doc.title,
            html: doc.body.innerHTML,
            text: doc.body.innerText,
            css: doc.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n'),
            url: doc.URL,
            sandbox: frame.getAttribute('sandbox'),
            inShadowOf: root instanceof ShadowRoot ? root.host.id || root.host.tagName.toLowerCase() : null,
            // Hidden through CSSOM (a strict CSP blocks style attributes).
            visible: frame.checkVisibility({ visibilityProperty: true }),
            box: [frame.getBoundingClientRect().width, frame.getBoundingClientRect().height],
          });
        };
      }
      return win;
    },
  });
}

/** Pages of a PDF, counted as its page objects (`/Type /Page`, not `/Pages`). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;

/**
 * A fresh page with `html` (a whole document), printed to PDF as A4 and as
 * Letter: { A4: pages, Letter: pages, colours: every computed colour that is
 * not a grey }.
 */
async function printedPages(html, name) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent(html);
    const counts = {};
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format });
      counts[format] = pageCount(pdf);
      writeArtifact(`sheet-${name}-${format}.pdf`, pdf);
    }
    const colours = await page.evaluate(() => {
      const notGrey = new Set();
      for (const el of document.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        for (const prop of ['color', 'background-color', 'border-top-color', 'border-bottom-color', 'text-decoration-color']) {
          const v = style.getPropertyValue(prop);
          const [r, g, b] = (v.match(/[\d.]+/g) || []).map(Number);
          if (!(r === g && g === b)) notGrey.add(`${el.tagName.toLowerCase()} ${prop}: ${v}`);
        }
      }
      return [...notGrey];
    });
    // What a reader gets on A4, as a picture (e2e/artifacts/sheet-<name>.png).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.addStyleTag({ content: 'body { padding: 10mm 11mm; }' }); // the page's margins
    await screenshot(page, `sheet-${name}`, { fullPage: false });
    return { ...counts, colours };
  } finally {
    await context.close();
  }
}

/** The sheet the widget printed, as a document of its own. */
const asDocument = (print) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${print.title}</title><style>${print.css}</style></head>` +
  `<body>${print.html}</body></html>`;

/** The labels listed under "Worth a second look" in a printed sheet. */
const mistakeLabels = (html) => {
  const section = html.match(/<section class="mistakes">([\s\S]*?)<\/section>/);
  if (!section) return [];
  return [...section[1].matchAll(/<li><strong>([^<]*)<\/strong>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
};

/** The widget's on-demand module (crates/extras), which writes the sheet. */
const ON_DEMAND = /\/extras-[0-9a-f]{16}(?:\.js|_bg\.wasm)$/;

/**
 * Clicks Print in `host` and returns the sheet it printed; checks that the
 * only requests were for the widget's own on-demand module.
 */
async function printFrom(t, host, { frame = t.page } = {}) {
  const before = await frame.evaluate(() => window.__prints.length);
  const requests = t.requestUrls.length;
  await frame.locator(host).getByRole('button', { name: PRINT, exact: true }).click();
  await frame.waitForFunction((n) => window.__prints.length > n, before);
  // Anything the click would have loaded has started by now.
  await t.page.waitForTimeout(300);
  const made = t.requestUrls.slice(requests);
  assert.deepEqual(made.filter((url) => !ON_DEMAND.test(url)), [], 'printing requests nothing but the on-demand module');
  assert.ok(made.length <= 2, `the on-demand module is loaded once (${made.join(', ')})`);
  return frame.evaluate(() => window.__prints.at(-1));
}

test('the CLI sheet of the built-in deck is one A4 page and one Letter page, in black and white', async () => {
  const run = spawnSync('cargo', ['run', '-q', '-p', 'backwise-cli', '--', 'sheet'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const got = await printedPages(run.stdout, 'cli');
  assert.equal(got.A4, 1, 'A4 pages');
  assert.equal(got.Letter, 1, 'Letter pages');
  assert.deepEqual(got.colours, [], 'only greys');
});

test('strict CSP: Print in the tips and the results prints the sheet with the reader\'s mistakes from a frame in the widget', async () => {
  const csp = await startServer({ csp: true });
  const t = await openTracked(browser, { initScripts: [printRecorder] });
  const { page } = t;
  try {
    await page.goto(csp.origin + '/fixtures/pages/csp.html');
    for (const h of ['#w-tips', '#w-quiz']) assert.equal(await waitForMounted(page, h), 'ready', `${h} mounts`);

    // Tips: the deck, no mistakes.
    const tips = await printFrom(t, '#w-tips');
    assert.equal(tips.inShadowOf, 'w-tips', 'the frame is in the widget\'s shadow root');
    assert.equal(tips.url, 'about:blank', 'the frame loads nothing');
    assert.ok(tips.sandbox !== null && !/\ballow-scripts\b/.test(tips.sandbox), `the frame runs no script (sandbox="${tips.sandbox}")`);
    assert.equal(tips.visible, false, 'the frame is not shown');
    assert.deepEqual(tips.box, [0, 0], 'the frame takes no room');
    assert.equal(tips.title, deck.title);
    assert.match(tips.text, new RegExp(deck.tips[0].headline));
    assert.ok(tips.text.includes(deck.tips[9].detail), 'the last tip\'s detail');
    assert.ok(tips.text.includes(deck.disclaimer), 'the disclaimer');
    assert.ok(tips.text.includes(`Source: ${deck.source.title}`), 'the source');
    assert.ok(!tips.text.includes('Strict CSP'), 'none of the host page\'s text');
    assert.deepEqual(mistakeLabels(tips.html), [], 'no mistakes from the tips');
    assert.ok(!tips.text.includes('Worth a second look'));
    assert.match(tips.css, /@page/, 'the print style sheet is adopted');
    assert.deepEqual(await page.evaluate(() => window.__dialogs.filter((d) => d.name === 'print')), [], 'the host page is not printed');

    // Results with three mistakes: exactly those, in the order the results list them.
    await page.locator('#w-quiz').getByRole('tab', { name: 'Quiz', exact: true }).click();
    for (const item of ITEMS) {
      await placeItem(page, '#w-quiz', item.id, WRONG_IDS.includes(item.id) ? other(item.answer) : item.answer);
    }
    await button(page, '#w-quiz', 'Check answers').click();
    await page.locator('#w-quiz').getByText(`${ITEMS.length - WRONG_IDS.length} of ${ITEMS.length}`, { exact: true }).waitFor();
    const shownWrong = await page.evaluate(() =>
      [...document.querySelector('#w-quiz').shadowRoot.querySelectorAll('.outcome.wrong strong')].map((s) => s.textContent));
    assert.deepEqual([...shownWrong].sort(), WRONG_IDS.map((id) => LABEL[id]).sort());
    const some = await printFrom(t, '#w-quiz');
    assert.equal(some.inShadowOf, 'w-quiz');
    assert.deepEqual(mistakeLabels(some.html), shownWrong, 'the mistakes, in the order of the results');
    const situps = ITEMS.find((i) => i.id === 'straight-leg-situps');
    const alt = ITEMS.find((i) => i.id === situps.instead);
    assert.ok(some.text.includes(`Belongs in: ${BIN.avoid}`));
    assert.ok(some.text.includes(situps.why), 'its why');
    assert.ok(some.text.includes(`Instead: ${alt.label}`), 'the safer alternative');
    assert.ok(!some.text.includes('Strict CSP'), 'none of the host page\'s text');

    // Every item wrong: the longest sheet the built-in deck can give.
    await button(page, '#w-quiz', 'Try again').click();
    for (const item of ITEMS) await placeItem(page, '#w-quiz', item.id, other(item.answer));
    await button(page, '#w-quiz', 'Check answers').click();
    await page.locator('#w-quiz').getByText(`0 of ${ITEMS.length}`, { exact: true }).waitFor();
    const all = await printFrom(t, '#w-quiz');
    assert.equal(mistakeLabels(all.html).length, ITEMS.length, 'all 17 are listed');
    assert.equal(await page.evaluate(() => document.querySelector('#w-quiz').shadowRoot.querySelectorAll('iframe').length), 1,
      'one frame at a time');

    const got = await printedPages(asDocument(all), 'all-mistakes');
    assert.equal(got.A4, 1, 'all 17 mistakes: A4 pages');
    assert.equal(got.Letter, 1, 'all 17 mistakes: Letter pages');
    assert.deepEqual(got.colours, [], 'only greys');

    assert.deepEqual(await t.cspViolations(), [], 'no securitypolicyviolation event');
    assert.deepEqual(t.consoleAll.filter((l) => /Content Security Policy|Refused to/i.test(l)), [], 'no CSP message');
    await assertNoErrors(t, 'sheet under strict CSP');
  } catch (err) {
    await screenshot(page, 'sheet-FAILED-csp').catch(() => {});
    throw err;
  } finally {
    await t.context.close();
    await csp.close();
  }
});

test('strict CSP, the iframe page: Print prints the sheet from inside the frame', async () => {
  const csp = await startServer({ csp: true });
  const t = await openTracked(browser, { initScripts: [printRecorder] });
  const { page } = t;
  try {
    await page.goto(csp.origin + '/fixtures/pages/iframe-parent.html');
    const frame = page.frameLocator('#frame');
    await frame.getByRole('tab', { name: 'Quiz', selected: true }).waitFor();
    await frame.getByRole('tab', { name: 'Tips', exact: true }).click();
    const inner = await (await page.waitForSelector('#frame')).contentFrame();
    const sheet = await printFrom(t, 'backwise-widget', { frame: inner });
    assert.equal(sheet.inShadowOf, 'backwise-widget');
    assert.equal(sheet.title, deck.title);
    assert.ok(sheet.text.includes(deck.tips[0].detail));
    assert.ok(!sheet.text.includes('A platform that strips scripts'), 'none of the parent page\'s text');
    assert.deepEqual(await page.evaluate(() => window.__prints), [], 'nothing printed from the parent page');
    assert.deepEqual(await t.cspViolations(), [], 'no securitypolicyviolation event');
    await assertNoErrors(t, 'sheet in the iframe page');
  } finally {
    await t.context.close();
    await csp.close();
  }
});

test('axe: the Tips view and the results with the Print button, after printing (real print())', async () => {
  const t = await openWidget(browser, server);
  const { page } = t;
  try {
    const widget = page.locator('backwise-widget');
    // After a print too: the hidden frame stays until the next print when
    // no afterprint comes (headless Chromium's print() shows no dialog).
    await widget.getByRole('button', { name: PRINT, exact: true }).click();
    await page.waitForFunction(() => document.querySelector('backwise-widget').shadowRoot.querySelectorAll('iframe').length === 1);
    let scan = await axeScan(page);
    assert.equal(scan.violations.length, 0, `tips:\n${scan.summary}`);

    await widget.getByRole('tab', { name: 'Quiz', exact: true }).click();
    for (const item of ITEMS) await placeItem(page, 'backwise-widget', item.id, item.answer);
    await widget.getByRole('button', { name: 'Check answers', exact: true }).click();
    await widget.getByRole('button', { name: PRINT, exact: true }).click();
    scan = await axeScan(page);
    assert.equal(scan.violations.length, 0, `results:\n${scan.summary}`);
    await assertNoErrors(t, 'axe');
  } finally {
    await t.context.close();
  }
});

test('the on-demand module cannot be loaded: the reader is told, and the next press prints', async () => {
  const t = await openTracked(browser, { initScripts: [printRecorder] });
  const { page } = t;
  try {
    await page.goto(server.url + 'index.html');
    assert.equal(await waitForMounted(page, 'backwise-widget'), 'ready');
    const offline = (route) => route.abort('internetdisconnected');
    await page.route(/\/extras-[0-9a-f]{16}_bg\.wasm$/, offline);
    await page.locator('backwise-widget').getByRole('button', { name: PRINT, exact: true }).click();
    await page.waitForFunction(() => window.__dialogs.some((d) => d.name === 'alert'));
    assert.deepEqual(await page.evaluate(() => window.__dialogs), [
      { name: 'alert', args: ['The sheet could not be prepared. Check your connection and try again.'] },
    ]);
    assert.deepEqual(await page.evaluate(() => window.__prints), [], 'nothing printed');

    await page.unroute(/\/extras-[0-9a-f]{16}_bg\.wasm$/, offline);
    await page.locator('backwise-widget').getByRole('button', { name: PRINT, exact: true }).click();
    await page.waitForFunction(() => window.__prints.length === 1);
    assert.ok((await page.evaluate(() => window.__prints[0].text)).includes(deck.disclaimer), 'the sheet, once the module loads');
    assert.deepEqual(t.pageErrors, [], 'no uncaught error');
  } finally {
    await t.context.close();
  }
});
