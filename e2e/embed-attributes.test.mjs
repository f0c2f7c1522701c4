// End-to-end: the element's attributes as a blogger (or a consent banner)
// sets them: view, deck, theme and storage changed live, values in any case,
// storage turned on and off with the reader's progress kept, storage="none"
// from the start, and a page where localStorage throws.
// Needs `trunk build --release --offline` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, assertNoErrors, waitForReady } from './lib/browser.mjs';
import { assertFocusInWidget } from './lib/widget.mjs';
import {
  baseDeck, LABEL, BIN, button, placeItem, setAttribute, background, LIGHT, DARK, openFixture,
  openTracked, addWidget, waitForMounted, shadowText,
} from './lib/embed.mjs';

const { server, browser } = await openSuite();

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

test('storage="none" from the start neither reads nor writes, even with a custom deck', async () => {
  // Counts the page's every use of localStorage from here on.
  const countStorageUses = () => {
    const storage = window.localStorage;
    window.storageUses = 0;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        window.storageUses++;
        return storage;
      },
    });
  };
  const t = await openFixture(browser, server, 'blank.html', { initScripts: [countStorageUses] });
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
    assert.equal(await page.evaluate(() => window.storageUses), 0, 'localStorage is not even read');
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'localStorage stays empty');
    await assertNoErrors(t, 'storage none');
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
