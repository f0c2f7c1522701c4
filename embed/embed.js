// Backwise embed loader: defines <backwise-widget>. Add it once per page:
//   <script type="module" src="/backwise/embed.js"></script>
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

const ATTRS = ['deck', 'view', 'theme', 'storage'];
const NEAR_VIEWPORT = '500px';

// Until the widget mounts, the fallback shows in a box of the widget's
// starting height, so that the upgrade does not move the page around it. The
// widget's own stylesheet resets the element's margin (widget.css: nothing
// of the page's reaches in), so the box has none either; the page can still
// hide the element.
const pending = new CSSStyleSheet();
pending.replaceSync(':host{display:block;font-size:medium;block-size:var(--backwise-start-height,max(36em,46em - 25vw));overflow:auto;margin:0!important}:host([hidden]){display:none}');

// Fetch the wasm as soon as this script runs, compiling it while it streams
// in (off the main thread), rather than when the first widget nears the
// viewport: that is what makes the first widget interactive quickly. Only the
// main-thread work (instantiating the module, parsing the CSS, mounting)
// waits for the page's first frame, so that it is not part of that frame. (A
// timeout after a frame callback runs once that frame is committed; a
// PerformanceObserver for paint entries fires noticeably later. A hidden page
// gets no frames: the long timeout starts it anyway.)
const afterFirstFrame = new Promise((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve, 0));
  setTimeout(resolve, 200);
});
const wasmUrl = new URL(BACKWISE_WASM, import.meta.url).href;
const wasm = WebAssembly.compileStreaming(fetch(wasmUrl));
const runtime = Promise.all([wasm, afterFirstFrame])
  .then(async ([module]) => {
    await init({ module_or_path: module });
    const css = new CSSStyleSheet();
    css.replaceSync(widgetCss);
    return { mount, css };
  });
// A failure is reported when a widget tries to start; don't also report it here.
runtime.catch(() => {});

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
      const { mount, css } = await runtime;
      if (!this.isConnected || this.widget || crashed) return;
      const root = this.shadowRoot;
      root.adoptedStyleSheets = [css];
      root.replaceChildren();
      started.add(this);
      this.widget = mount(root, this);
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
