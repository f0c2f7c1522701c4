// End-to-end: malformed, huge and hostile decks given with deck="…" (issue 4,
// PRODUCT.md "Robustness"). Each one ends in the widget's error card (role
// alert, every problem listed with its JSON path, Retry when the deck was
// unreachable) or, for script and markup in strings, in plain text. Never a
// panic, never a blank box, and a healthy widget on the same page is
// unaffected. axe-core finds nothing on the error cards.
// Needs `trunk build --release --offline` first.

import { test, after } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { openSuite, assertNoErrors, axeScan, assertAxeCleanInBothThemes, screenshot } from './lib/browser.mjs';
import { assertFocusInWidget } from './lib/widget.mjs';
import {
  baseDeck,
  openFixture,
  addWidget,
  waitForMounted,
  shadowText,
  errorCard,
  injectedElements,
} from './lib/embed.mjs';

const ERROR_TITLE = 'This deck could not be shown';
const KB = 1024;
const json = (value) => ({ type: 'application/json; charset=utf-8', body: JSON.stringify(value) });

const { server, browser } = await openSuite();
const other = await startServer(); // a second origin, for cross-origin decks
after(() => other.close());

/** The built-in deck with `edit` applied. */
function mutated(edit) {
  const d = baseDeck();
  edit(d);
  return d;
}

/** A compact valid-looking item. */
const item = (i, answer = i % 2 ? 'avoid' : 'safe') => ({ id: `i${i}`, label: `Item ${i}`, answer, why: 'w' });

/** A JSON document of exactly `bytes` bytes: a deck with a long unknown padding field. */
function paddedDeck(bytes) {
  const head = JSON.stringify(baseDeck()).slice(0, -1) + ',"padding":"';
  const tail = '"}';
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
}

// Lines the browser itself logs for a failed fetch: expected in these cases.
const FETCH_FAILED = /Failed to load resource|has been blocked by CORS policy|net::ERR_/;

/**
 * The cases. `deck` is the attribute value (a path on the test server, or an
 * absolute URL), `serve` adds a dynamic route first. `problems` must each be
 * a listed problem line ("path: message", exactly); `match` are regexps that
 * some problem line must match; `unreachable` expects the Retry card.
 */
