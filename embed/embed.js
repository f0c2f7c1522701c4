// Backwise embed loader: defines <backwise-widget>. Add it once per page:
//   <script type="module" fetchpriority="low" src="/backwise/embed.js"></script>
// The wasm is found next to this file, so the folder works from any path.
// The wasm is fetched and compiled once per page, however many widgets there
// are, and a widget far below the fold starts only when it comes near the
// viewport. Until then its light-DOM children (the fallback HTML) stay visible.
//
// This is the source: scripts/post-build.mjs bundles it with esbuild, with
// the wasm-bindgen glue (./backwise.js) and the widget's CSS (./widget.css, as
// text) that Trunk writes next to it, into the one embed.js that ships.
// BACKWISE_WASM is the wasm's file name, defined by that bundling step (the
// release build gives it a content hash).

import init, { mount } from './backwise.js';
import widgetCss from './widget.css';

const ATTRS = ['deck', 'view', 'theme', 'storage', 'layout'];
const NEAR_VIEWPORT = '500px';

// Until the widget mounts, the fallback shows in a box of the widget's
// starting height, so that the upgrade does not move the page around it. The
// widget's own stylesheet resets the element's margin (widget.css: nothing
// of the page's reaches in), so the box has none either; the page can still
// hide the element.
const pending = new CSSStyleSheet();
pending.replaceSync(':host{display:block;font-size:medium;block-size:var(--backwise-start-height,max(38em,48.5em - 25vw));overflow:auto;margin:0!important}:host([hidden]){display:none}');

// The start-up, once per page however many widgets there are: fetch and
// compile the wasm (compiled while it streams in, off the main thread),
// instantiate it, parse the widget's CSS. It begins when the first widget
// comes near the viewport, and not before the page has shown its first
// content: the page paints with nothing of the widget's in its way, and a
// page whose widgets are all far below the fold fetches no wasm until the
// reader scrolls. (Lighthouse, and so PageSpeed Insights, counts a request
// that finished before the first or the largest paint as part of that
// paint's cost: bench/REPORT.md, "Lighthouse".) Each widget's first render,
// the one long step, runs in a task of its own, so that the start-up does not
// hold up a reader's input longer than it must on a slow phone.

/** Lets the browser handle input and paint before the next step. */
const yieldToBrowser = () =>
  globalThis.scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));

// The first contentful paint as the browser reports it, once the frame is on
// screen (an IntersectionObserver, a frame callback or the load event can
// come before that). A page with nothing to paint but the widget has no
// such paint: it waits a second after the load event instead, and a browser
// without paint timing two frames after it.
const firstPaint = new Promise((resolve) => {
  const paintTiming = globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint');
  if (paintTiming) {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length) {
        observer.disconnect();
        resolve();
      }
    }).observe({ type: 'paint', buffered: true });
  }
  const afterLoad = paintTiming
    ? () => setTimeout(resolve, 1000)
    : () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad, { once: true });
});

const wasmUrl = new URL(BACKWISE_WASM, import.meta.url).href;
let runtime = null;
const loadRuntime = () =>
  (runtime ??= (async () => {
    await firstPaint;
    const compiling = WebAssembly.compileStreaming(fetch(wasmUrl));
    // The main thread waits for the wasm from here: parse the CSS meanwhile.
    const css = new CSSStyleSheet();
    css.replaceSync(widgetCss);
    await init({ module_or_path: await compiling });
    return { mount, css };
  })());

// The first read of localStorage in a page waits for the browser to load the
// site's storage: about 3 ms on a 2-core machine, which in the widget's first
// render would also push that render past the 16 ms after which yew yields
// to the browser (the widget would be ready a frame later). So a widget that
// may use storage (any `storage` but "none", like StorageMode::parse) opens
// it while the wasm is on its way, by reading a key no deck's store uses
// (deck ids are never empty). With storage="none" nothing is read.
const openStorage = () => {
  try {
    localStorage.getItem('backwise::');
  } catch {}
};

// Each widget's first render gets a task of its own, after the CSS and after
// any other widget's first render.
let turns = Promise.resolve();
const nextTurn = () => (turns = turns.then(yieldToBrowser));

