// End-to-end: a page served with the strict Content-Security-Policy of
// PRODUCT.md: three widgets, the demo and the iframe page, with no
// violation, and theming from a same-origin style sheet.
// Needs `trunk build --release --offline` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, STRICT_CSP } from './lib/server.mjs';
import { openSuite, assertNoErrors, waitForReady, screenshot } from './lib/browser.mjs';
import {
  PAGES, baseDeck, LABEL, button, placeItem, openTracked, waitForMounted, shadowText,
  shadowStyle,
} from './lib/embed.mjs';

const deck = baseDeck();
const { server, browser } = await openSuite();

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
    const props = ['background-color', 'color', 'font-family', 'border-top-left-radius'];
    assert.deepEqual(
      await shadowStyle(page, '#w-tips', '.root', props),
      { 'background-color': 'rgb(255, 251, 230)', color: 'rgb(32, 32, 64)', 'font-family': '"Courier New", monospace', 'border-top-left-radius': '4px' },
      '--backwise-bg, --backwise-fg, --backwise-font and --backwise-radius theme the widget',
    );
    const plain = await shadowStyle(page, '#w-quiz', '.root', props);
    assert.equal(plain['border-top-left-radius'], '12px', 'a widget the page does not theme keeps its own radius');
    assert.notEqual(plain['font-family'], '"Courier New", monospace', 'and its own font');
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
