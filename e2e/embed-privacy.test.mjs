// End-to-end: the widget asks nothing of anyone but the page's own origin,
// and keeps nothing but its own localStorage keys: no third-party request,
// no cookie.
// Needs `trunk build --release --offline` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, assertNoErrors, waitForReady } from './lib/browser.mjs';
import {
  PAGES, button, placeItem, openTracked, addWidget, waitForMounted, foreignRequests,
} from './lib/embed.mjs';

const { server, browser } = await openSuite();

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