// A Rust panic ends in a wasm trap, a WebAssembly.RuntimeError thrown out of
// whatever call was running: an event handler, a timer, a promise job, or a
// call from this file. The module cannot be trusted after that, so every
// started widget shows a "something went wrong" card instead of a frozen box,
// nothing calls into the wasm again, and the trap is logged once. (The
// release build aborts at the panic itself: scripts/release-build.)
const started = new Set();
let crashed = false;
const onTrap = (error) => {
  if (crashed || !(error instanceof WebAssembly.RuntimeError)) return false;
  // Only this module's traps; another wasm on the page is not ours to report.
  // The stack names the wasm (Chromium, Firefox) or at least the glue that
  // called into it (Safari names no wasm URL), which is bundled into this file.
  const stack = String(error.stack);
  if (!stack.includes(wasmUrl) && !stack.includes(import.meta.url)) return false;
  crashed = true;
  console.error('backwise: the widget crashed', error);
  for (const widget of started) widget.crash();
  return true;
};
addEventListener('error', (e) => onTrap(e.error));
addEventListener('unhandledrejection', (e) => onTrap(e.reason));

const nearViewport = 'IntersectionObserver' in window
  ? new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) {
          nearViewport.unobserve(entry.target);
          entry.target.start();
        }
      }
    }, { rootMargin: NEAR_VIEWPORT })
  : null;

// Under layout="auto" the quiz is a stack in a narrow widget and a board in a
// wide one, by the element's own width (a thin column on a laptop is narrow
// too). The widget reads that width with its attributes; a resize asks it to
// read them again, and it re-renders only when the layout changes.
const resized = 'ResizeObserver' in window
  ? new ResizeObserver((entries) => {
      for (const entry of entries) entry.target.widget?.update();
    })
  : null;

class BackwiseWidget extends HTMLElement {
  static get observedAttributes() { return ATTRS; }

  constructor() {
    super();
    this.widget = null;
    this.starting = false;
    // An open shadow root that shows the light-DOM fallback until mount.
    this.attachShadow({ mode: 'open' }).append(document.createElement('slot'));
    this.shadowRoot.adoptedStyleSheets = [pending];
  }

  connectedCallback() {
    if (nearViewport) nearViewport.observe(this);
    else this.start();
  }

  disconnectedCallback() {
    if (nearViewport) nearViewport.unobserve(this);
    started.delete(this);
    resized?.unobserve(this);
    if (this.widget) {
      this.widget.destroy();
      this.widget.free();
      this.widget = null;
      this.shadowRoot.replaceChildren(document.createElement('slot'));
      this.shadowRoot.adoptedStyleSheets = [pending];
    }
  }

  attributeChangedCallback() {
    if (this.widget) this.widget.update();
  }

  async start() {
    if (this.widget || this.starting) return;
    this.starting = true;
    try {
      const runtime = loadRuntime();
      if (this.getAttribute('storage')?.toLowerCase() !== 'none') firstPaint.then(openStorage);
      const { mount, css } = await runtime;
      await nextTurn();
      if (!this.isConnected || this.widget || crashed) return;
      const root = this.shadowRoot;
      root.adoptedStyleSheets = [css];
      root.replaceChildren();
      started.add(this);
      this.widget = mount(root, this);
      resized?.observe(this);
    } catch (error) {
      // A trap in mount shows the crash card. Otherwise keep the fallback
      // visible, and say once why the widget did not start.
      if (!onTrap(error)) console.error('backwise: the widget could not start', error);
    } finally {
      this.starting = false;
    }
  }

  /** The crash card, from DOM calls only: the wasm is not called again. */
  crash() {
    this.widget = null;
    const make = (tag, className, text) => {
      const el = document.createElement(tag);
      el.className = className;
      el.textContent = text;
      return el;
    };
    const card = make('div', 'error-card', '');
    card.setAttribute('role', 'alert');
    card.append(
      make('h2', 'title', 'Something went wrong'),
      make('p', '', 'This widget stopped working. Reload the page to try again.'),
    );
    const root = make('div', 'root', '');
    root.append(card);
    this.shadowRoot.replaceChildren(root);
  }
}

if (!customElements.get('backwise-widget')) {
  customElements.define('backwise-widget', BackwiseWidget);
}