const CASES = [
  {
    name: 'bad JSON (a missing brace)',
    deck: '/fixtures/decks/bad-json.json',
    match: [/^\(deck\): not valid JSON/],
  },
  {
    name: 'an empty file',
    deck: '/fixtures/decks/empty.json',
    match: [/^\(deck\): not valid JSON/],
  },
  {
    name: 'an HTML page instead of JSON',
    deck: '/fixtures/decks/not-a-deck.html',
    match: [/^\(deck\): not valid JSON/],
  },
  {
    name: 'a JSON array instead of an object',
    deck: '/dyn/decks/array.json',
    serve: () => json([1, 2, 3]),
    problems: ['(deck): expected an object, found an array'],
  },
  {
    name: 'wrong types',
    deck: '/dyn/decks/wrong-types.json',
    serve: () =>
      json(
        mutated((d) => {
          d.title = 42;
          d.lang = null;
          d.source = 'a string';
          d.tips[0].kind = 'maybe';
          d.quiz.items[3].answer = 'maybe';
          d.quiz.items[4].label = ['x'];
        }),
      ),
    problems: [
      'title: expected a string, found 42',
      'source: expected an object, found "a string"',
      'tips[0].kind: expected "do" or "dont", found "maybe"',
      'quiz.items[3].answer: expected "safe" or "avoid", found "maybe"',
      'quiz.items[4].label: expected a string, found an array',
    ],
    match: [/^lang: /],
  },
  {
    name: 'unknown fields, __proto__ included',
    deck: '/dyn/decks/unknown-fields.json',
    serve: () => {
      const d = mutated((d) => {
        d.colour = 'red';
        d.tips[2].image = 'x.png';
        d.quiz.items[1].points = 3;
        d.ui = { nope: 'x' };
      });
      // A literal "__proto__" key (JSON.stringify of an object would drop it).
      return { type: 'application/json', body: JSON.stringify(d).replace(/^\{/, '{"__proto__":{"polluted":true},') };
    },
    problems: [
      'colour: unknown field',
      'tips[2].image: unknown field',
      'quiz.items[1].points: unknown field',
      'ui.nope: unknown field',
      '__proto__: unknown field',
    ],
    after: async (page) => {
      assert.equal(await page.evaluate(() => ({}).polluted), undefined, 'no prototype pollution');
    },
  },
  {
    name: 'dangling references',
    deck: '/dyn/decks/dangling.json',
    serve: () =>
      json(
        mutated((d) => {
          d.quiz.items[5].instead = 'crunch';
          d.quiz.items[0].tip = 'nope';
          d.quiz.items[1].instead = 'straight-leg-situps';
        }),
      ),
    problems: [
      'quiz.items[5].instead: no item with id "crunch"',
      'quiz.items[0].tip: no tip with id "nope"',
      'quiz.items[1].instead: item "straight-leg-situps" is not a safe item, so it cannot be the alternative',
    ],
  },
  {
    name: 'duplicate ids',
    deck: '/dyn/decks/duplicates.json',
    serve: () =>
      json(
        mutated((d) => {
          d.tips[1].id = d.tips[0].id;
          d.quiz.items[4].id = d.quiz.items[2].id;
        }),
      ),
    problems: [
      'tips[1].id: duplicate id "total-body" (first used at tips[0].id)',
      'quiz.items[4].id: duplicate id "straight-leg-toe-touch" (first used at quiz.items[2].id)',
    ],
  },
  {
    name: 'an empty bin',
    deck: '/dyn/decks/empty-bin.json',
    serve: () =>
      json(
        mutated((d) => {
          for (const it of d.quiz.items) {
            it.answer = 'safe';
            delete it.instead;
          }
        }),
      ),
    problems: ['quiz.items: no item has answer "avoid", so that bin would be empty'],
  },
  {
    name: 'empty and missing strings, a string over 2,000 characters',
    deck: '/dyn/decks/strings.json',
    serve: () =>
      json(
        mutated((d) => {
          d.title = '';
          d.tips[3].headline = '   ';
          d.quiz.bins.safe = '';
          delete d.quiz.prompt;
          d.disclaimer = 'x'.repeat(2500);
        }),
      ),
    problems: [
      'title: must not be empty',
      'tips[3].headline: must not be empty',
      'quiz.bins.safe: must not be empty',
      'quiz.prompt: this field is required',
      'disclaimer: 2500 characters; the limit is 2000',
    ],
  },
  {
    name: 'more than 50 problems: listed up to the cap, the rest counted',
    deck: '/dyn/decks/many-problems.json',
    serve: () =>
      json(
        mutated((d) => {
          for (const it of d.quiz.items) {
            it.answer = 'maybe';
            it.label = 5;
            it.why = '';
          }
        }),
      ),
    problems: ['quiz.items[3].answer: expected "safe" or "avoid", found "maybe"', 'quiz.items[0].label: expected a string, found 5'],
    check: (card) => {
      const total = 17 * 3;
      assert.ok(card.text.includes(`Problems found in this deck: ${total}`), `the card gives the total (${total})`);
      assert.ok(card.problems.length >= 50, `at least 50 problems listed (${card.problems.length})`);
      assert.match(card.text, /and 1 more/, 'the rest are counted');
    },
  },
  {
    name: 'hostile ids and field names are shown as text',
    deck: '/dyn/decks/hostile-names.json',
    serve: () =>
      json(
        mutated((d) => {
          d['<img src=x onerror=alert(1)>'] = 1;
          d.quiz.items[0].id = '<script>alert(2)</script>';
        }),
      ),
    problems: ['<img src=x onerror=alert(1)>: unknown field'],
    match: [/^quiz\.items\[0\]\.id: "<script>alert\(2\)<\/script>" is not a valid id/],
  },
  {
    name: 'a javascript: source URL',
    deck: '/dyn/decks/js-url.json',
    serve: () => json(mutated((d) => (d.source.url = 'javascript:alert(1)'))),
    problems: ['source.url: expected an http or https URL, found "javascript:alert(1)"'],
  },
  {
    name: '150 quiz items and 101 tips (over the count limits)',
    deck: '/dyn/decks/too-many.json',
    serve: () =>
      json(
        mutated((d) => {
          d.quiz.items = Array.from({ length: 150 }, (_, i) => item(i));
          d.tips = Array.from({ length: 101 }, (_, i) => ({ id: `t${i}`, kind: i % 2 ? 'dont' : 'do', headline: 'h', detail: 'd' }));
        }),
      ),
    problems: ['quiz.items: 150 entries; the limit is 100', 'tips: 101 entries; the limit is 100'],
  },
  {
    name: '10,000 quiz items',
    deck: '/dyn/decks/10000-items.json',
    serve: () => json(mutated((d) => (d.quiz.items = Array.from({ length: 10_000 }, (_, i) => item(i))))),
    // ~500 KB: over the size limit, which is checked first; the count would fail too.
    match: [/^\(deck\): the deck is \d+ KB; the limit is 256 KB$|^quiz\.items: 10000 entries; the limit is 100$/],
  },
  {
    name: 'just over 256 KB',
    deck: '/dyn/decks/257k.json',
    serve: () => ({ type: 'application/json', body: paddedDeck(256 * KB + 1) }),
    problems: ['(deck): the deck is 257 KB; the limit is 256 KB'],
  },
  {
    name: 'a 5 MB file (with Content-Length)',
    deck: '/dyn/decks/5mb.json',
    serve: () => ({ type: 'application/json', body: paddedDeck(5 * KB * KB) }),
    problems: ['(deck): the deck is 5120 KB; the limit is 256 KB'],
  },
  {
    name: 'a 5 MB file streamed without Content-Length',
    deck: '/dyn/decks/5mb-chunked.json',
    serve: () => {
      const body = Buffer.from(paddedDeck(5 * KB * KB));
      return async (req, res, url, headers) => {
        res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }); // chunked
        for (let at = 0; at < body.length; at += 64 * KB) {
          if (!res.write(body.subarray(at, at + 64 * KB))) await new Promise((r) => res.once('drain', r));
        }
        res.end();
      };
    },
    match: [/^\(deck\): the deck is \d+ KB; the limit is 256 KB$/],
  },
  {
    name: 'deeply nested JSON (100,000 levels)',
    deck: '/dyn/decks/deep.json',
    serve: () => ({ type: 'application/json', body: '['.repeat(100_000) + ']'.repeat(100_000) }),
    match: [/^\(deck\): /],
  },
  {
    name: 'a 404',
    deck: '/fixtures/decks/does-not-exist.json',
    unreachable: /404/,
    ignoreConsole: FETCH_FAILED,
  },
  {
    name: 'a 500',
    deck: '/dyn/decks/500.json',
    serve: () => ({ status: 500, type: 'text/plain', body: 'boom' }),
    unreachable: /500/,
    ignoreConsole: FETCH_FAILED,
  },
  {
    name: 'a cross-origin deck without CORS headers',
    deck: () => `${other.origin}/decks/back-pain.json`,
    unreachable: /the request failed or got no answer within \d+ seconds/,
    ignoreConsole: FETCH_FAILED,
  },
  {
    name: 'a refused connection',
    deck: 'http://127.0.0.1:9/deck.json',
    unreachable: /the request failed or got no answer within \d+ seconds/,
    ignoreConsole: FETCH_FAILED,
  },
];

