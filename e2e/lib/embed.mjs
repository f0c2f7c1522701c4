// Helpers for the embedding and deck-robustness tests (embed-*.test.mjs,
// decks.test.mjs, deck-verdicts.test.mjs): fixture pages, widgets added at
// run time, reading inside shadow roots, acting on one widget among several,
// and recording every console line, dialog, event and request.
//
//   const t = await openFixture(browser, server, 'blank.html');
//   await addWidget(t.page, { id: 'w', deck: '/decks/back-pain.es.json' });
//   await waitForMounted(t.page, '#w');
//   const info = await shadowText(t.page, '#w');

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './server.mjs';
import { newPage } from './browser.mjs';

/** Where the fixture pages are, relative to the server origin. */
export const PAGES = '/fixtures/pages/';

/** The built-in deck as parsed JSON: a fresh copy on every call, safe to mutate. */
export function baseDeck(file = path.join(REPO_ROOT, 'decks', 'back-pain.json')) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const BUILTIN = baseDeck();
/** The built-in deck's item labels by id, and its bin labels ({ safe: "Safe alternative", avoid: "Avoid" }). */
export const LABEL = Object.fromEntries(BUILTIN.quiz.items.map((i) => [i.id, i.label]));
export const BIN = BUILTIN.quiz.bins;

/** Locator for a button inside one widget (role locators pierce open shadow roots). */
export const button = (page, host, name) => page.locator(host).getByRole('button', { name, exact: true });

/** Puts the built-in deck's item `id` in `bin` ('safe' or 'avoid') with its "Put … in …" button. */
export async function placeItem(page, host, id, bin) {
  await button(page, host, `Put ${LABEL[id]} in ${BIN[bin]}`).click();
}

/** The "Tip n of m" (or deck-language) progress line of a widget's tips panel. */
export const tipProgress = (page, host) =>
  page.evaluate((h) => document.querySelector(h).shadowRoot.querySelector('.tips .progress')?.textContent.trim(), host);

/** The quiz progress line ("n of 17 sorted") of a widget. */
export const quizProgress = (page, host) =>
  page.evaluate((h) => document.querySelector(h).shadowRoot.querySelector('.quiz .progress')?.textContent.trim(), host);

/** Set (or, with null, remove) an attribute of the element at `selector`. */
export const setAttribute = (page, selector, name, value) =>
  page.evaluate(
    ([sel, n, v]) => (v === null ? document.querySelector(sel).removeAttribute(n) : document.querySelector(sel).setAttribute(n, v)),
    [selector, name, value],
  );

/**
 * Init script: records every backwise-ready and backwise-quiz-complete event
 * that bubbles to the document, in window.__events, with its target's id.
 */
export function eventRecorder() {
  window.__events = [];
  for (const name of ['backwise-ready', 'backwise-quiz-complete']) {
    // Bubbling phase on document: only a bubbling, composed event gets here.
    document.addEventListener(name, (e) => {
      window.__events.push({
        name,
        target: e.target && e.target.id,
        bubbles: e.bubbles,
        composed: e.composed,
        detail: JSON.parse(JSON.stringify(e.detail)),
      });
    });
  }
}

/**
 * Init script: replaces alert/confirm/prompt/print with recorders, so that a
 * script payload that does run is seen (window.__dialogs) and cannot block.
 */
export function dialogTrap() {
  window.__dialogs = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const record = (...args) => {
      window.__dialogs.push({ name, args: args.map(String) });
      return name === 'confirm' ? false : null;
    };
    try {
      Object.defineProperty(window, name, { value: record, configurable: true, writable: true });
    } catch {
      window[name] = record;
    }
  }
}

/**
 * newPage plus: every console line (t.consoleAll), every request the page or
 * its frames made (t.requestUrls), dialogs (t.dialogs, auto-dismissed) and the
 * dialog trap. `opts` goes to newPage (context, ignoreConsole, ...).
 */
