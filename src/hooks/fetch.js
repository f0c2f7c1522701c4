// Loading a deck at a URL, for src/hooks/use_deck.rs: the browser's fetch
// with a time limit, a body read that stops at the size limit, and the deck
// checker's verdict. `loadDeck` resolves with the packed deck, or rejects
// with the packed problem list (a string), or with an Error that says why
// the deck could not be reached or read.

// A deck server that never answers, or whose body stops half-way, would
// otherwise leave the widget loading for as long as the browser waits
// (minutes). After 20 s the request is aborted (reads of its body fail too),
// and the widget shows its error card with Retry. A browser without
// AbortSignal.timeout (Chrome before 103) fetches without the limit.
const TIME_LIMIT_MS = 20_000;

// The deck checker (crates/checker), a wasm module of its own, loaded the
// first time a widget on the page has a deck at a URL: the built-in deck was
// checked at build time, so most pages never load it. It sits beside
// embed.js, which this file is bundled into (scripts/post-build.mjs names
// its files).
let checker;
const loadChecker = () =>
  (checker ??= import(new URL(BACKWISE_CHECKER_JS, import.meta.url).href).then(async (module) => {
    await module.default({ module_or_path: new URL(BACKWISE_CHECKER_WASM, import.meta.url) });
    return module;
  }).catch((error) => {
    checker = undefined; // Retry loads it again.
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
  const module = await loadChecker().catch(fail('the deck checker could not be loaded'));
  return module.check(bytes, length);
}
