// End-to-end: the host events a page can listen to: backwise-ready per
// instance, and backwise-quiz-complete with the score and the wrong ids.
// Needs `trunk build --release --offline` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSuite, assertNoErrors } from './lib/browser.mjs';
import {
  baseDeck, placeItem, eventRecorder, openFixture, addWidget, waitForMounted,
} from './lib/embed.mjs';

const deck = baseDeck();
const { server, browser } = await openSuite();

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
