// Browser helpers for the e2e suite: Debian's Chromium driven by playwright-core.
// Never `npx playwright install`: there is no download; we use /usr/bin/chromium.
//
//   const browser = await launch();
//   const t = await newPage(browser);     // { page, context, errors(), consoleErrors, pageErrors, cspViolations(), ... }
//   await t.page.goto(url); await waitForReady(t.page);
//   ...
//   await assertNoErrors(t);        // throws with a readable list
//   const { violations, summary } = await axeScan(t.page);
//   await screenshot(t.page, 'smoke');
//   await browser.close();

import { after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export { ARTIFACTS_DIR, artifactPath, screenshot, writeArtifact } from './artifacts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Launch headless Chromium. `opts` is merged into Playwright's launch options. */
export async function launch(opts = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: process.env.E2E_HEADED !== '1',
    timeout: 60_000,
    ...opts,
    args: [...CHROMIUM_ARGS, ...(opts.args || [])],
  });
}

/**
 * An init script that keeps the memory of every wasm instance the page
 * creates in `window.__wasmMemories`, for leak checks. (The release build
 * writes the glue into embed.js, so there is no glue module to import and
 * ask.) Only the pages that measure memory get it: `newPage(b, { keepWasmMemory: true })`.
 */
export function keepWasmMemory() {
  const memories = (window.__wasmMemories = []);
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    // The release build gives exports short names: find the memory by type.
    const memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
    if (memory) memories.push(memory);
    return result;
  };
}

// Runs in every frame before any page script: records CSP violations and
// backwise-ready events (bubbling + composed, so a capturing listener on
// document sees them from every instance).
function pageRecorder() {
  window.__cspViolations = [];
  window.__backwiseReady = [];
  document.addEventListener(
    'backwise-ready',
    (e) => {
      const t = e.target;
      window.__backwiseReady.push({
        id: (t && t.id) || null,
        deck: (t && t.getAttribute && t.getAttribute('deck')) || null,
        detail: e.detail ?? null,
      });
    },
    true,
  );
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      window.__cspViolations.push({
        directive: e.violatedDirective,
        effective: e.effectiveDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
      });
    },
    true,
  );
}

/**
 * Open a new page in a fresh context and start collecting problems.
 * @param {import('playwright-core').Browser} browser
 * @param {object} [opts]
 * @param {object} [opts.context] options for browser.newContext (viewport, hasTouch, colorScheme, ...)
 * @param {boolean} [opts.logConsole] echo every console message (or E2E_LOG_CONSOLE=1)
 * @param {(msg: import('playwright-core').ConsoleMessage) => boolean} [opts.ignoreConsole]
 *        return true to not count a console error
 * @param {Array<string|Function>} [opts.initScripts] added to the context: they run before
 *        page scripts, after every reload too
 * @returns {Promise<{page, context, consoleErrors: string[], pageErrors: string[],
 *   cspConsole: string[], failedResponses: string[], cspViolations: () => Promise<object[]>,
 *   errors: () => Promise<string[]>}>}
 */
export async function newPage(browser, opts = {}) {
  const context = await browser.newContext({
    viewport: { width: 1000, height: 800 },
    ...(opts.context || {}),
  });
  await context.addInitScript(pageRecorder);
  if (opts.keepWasmMemory) await context.addInitScript(keepWasmMemory);
  for (const script of opts.initScripts || []) await context.addInitScript(script);
  const page = await context.newPage();
  page.setDefaultTimeout(opts.timeout ?? 15_000);

  const consoleErrors = [];
  const pageErrors = [];
  const cspConsole = [];
  const failedResponses = [];
  const logConsole = opts.logConsole ?? process.env.E2E_LOG_CONSOLE === '1';

  page.on('console', (msg) => {
    const text = msg.text();
    if (logConsole) console.log(`[browser ${msg.type()}] ${text}`);
    const isError = msg.type() === 'error';
    if (/Content Security Policy/i.test(text) && !isError) cspConsole.push(text);
    const loc = msg.location();
    // Chromium asks for /favicon.ico on its own; a 404 there is not the widget's fault.
    const favicon = loc && /\/favicon\.ico$/.test(loc.url || '');
    if (isError && !favicon && !(opts.ignoreConsole && opts.ignoreConsole(msg))) {
      consoleErrors.push(loc && loc.url ? `${text} (${loc.url}:${loc.lineNumber})` : text);
    }
  });
  page.on('pageerror', (err) => {
    pageErrors.push(err && err.stack ? err.stack : String(err));
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !/\/favicon\.ico$/.test(res.url())) failedResponses.push(`${res.status()} ${res.url()}`);
  });

  const cspViolations = async () => {
    const all = [];
    for (const frame of page.frames()) {
      try {
        all.push(...(await frame.evaluate(() => window.__cspViolations || [])));
      } catch {
        /* detached frame */
      }
    }
    return all;
  };

  /** Every problem seen so far, as readable lines. */
  const errors = async () => {
    const v = await cspViolations();
    return [
      ...consoleErrors.map((e) => `console.error: ${e}`),
      ...pageErrors.map((e) => `pageerror: ${e}`),
      ...cspConsole.map((t) => `csp console: ${t}`),
      ...v.map((x) => `csp violation: ${x.effective || x.directive} blocked ${x.blocked || '(inline)'}` +
        (x.source ? ` at ${x.source}:${x.line}` : '') + (x.sample ? ` sample=${JSON.stringify(x.sample)}` : '')),
    ];
  };

  return { page, context, consoleErrors, pageErrors, cspConsole, failedResponses, cspViolations, errors };
}

