// Smoke test: the release build in dist/ loads, the widget starts, and the
// page logs no errors. Needs `trunk build --release --offline` first
// (./scripts/test runs it before the e2e step).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, newPage, assertNoErrors, waitForReady, screenshot } from './lib/browser.mjs';

const { server, browser } = await openSuite();

test('index.html starts the widget without errors, loading the two files the size budget counts', async () => {
  const t = await newPage(browser);
  const { page } = t;
  const requested = [];
  page.on('request', (req) => requested.push(new URL(req.url()).pathname));
  try {
    const res = await page.goto(server.url + 'index.html');
    assert.equal(res.status(), 200, 'index.html should be served');

    // Ready = the element fired backwise-ready, or the Tips tab is visible
    // (role locators pierce open shadow roots).
    const tipsTab = page.getByRole('tab', { name: 'Tips' });
    await Promise.any([
      waitForReady(page, 1, 20_000),
      tipsTab.first().waitFor({ state: 'visible', timeout: 20_000 }),
    ]).catch(() => {
      throw new Error('the widget did not start within 20 s: no backwise-ready event and no visible "Tips" tab');
    });
    await tipsTab.first().waitFor({ state: 'visible', timeout: 5_000 });
    const ready = await waitForReady(page, 1, 5_000).catch(() => null);
    assert.ok(ready, 'the widget should fire a backwise-ready event');

    assert.equal(await page.locator('backwise-widget').count() > 0, true, 'page has a <backwise-widget>');
    await assertNoErrors(t, 'index.html');
    const failed = server.failedRequests().filter((r) => r.path !== '/favicon.ico');
    assert.deepEqual(failed, [], 'no request got a 4xx/5xx answer');

    // The size budget (size.test.mjs) counts the loader and the wasm: a
    // widget on the built-in deck must load nothing else, also once the
    // browser has been idle (the Quiz tab is rendered then) and the reader
    // has opened the quiz.
    await page.getByRole('tab', { name: 'Quiz' }).click();
    await page.locator('backwise-widget').getByRole('button', { name: 'Check answers' }).waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    const widgetFiles = requested
      .filter((p) => !['/index.html', '/demo.css', '/favicon.ico'].includes(p))
      .map((p) => p.replace(/-[0-9a-f]{16}(?=_bg\.wasm$)/, '-HASH'));
    assert.deepEqual(widgetFiles, ['/embed.js', '/backwise-HASH_bg.wasm'], `what one widget loads: ${requested.join(', ')}`);
  } finally {
    await screenshot(page, 'smoke-index').catch(() => {});
    await t.context.close();
  }
});
