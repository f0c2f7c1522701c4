// The widget's on-demand module (crates/extras) and its two uses:
//  - `loadDeck`, for src/hooks/use_deck.rs: a deck at a URL, through the
//    browser's fetch with a time limit, a body read that stops at the size
//    limit, and the deck checker's verdict;
//  - `sheetParts`, for src/hooks/print_sheet.rs: the take-home sheet's nodes
//    and style sheet.

// A deck server that never answers, or whose body stops half-way, would
// otherwise leave the widget loading for as long as the browser waits
// (minutes). After 20 s the request is aborted (reads of its body fail too),
// and the widget shows its error card with Retry. A browser without
// AbortSignal.timeout (Chrome before 103) fetches without the limit.
const TIME_LIMIT_MS = 20_000;

// The on-demand module is a wasm module of its own, loaded the first time a
// widget on the page needs it: for a deck at a URL (the built-in deck was
// checked at build time) or to print the sheet. Most pages never load it. It
// sits beside embed.js, which this file is bundled into
// (scripts/post-build.mjs names its files).
let extras;
const loadExtras = () =>
  (extras ??= import(new URL(BACKWISE_EXTRAS_JS, import.meta.url).href).then(async (module) => {
    await module.default({ module_or_path: new URL(BACKWISE_EXTRAS_WASM, import.meta.url) });
    return module;
  }).catch((error) => {
    extras = undefined; // The next use loads it again.
    throw error;
  }));

// The body's bytes and its length, or, past `maxBytes`, no bytes and the
// length read so far: a server may send no length, or a body that never ends.
async function readCapped(response, maxBytes) {
  const chunks = [];
  let length = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const { done, value } = reader ? await reader.read() : { done: true };
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      reader.cancel();
      return [new Uint8Array(0), length];
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return [bytes, length];
}

// Resolves with the packed deck, or rejects with its packed problem list (a
// string), or with an Error that says why the deck could not be reached or
// read.
export async function loadDeck(url, maxBytes) {
  // A rejection with the reader's reason in place of the browser's.
  const fail = (reason) => () => {
    throw new Error(reason);
  };
  const signal = AbortSignal.timeout?.(TIME_LIMIT_MS);
  const response = await fetch(url, { signal }).catch(
    fail(`the request failed or got no answer within ${TIME_LIMIT_MS / 1000} seconds`),
  );
  if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
  // Refuse before reading the body when the server says it is too large.
  const declared = Number(response.headers.get('content-length'));
  const [bytes, length] =
    declared > maxBytes
      ? [new Uint8Array(0), declared]
      : await readCapped(response, maxBytes).catch(fail('the response could not be read'));
  const module = await loadExtras().catch(fail('the deck checker could not be loaded'));
  return module.check(bytes, length);
}

// The take-home sheet of the packed deck `packed` with the reader's
// `mistakes` (quiz item indices): resolves with its nodes (see print.js)
// and its style sheet. `mistakes` is a view of the widget's wasm memory,
// valid only during this call: it is copied before the module loads.
export const sheetParts = (packed, mistakes) => {
  const items = mistakes.slice();
  return loadExtras().then((module) => [module.sheet(packed, items), module.sheet_css()]);
};
