// Stand-in loader for bench/loader-ab.mjs: <backwise-widget> as embed.js
// defines it before any wasm work (an open shadow root with a slot, and the
// box reserved at the widget's starting height), and nothing else. It
// measures what the definition costs the first paint. Keep the reserved box
// in step with `pending` in embed/embed.js.
const pending = new CSSStyleSheet();
pending.replaceSync(':host{display:block;font-size:medium;block-size:var(--backwise-start-height,36em);overflow:auto}');

customElements.define(
  'backwise-widget',
  class extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).append(document.createElement('slot'));
      this.shadowRoot.adoptedStyleSheets = [pending];
    }
  },
);