/** Throw a readable error if the page logged errors, threw, or violated CSP. */
export async function assertNoErrors(collected, what = 'page') {
  const list = await collected.errors();
  if (list.length) {
    throw new Error(`${what} reported ${list.length} problem(s):\n  - ${list.join('\n  - ')}`);
  }
}

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

/**
 * Run axe-core on the page (open shadow roots included: axe pierces them by default).
 * Injects axe with page.addScriptTag({path}), which adds an inline <script>: that is
 * blocked on pages served with the strict CSP, so scan a non-CSP page
 * (startServer({csp: false})) — or pass `bypassCSP: true` in newPage's context options.
 * @param {import('playwright-core').Page} page
 * @param {object} [opts]
 * @param {string|object} [opts.context=document] axe context, e.g. 'backwise-widget'
 * @param {object} [opts.options] axe.run options (runOnly, rules, ...)
 * @param {string[]} [opts.impacts] only count these impacts (default: all)
 * @returns {Promise<{violations: object[], incomplete: number, passes: number, summary: string}>}
 */
export async function axeScan(page, opts = {}) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) {
    await page.addScriptTag({ path: AXE_PATH });
    const ok = await page.evaluate(() => typeof window.axe !== 'undefined');
    if (!ok) {
      throw new Error('axeScan: axe-core did not load (is the page served with a strict CSP? scan a non-CSP page)');
    }
  }
  const options = {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    ...(opts.options || {}),
  };
  const result = await page.evaluate(
    async ({ context, options }) => {
      const r = await window.axe.run(context ?? document, options);
      const slim = (v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
      });
      return { violations: r.violations.map(slim), incomplete: r.incomplete.length, passes: r.passes.length };
    },
    { context: opts.context ?? null, options },
  );
  let violations = result.violations;
  if (opts.impacts) violations = violations.filter((v) => opts.impacts.includes(v.impact));
  const summary = violations.length
    ? violations
        .map(
          (v) =>
            `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n` +
            v.nodes
              .slice(0, 5)
              .map((n) => `    at ${JSON.stringify(n.target)}: ${n.html.slice(0, 160)}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}`)
              .join('\n'),
        )
        .join('\n')
    : 'no axe violations';
  return { ...result, violations, summary };
}

/** Resolves two frames from now: once what the last action changed has been laid out and painted. */
export const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * axe-core finds nothing, with the widget at `host` in the light theme and
 * then in the dark one (its `theme` attribute is removed after). `scan` is
 * axeScan's options.
 */
export async function assertAxeCleanInBothThemes(page, host, what, scan = {}) {
  for (const theme of ['light', 'dark']) {
    await page.evaluate(([host, theme]) => document.querySelector(host).setAttribute('theme', theme), [host, theme]);
    await nextFrames(page);
    const { violations, summary } = await axeScan(page, scan);
    assert.equal(violations.length, 0, `axe, ${what} (${theme}):\n${summary}`);
  }
  await page.evaluate((host) => document.querySelector(host).removeAttribute('theme'), host);
}

/**
 * Wait until at least `count` `backwise-ready` events have fired in the page (newPage
 * records them from before the first page script runs, so no event can be missed).
 * Returns the recorded events: [{ id, deck, detail }].
 */
export async function waitForReady(page, count = 1, timeout = 20_000) {
  await page.waitForFunction((n) => (window.__backwiseReady || []).length >= n, count, { timeout });
  return page.evaluate(() => window.__backwiseReady);
}

/**
 * One static server on dist/ and one browser for a whole test file, closed
 * after its last test:  const { server, browser } = await openSuite();
 */
export async function openSuite() {
  const server = await startServer(); // throws a clear message if dist/ is missing
  const browser = await launch();
  after(async () => {
    await browser.close();
    await server.close();
  });
  return { server, browser };
}
