// A panic must never leave a blank box. A host script that tears nodes out of
// the widget's shadow DOM makes yew's next DOM update fail and panic. The
// panic aborts (a wasm trap); embed.js must then show the "something went
// wrong" card, log the crash once, and never call into the wasm again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, newPage, waitForReady, screenshot } from './lib/browser.mjs';
import { SHOWN_ITEM } from './lib/widget.mjs';

const { server, browser } = await openSuite();

test('a panic shows the crash card instead of a blank box, and logs once', async () => {
  const t = await newPage(browser);
  const { page } = t;
  try {
    await page.goto(server.url + 'index.html');
    await waitForReady(page, 1);
    await page.getByRole('tab', { name: 'Quiz' }).click();
    // Place items, and each time tear the placed rows out behind yew's back:
    // the next insertion has no sibling to insert before. A bin lists its
    // items in the quiz's shuffled order, so place them last-first in that
    // order: each new row then goes before a torn-out one. (In deck order, a
    // shuffle that happened to list them in that order left nothing to
    // insert before, about one run in 24.)
    const order = await page.evaluate(
      (shownItem) =>
        [...document.querySelector('backwise-widget').shadowRoot.querySelectorAll(`.pool ${shownItem} .item-label`)].map((b) => b.textContent.trim()),
      SHOWN_ITEM,
    );
    const labels = ['Walking', 'Swimming', 'Bicycling', 'Yoga learned from a teacher'];
    labels.sort((a, b) => order.indexOf(b) - order.indexOf(a));
    assert.ok(labels.every((l) => order.includes(l)), `every item is in the pool: ${JSON.stringify(order)}`);
    for (const label of labels) {
      const put = page.getByRole('button', { name: `Put ${label} in Safe alternative` });
      if ((await page.getByRole('alert').count()) > 0) break;
      await put.click({ timeout: 2_000 });
      await page.evaluate(() => {
        document.querySelector('backwise-widget').shadowRoot.querySelectorAll('.bin.safe li').forEach((li) => li.remove());
      });
    }
    const card = page.getByRole('alert');
    await card.waitFor({ timeout: 5_000 });
    assert.match(await card.textContent(), /Something went wrong/);
    assert.match(await card.textContent(), /Reload the page/);
    const logged = t.consoleErrors.filter((e) => e.includes('backwise: the widget crashed'));
    assert.equal(logged.length, 1, `the crash is logged once: ${JSON.stringify(t.consoleErrors)}`);
    assert.match(logged[0], /RuntimeError/, 'what is logged is the wasm trap');

    // Attribute changes and removal no longer reach the broken module.
    const errorsBefore = t.pageErrors.length + t.consoleErrors.length;
    await page.evaluate(() => {
      const el = document.querySelector('backwise-widget');
      el.setAttribute('view', 'tips');
      el.remove();
      document.body.append(el);
    });
    await page.waitForTimeout(300);
    assert.equal(t.pageErrors.length + t.consoleErrors.length, errorsBefore,
      `no further errors: ${JSON.stringify([...t.pageErrors, ...t.consoleErrors])}`);
    assert.match(await page.getByRole('alert').textContent(), /Something went wrong/, 'the card stays');
    await screenshot(page, 'panic-card');
  } finally {
    await t.context.close();
  }
});

test("another wasm module's trap on the page is not taken for the widget's crash", async () => {
  const t = await newPage(browser);
  const { page } = t;
  try {
    await page.goto(server.url + 'index.html');
    await waitForReady(page, 1);
    await page.evaluate(() => {
      // A module whose one export, boom(), executes `unreachable`.
      const bytes = new Uint8Array([
        0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0,
        7, 8, 1, 4, 98, 111, 111, 109, 0, 0, 10, 5, 1, 3, 0, 0, 11,
      ]);
      const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes));
      setTimeout(() => exports.boom());
    });
    await page.waitForTimeout(300);
    assert.ok(t.pageErrors.some((e) => /RuntimeError/.test(e)), `the host's own trap happened: ${JSON.stringify(t.pageErrors)}`);
    assert.equal(await page.getByRole('alert').count(), 0, 'no crash card');
    assert.deepEqual(t.consoleErrors.filter((e) => e.includes('backwise:')), [], 'nothing logged as a widget crash');
    // The widget still works.
    await page.getByRole('button', { name: /^Next/ }).click();
    await page.getByText('Tip 2 of 10', { exact: true }).waitFor({ timeout: 5_000 });
  } finally {
    await t.context.close();
  }
});