for (const c of CASES) {
  test(`deck: ${c.name} → error card`, async () => {
    const deckUrl = typeof c.deck === 'function' ? c.deck() : c.deck;
    if (c.serve) server.route(deckUrl, c.serve());
    const t = await openFixture(browser, server, 'blank.html', {
      ignoreConsole: c.ignoreConsole ? (msg) => c.ignoreConsole.test(msg.text()) : undefined,
    });
    const { page } = t;
    try {
      await addWidget(page, { id: 'ok' });
      await addWidget(page, { id: 'bad', deck: deckUrl, view: 'quiz' });
      assert.equal(await waitForMounted(page, '#bad', 20_000), 'error', 'the widget shows an error card');
      const card = await errorCard(page, '#bad');
      assert.ok(card.visible, 'the error card is visible');
      assert.equal(card.title, ERROR_TITLE);

      if (c.unreachable) {
        assert.match(card.text, /could not be loaded/, `says the deck could not be loaded: ${card.text}`);
        assert.ok(card.text.includes(new URL(deckUrl, server.origin).href) || card.text.includes(deckUrl), `names the deck's URL: ${card.text}`);
        assert.match(card.text, c.unreachable, 'says why');
        assert.deepEqual(card.buttons, ['Retry'], 'offers Retry');
      } else {
        // The count agrees with the list (worded so that it reads right for any count).
        const more = Number(card.text.match(/… and (\d+) more/)?.[1] ?? 0);
        const count = card.problems.filter((p) => p.path).length + more;
        const says = `Problems found in this deck: ${count}`;
        assert.ok(card.text.includes(says), `says "${says}": ${card.text}`);
        assert.deepEqual(card.buttons, [], 'no Retry for a deck that was reached but is wrong');
        const lines = card.problems.map((p) => p.text);
        for (const expected of c.problems || []) {
          assert.ok(lines.includes(expected), `problem listed: ${expected}\n  listed:\n    ${lines.join('\n    ')}`);
          const path = expected.slice(0, expected.indexOf(': '));
          assert.ok(card.problems.some((p) => p.path === path), `the path ${path} is marked up as code`);
        }
        for (const re of c.match || []) {
          assert.ok(lines.some((l) => re.test(l)), `a problem matches ${re}\n  listed:\n    ${lines.join('\n    ')}`);
        }
        if (c.check) c.check(card);
      }

      // Nothing the deck contains became markup, and nothing ran.
      const injected = await injectedElements(page, '#bad');
      assert.deepEqual(injected, { inShadow: [], jsLinks: [], handlers: [], lightRisky: [] });
      assert.deepEqual(await page.evaluate(() => [window.__pwned, window.__dialogs]), [undefined, []]);
      assert.deepEqual(t.dialogs, []);

      // The healthy widget next to it is unaffected.
      assert.equal(await waitForMounted(page, '#ok'), 'ready');
      assert.match(await shadowText(page, '#ok'), /Tip 1 of 10/);

      if (c.after) await c.after(page);
      await assertAxeCleanInBothThemes(page, '#bad', 'on the error card', { context: '#bad' });
      assert.deepEqual(t.panics(), [], 'no panic in the console');
      await assertNoErrors(t, c.name);
    } finally {
      await screenshot(page, `decks-${c.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => {});
      await t.context.close();
      if (c.serve) server.route(deckUrl, null);
    }
  });
}

test('deck: a stream that never ends is cut off at the size limit', async () => {
  // "fetched with gloo-net, reading at most the size limit": a server that
  // keeps sending must not keep the widget loading (or eat memory) forever.
  let sent = 0;
  let closed = false;
  server.route('/dyn/decks/endless.json', (req, res, url, headers) => {
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
    res.write('{"id":"endless","padding":"');
    const chunk = Buffer.alloc(32 * KB, 'x');
    const timer = setInterval(() => {
      if (closed || sent > 64 * KB * KB) return clearInterval(timer);
      res.write(chunk);
      sent += chunk.length;
    }, 10);
    res.on('close', () => {
      closed = true;
      clearInterval(timer);
    });
  });
  const t = await openFixture(browser, server, 'blank.html');
  const { page } = t;
  try {
    await addWidget(page, { id: 'bad', deck: '/dyn/decks/endless.json' });
    const state = await waitForMounted(page, '#bad', 5_000).catch(() => `still loading after 5 s with ${Math.round(sent / KB)} KB sent`);
    assert.equal(state, 'error', 'the widget stops reading and shows the size error');
    const card = await errorCard(page, '#bad');
    assert.ok(card.problems.some((p) => /the limit is 256 KB/.test(p.text)), card.text);
    assert.deepEqual(t.panics(), []);
  } finally {
    closed = true;
    await t.context.close();
    server.route('/dyn/decks/endless.json', null);
  }
});

test('deck: a server that never answers, or stops half-way, ends in the error card at the time limit; Retry then loads', async () => {
  // The widget gives a deck request 20 s. Here the page's AbortSignal.timeout
  // runs 100 times faster, and records the limit it was asked for.
  const open = new Set();
  const hold = (res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
  };
  server.route('/dyn/decks/silent.json', (req, res) => hold(res));
  server.route('/dyn/decks/stalls.json', (req, res, url, headers) => {
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
    res.write('{"id":"stalls","title":"');
    hold(res);
  });
  const faster = () => {
    const real = AbortSignal.timeout.bind(AbortSignal);
    window.__limits = [];
    AbortSignal.timeout = (ms) => {
      window.__limits.push(ms);
      return real(ms / 100);
    };
  };
  const t = await openFixture(browser, server, 'blank.html', { initScripts: [faster], ignoreConsole: (m) => FETCH_FAILED.test(m.text()) });
  const { page } = t;
  try {
    await addWidget(page, { id: 'silent', deck: '/dyn/decks/silent.json' });
    await addWidget(page, { id: 'stalls', deck: '/dyn/decks/stalls.json' });
    for (const [id, reason] of [['silent', 'the request failed or got no answer within 20 seconds'], ['stalls', 'the response could not be read']]) {
      assert.equal(await waitForMounted(page, `#${id}`, 5_000).catch(() => 'still loading after 5 s'), 'error', id);
      const card = await errorCard(page, `#${id}`);
      assert.ok(card.text.includes(`The deck at /dyn/decks/${id}.json could not be loaded: ${reason}.`), card.text);
    }
    assert.deepEqual(await page.evaluate(() => window.__limits), [20000, 20000]);
    server.route('/dyn/decks/silent.json', json(baseDeck()));
    await page.locator('#silent').getByRole('button', { name: 'Retry' }).click();
    await page.locator('#silent').getByText('Tip 1 of 10', { exact: true }).waitFor({ timeout: 5000 });
    assert.deepEqual(t.panics(), []);
    await assertNoErrors(t, 'deck time limit');
  } finally {
    for (const res of open) res.destroy();
    await t.context.close();
    server.route('/dyn/decks/silent.json', null);
    server.route('/dyn/decks/stalls.json', null);
  }
});

test('deck: a browser without AbortSignal.timeout (Chrome before 103) still loads a deck at a URL, without the time limit', async () => {
  const t = await openFixture(browser, server, 'blank.html', { initScripts: [() => delete AbortSignal.timeout] });
  const { page } = t;
  try {
    assert.equal(await page.evaluate(() => typeof AbortSignal.timeout), 'undefined');
    await addWidget(page, { id: 'w', deck: '/decks/back-pain.es.json' });
    assert.equal(await waitForMounted(page, '#w'), 'ready');
    await page.locator('#w').getByText('Consejo 1 de 10', { exact: true }).waitFor();
    assert.deepEqual(t.panics(), []);
    await assertNoErrors(t, 'no AbortSignal.timeout');
  } finally {
    await t.context.close();
  }
});

test('deck: Retry after a 404 loads the deck once it exists, and focus stays in the widget', async () => {
  const url = '/dyn/decks/later.json';
  const t = await openFixture(browser, server, 'blank.html', { ignoreConsole: (m) => FETCH_FAILED.test(m.text()) });
  const { page } = t;
  try {
    await addWidget(page, { id: 'w', deck: url });
    assert.equal(await waitForMounted(page, '#w'), 'error');
    assert.match((await errorCard(page, '#w')).text, /404/);
    const retry = page.locator('#w').getByRole('button', { name: 'Retry' });
    // Retry with the keyboard while the deck is still missing: the card comes
    // back, and focus has not fallen to the page.
    await retry.focus();
    await page.keyboard.press('Enter');
    await retry.waitFor();
    await page.waitForTimeout(200);
    await assertFocusInWidget(page, 'Retry that failed again');
    server.route(url, json(baseDeck(new URL('../decks/back-pain.es.json', import.meta.url).pathname)));
    await retry.focus();
    await page.keyboard.press('Enter');
    await page.locator('#w').getByText('Consejo 1 de 10', { exact: true }).waitFor({ timeout: 5000 });
    await assertFocusInWidget(page, 'Retry that loaded the deck');
    // The next Tab reaches the widget's first control.
    await page.keyboard.press('Tab');
    assert.equal((await assertFocusInWidget(page, 'Tab after Retry')).role, 'tab');
    assert.deepEqual(t.panics(), []);
    await assertNoErrors(t, 'retry');
  } finally {
    await t.context.close();
    server.route(url, null);
  }
});

test('deck: a deck of one kind shows its tips without a filter, never "Tip 0 of 0"', async () => {
  const t = await openFixture(browser, server, 'blank.html');
  const { page } = t;
  for (const kind of ['do', 'dont']) {
    const d = mutated((d) => {
      d.id = `only-${kind}`;
      const kept = new Set(d.tips.filter((tip) => tip.kind === kind).map((tip) => tip.id));
      d.tips = d.tips.filter((tip) => kept.has(tip.id));
      for (const it of d.quiz.items) if (!kept.has(it.tip)) delete it.tip;
    });
    server.route(`/dyn/decks/only-${kind}.json`, json(d));
  }
  try {
    for (const kind of ['do', 'dont']) {
      await addWidget(page, { id: kind, deck: `/dyn/decks/only-${kind}.json` });
      assert.equal(await waitForMounted(page, `#${kind}`), 'ready');
      const w = page.locator(`#${kind}`);
      assert.equal(await w.getByRole('group', { name: 'Show' }).count(), 0, `${kind}: no filter group`);
      assert.equal(await w.getByRole('button', { name: /^(All|Do's|Don'ts)$/ }).count(), 0, `${kind}: no filter button`);
      const progress = w.locator('.tips .progress');
      const badge = kind === 'do' ? /Do$/ : /Don't$/;
      for (let n = 1; n <= 5; n++) {
        assert.equal(await progress.textContent(), `Tip ${n} of 5`);
        assert.match(await w.locator('.badge').textContent(), badge);
        if (n < 5) await w.getByRole('button', { name: 'Next' }).click();
      }
      const { violations, summary } = await axeScan(page, { context: `#${kind}` });
      assert.equal(violations.length, 0, `axe on the ${kind}-only deck:\n${summary}`);
    }
    assert.deepEqual(t.panics(), []);
    await assertNoErrors(t, 'one-kind decks');
  } finally {
    await t.context.close();
    for (const kind of ['do', 'dont']) server.route(`/dyn/decks/only-${kind}.json`, null);
  }
});

test('deck: the footer names the reviewer and the review date when the deck gives them, in the deck\'s words, and has no review line otherwise', async () => {
  const t = await openFixture(browser, server, 'blank.html');
  const { page } = t;
  const read = (file) => JSON.parse(readFileSync(new URL(`./fixtures/decks/${file}`, import.meta.url), 'utf8'));
  const reviewed = read('reviewed.json');
  const plain = read('valid-small.json');
  const translated = { ...reviewed, id: 'reviewed-es', ui: { review_by: 'Revisado por {name} ({credential}).', review_date: 'Última revisión: {date}.' } };
  server.route('/dyn/decks/reviewed-es.json', json(translated));
  /** The footer's lines as a reader sees them. */
  const footerLines = (id) => page.locator(`#${id} footer p`).allInnerTexts();
  try {
    await addWidget(page, { id: 'reviewed', deck: '/fixtures/decks/reviewed.json' });
    await addWidget(page, { id: 'plain', deck: '/fixtures/decks/valid-small.json' });
    await addWidget(page, { id: 'es', deck: '/dyn/decks/reviewed-es.json' });
    for (const id of ['reviewed', 'plain', 'es']) assert.equal(await waitForMounted(page, `#${id}`), 'ready', id);

    assert.deepEqual(await footerLines('reviewed'), [
      reviewed.disclaimer,
      `Source: ${reviewed.source.title}`,
      'Reviewed by Dana Example, Physical therapist, DPT. Last reviewed on 2024-02-29.',
    ]);
    assert.deepEqual(await footerLines('plain'), [plain.disclaimer, `Source: ${plain.source.title}`], 'no review line without the fields');
    assert.equal(
      (await footerLines('es')).at(-1),
      'Revisado por Dana Example (Physical therapist, DPT). Última revisión: 2024-02-29.',
      'the deck\'s own UI text',
    );
    // Still there on the quiz view: the footer belongs to the whole widget.
    await page.locator('#reviewed').getByRole('tab', { name: 'Quiz' }).click();
    await page.locator('#reviewed footer').getByText('Reviewed by Dana Example', { exact: false }).waitFor({ state: 'visible' });

    const { violations, summary } = await axeScan(page, { context: '#reviewed' });
    assert.equal(violations.length, 0, `axe on the reviewed deck:\n${summary}`);
    assert.deepEqual(t.panics(), []);
    await assertNoErrors(t, 'reviewed decks');
  } finally {
    await t.context.close();
    server.route('/dyn/decks/reviewed-es.json', null);
  }
});

test('deck: script and markup in every string render as plain text and run nothing', async () => {
  const t = await openFixture(browser, server, 'blank.html');
  const { page } = t;
  const src = JSON.parse(
    await import('node:fs').then((fs) => fs.promises.readFile(new URL('./fixtures/decks/xss.json', import.meta.url), 'utf8')),
  );
  try {
    await addWidget(page, { id: 'x', deck: '/fixtures/decks/xss.json' });
    assert.equal(await waitForMounted(page, '#x'), 'ready', 'a valid deck with hostile strings is shown');
    const w = page.locator('#x');

    // Strings appear literally.
    await w.getByRole('heading', { name: src.title, exact: true }).waitFor();
    await w.getByRole('heading', { name: src.tips[0].headline, exact: true }).waitFor();
    await w.getByRole('button', { name: 'Turn' }).click();
    await w.getByText(src.tips[0].detail, { exact: true }).waitFor();
    let text = await shadowText(page, '#x');
    const reviewNote = `Reviewed by ${src.reviewed_by.name}, ${src.reviewed_by.credential}. Last reviewed on ${src.last_reviewed}.`;
    for (const s of [src.disclaimer, src.source.title, '<b>1</b> / 2 1', reviewNote]) assert.ok(text.includes(s), `shown as text: ${s}`);
    const link = await page.evaluate(() => document.querySelector('#x').shadowRoot.querySelector('footer a')?.getAttribute('href'));
    assert.equal(link, src.source.url, 'the source link keeps its https URL as an attribute value');

    // Next (its label has an <img> payload) still works.
    await w.getByRole('button', { name: src.ui.next }).click();
    await w.getByRole('heading', { name: src.tips[1].headline, exact: true }).waitFor();

    // The quiz, through the results with why, instead and the tip link.
    await w.getByRole('tab', { name: 'Quiz' }).click();
    assert.ok((await shadowText(page, '#x')).includes(src.quiz.prompt), 'the prompt with a <style> payload is text');
    await w.getByRole('button', { name: `Put ${src.quiz.items[0].label} in ${src.quiz.bins.safe}`, exact: true }).click();
    await w.getByRole('button', { name: `Put ${src.quiz.items[1].label} in ${src.quiz.bins.avoid}`, exact: true }).click();
    await w.getByRole('button', { name: src.ui.check, exact: true }).click();
    await w.getByText('2 of 2', { exact: true }).waitFor();
    text = await shadowText(page, '#x');
    for (const s of [src.quiz.items[0].why, src.quiz.items[1].why, `Instead: ${src.quiz.items[0].label}`]) {
      assert.ok(text.includes(s), `shown as text: ${s}`);
    }
    await page.waitForTimeout(300);

    const injected = await injectedElements(page, '#x');
    assert.deepEqual(injected, { inShadow: [], jsLinks: [], handlers: [], lightRisky: [] }, 'no element was created from deck strings');
    assert.deepEqual(await page.evaluate(() => [window.__pwned, window.__dialogs]), [undefined, []], 'no payload ran');
    assert.deepEqual(t.dialogs, [], 'no dialog opened');
    assert.ok(!server.requests.some((r) => /\/x$/.test(r.path)), 'no <img src=x> was requested');
    assert.deepEqual(t.panics(), []);
    await assertNoErrors(t, 'xss deck');
  } finally {
    await screenshot(page, 'decks-xss').catch(() => {});
    await t.context.close();
  }
});
