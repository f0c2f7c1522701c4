// End-to-end: one verdict per deck. The deck checker on the command line and
// the widget read the same file: both accept it or both reject it, and when
// they reject it they list the same problems (the same paths and messages, in
// the same order) and give the same total. A deck author who checks a deck
// before publishing it sees what a reader's widget will show.
//
// Every file in e2e/fixtures/decks/ takes part, and the shipped decks.
// Needs `trunk build --release --offline` first; cargo builds the CLI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { FIXTURES_DIR, MIME_TYPES, REPO_ROOT } from './lib/server.mjs';
import { openSuite, assertNoErrors, waitForReady } from './lib/browser.mjs';
import { openFixture, addWidget, waitForMounted, errorCard } from './lib/embed.mjs';

// The native deck checker, run in the repository root with the deck's path
// appended. It exits 0 and prints `ok: deck "ID" …` for a good deck, and exits
// 1 with one "path: message" line per problem on stderr, then the total, and
// for text that is not JSON a "note:" with the parser's words.
const CHECK_COMMAND = ['cargo', 'run', '-q', '-p', 'backwise-cli', '--', 'check'];

const DECKS = [
  ...readdirSync(path.join(FIXTURES_DIR, 'decks')).map((name) => path.join(FIXTURES_DIR, 'decks', name)),
  ...readdirSync(path.join(REPO_ROOT, 'decks')).map((name) => path.join(REPO_ROOT, 'decks', name)),
].sort();

// The files both must accept; every other one is broken. A duplicate key is
// no error: the last one wins, as in the browser's JSON.parse.
const VALID = new Set(['valid-small.json', 'reviewed.json', 'xss.json', 'duplicate-key.json', 'back-pain.json', 'back-pain.es.json']);

// The card and a terminal show the same text; only the whitespace differs.
const norm = (s) => s.replace(/\s+/g, ' ').trim();

/** The CLI's verdict: { accepted, deckId } or { accepted: false, problems: [lines], total }. */
function cliVerdict(file) {
  const [command, ...args] = CHECK_COMMAND;
  const run = spawnSync(command, [...args, file], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status === 0) return { accepted: true, deckId: run.stdout.match(/^ok: deck "(.*)" with /)?.[1] ?? null };
  if (run.status !== 1) {
    throw new Error(`${CHECK_COMMAND.join(' ')} ${file} gave no verdict (exit ${run.status}):\n${run.stderr}`);
  }
  // A "note:" line (the JSON parser's own words, which differ between the
  // CLI's parser and the browser's) is extra help for a deck author, not a problem.
  const lines = run.stderr.split('\n').map(norm).filter((l) => l && !l.startsWith('note: '));
  const total = Number(lines.pop()?.match(/^(\d+) problems? found$/)?.[1]);
  if (/^… and \d+ more problems$/.test(lines.at(-1))) lines.pop();
  return { accepted: false, problems: lines, total };
}

const { server, browser } = await openSuite();

/** The widget's verdict on the same bytes, in the same shape as cliVerdict's. */
async function widgetVerdict(file) {
  const url = `/verdicts/${path.basename(file)}`;
  const type = MIME_TYPES[path.extname(file)] || 'application/octet-stream';
  server.route(url, { type, body: readFileSync(file) });
  const t = await openFixture(browser, server, 'blank.html');
  try {
    await addWidget(t.page, { id: 'w', deck: url });
    const state = await waitForMounted(t.page, '#w', 20_000);
    await assertNoErrors(t, path.basename(file));
    if (state === 'ready') {
      const [ready] = await waitForReady(t.page, 1);
      return { accepted: true, deckId: ready.detail?.deckId ?? null };
    }
    const card = await errorCard(t.page, '#w');
    return {
      accepted: false,
      // The problem lines are the ones that name a path; "… and N more" does not.
      problems: card.problems.filter((p) => p.path).map((p) => p.text),
      total: Number(card.text.match(/Problems found in this deck: (\d+)/)?.[1]),
    };
  } finally {
    await t.context.close();
    server.route(url, null);
  }
}

const said = (v) => (v.accepted ? `accepts it (deck "${v.deckId}")` : `rejects it:\n    ${v.problems.join('\n    ')}`);

for (const file of DECKS) {
  const name = path.basename(file);
  test(`one verdict: ${path.relative(REPO_ROOT, file)}`, async () => {
    const cli = cliVerdict(file);
    const widget = await widgetVerdict(file);
    const both = `\n  the CLI ${said(cli)}\n  the widget ${said(widget)}`;
    assert.equal(widget.accepted, cli.accepted, `the CLI and the widget disagree:${both}`);
    if (cli.accepted) {
      assert.equal(widget.deckId, cli.deckId, `the same deck id:${both}`);
    } else {
      assert.deepEqual(widget.problems, cli.problems, `the same problems, in the same order:${both}`);
      assert.ok(Number.isInteger(cli.total), `the CLI gives its total:${both}`);
      assert.equal(widget.total, cli.total, `the same total:${both}`);
    }
    assert.equal(cli.accepted, VALID.has(name), VALID.has(name) ? 'a valid deck is accepted' : 'a broken deck is rejected');
  });
}