export async function openTracked(browser, opts = {}) {
  const t = await newPage(browser, opts);
  t.consoleAll = [];
  t.requestUrls = [];
  t.dialogs = [];
  if (opts.trapDialogs !== false) await t.context.addInitScript(dialogTrap);
  t.page.on('console', (msg) => t.consoleAll.push(`[${msg.type()}] ${msg.text()}`));
  t.page.on('pageerror', (err) => t.consoleAll.push(`[pageerror] ${err && err.message}`));
  t.context.on('request', (req) => t.requestUrls.push(req.url()));
  t.page.on('dialog', (d) => {
    t.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  /** Console lines that mention a Rust panic or a wasm trap. */
  t.panics = () => t.consoleAll.filter((l) => /panicked|RuntimeError|unreachable executed|wasm trap/i.test(l));
  return t;
}

/** New tracked page at a fixture page (`name` under /fixtures/pages/, or an absolute path). */
export async function openFixture(browser, server, name, opts = {}) {
  const t = await openTracked(browser, opts);
  const url = /^https?:/.test(name) ? name : server.origin + (name.startsWith('/') ? name : PAGES + name);
  const res = await t.page.goto(url);
  if (!res || res.status() !== 200) throw new Error(`could not open ${url}: ${res && res.status()}`);
  return t;
}

/**
 * Append a <backwise-widget> with these attributes (and `id`) to #host (or
 * body), and scroll it into view unless `scroll` is false (a widget starts
 * only near the viewport). `children` is light-DOM HTML (the fallback).
 * Returns the id.
 */
export async function addWidget(page, attrs = {}, { children = '', parent = '#host', scroll = true } = {}) {
  return page.evaluate(
    ({ attrs, children, parent, scroll }) => {
      const el = document.createElement('backwise-widget');
      for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, v);
      if (children) el.innerHTML = children;
      (document.querySelector(parent) || document.body).append(el);
      if (scroll) el.scrollIntoView({ block: 'start' });
      return el.id;
    },
    { attrs, children, parent, scroll },
  );
}

/**
 * Wait until the widget at `selector` has mounted (its shadow root holds the
 * app's .widget) and left the loading state: a deck shell or an error card.
 * Returns 'ready' or 'error'.
 */
export async function waitForMounted(page, selector, timeout = 15_000) {
  await page.locator(selector).scrollIntoViewIfNeeded().catch(() => {});
  const handle = await page.waitForFunction(
    (sel) => {
      const root = document.querySelector(sel)?.shadowRoot;
      if (!root || !root.querySelector('.widget')) return false;
      if (root.querySelector('[role="alert"]')) return 'error';
      if (root.querySelector('[role="tablist"]')) return 'ready';
      return false;
    },
    selector,
    { timeout },
  );
  return handle.jsonValue();
}

/** Normalised visible text of the widget's shadow root. */
export async function shadowText(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return (root.textContent || '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  }, selector);
}

/** The error card of a widget: { title, text, problems: [{ path, text }], buttons: [names] } or null. */
export async function errorCard(page, selector) {
  return page.evaluate((sel) => {
    const card = document.querySelector(sel)?.shadowRoot?.querySelector('[role="alert"]');
    if (!card) return null;
    const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
    return {
      title: norm(card.querySelector('h2, h3, .title')?.textContent),
      text: norm(card.textContent),
      problems: [...card.querySelectorAll('li')].map((li) => ({
        path: norm(li.querySelector('code')?.textContent) || null,
        text: norm(li.textContent),
      })),
      buttons: [...card.querySelectorAll('button')].map((b) => norm(b.getAttribute('aria-label') || b.textContent)),
      visible: card.checkVisibility(),
    };
  }, selector);
}

/**
 * Elements a script or markup payload could have created inside a widget's
 * shadow root (or the light DOM around it), as tag names.
 */
export async function injectedElements(page, selector) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const risky = 'img, script, svg, iframe, object, embed, b, i, style, link, video, audio, form, input, math';
    const inShadow = [...host.shadowRoot.querySelectorAll(risky)].map((e) => e.outerHTML.slice(0, 80));
    const jsLinks = [...host.shadowRoot.querySelectorAll('[href], [src], [action], [formaction]')]
      .filter((e) => /^\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || ''))
      .map((e) => e.outerHTML.slice(0, 80));
    const handlers = [...host.shadowRoot.querySelectorAll('*')]
      .filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)))
      .map((e) => e.outerHTML.slice(0, 80));
    const lightRisky = [...document.querySelectorAll('img, script:not([src]), svg, iframe')].map((e) => e.outerHTML.slice(0, 80));
    return { inShadow, jsLinks, handlers, lightRisky };
  }, selector);
}

/** Computed style of the first match of `inner` inside the widget's shadow root. */
export async function shadowStyle(page, selector, inner, props) {
  return page.evaluate(
    ({ selector, inner, props }) => {
      const el = document.querySelector(selector).shadowRoot.querySelector(inner);
      if (!el) return null;
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    },
    { selector, inner, props },
  );
}

/** The widget's background colour (its theme), and the light and dark ones. */
export const background = async (page, host) => (await shadowStyle(page, host, '.root', ['background-color']))['background-color'];
export const LIGHT = 'rgb(255, 255, 255)';
export const DARK = 'rgb(20, 24, 28)';

/** How many backwise-ready events the page has seen (recorded by newPage's init script). */
export async function readyCount(page) {
  return page.evaluate(() => (window.__backwiseReady || []).length);
}

/** The URLs that are not on `origin` (anything unparsable counts as foreign). */
export function foreignRequests(urls, origin) {
  return urls.filter((u) => {
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  });
}
