// End-to-end: the iframe page (embed.html) and the README's parent snippet:
// backwise:resize messages with the frame's height, again when the quiz
// content changes.
// Needs `trunk build --release --offline` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, assertNoErrors, waitForReady, screenshot } from './lib/browser.mjs';
import { baseDeck, BIN, openFixture } from './lib/embed.mjs';

const deck = baseDeck();
const { server, browser } = await openSuite();

test('iframe page: posts backwise:resize with its height, and again when the quiz content changes', async () => {
  const t = await openFixture(browser, server, 'iframe-parent.html');
  const { page } = t;
  try {
    const frameEl = await page.waitForSelector('#frame');
    const frame = await frameEl.contentFrame();
    await waitForReady(frame, 1);
    const quiz = page.frameLocator('#frame');
    await quiz.getByRole('tab', { name: 'Quiz', selected: true }).waitFor();
    const docHeight = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const resizes = () => page.evaluate(() => window.__resizes);
    // Until the last message gives the frame document's height (the checks
    // below then say what differs).
    const settled = () =>
      page
        .waitForFunction(() => {
          const last = window.__resizes?.at(-1);
          const doc = document.querySelector('#frame').contentDocument?.documentElement;
          return last && doc && last.height === Math.ceil(doc.getBoundingClientRect().height);
        }, null, { timeout: 5000 })
        .catch(() => {});
    await settled();

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
    await settled();
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
