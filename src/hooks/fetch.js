// fetch for src/hooks/use_deck.rs, with a time limit: a deck server that
// never answers, or whose body stops half-way, would otherwise leave the
// widget loading for as long as the browser waits (minutes). After 20 s the
// request is aborted (reads of its body fail too), and the widget shows its
// error card with Retry. A browser without AbortSignal.timeout (Chrome
// before 103) fetches without the limit, as before.
export const fetchDeck = (url) =>
  fetch(url, AbortSignal.timeout ? { signal: AbortSignal.timeout(2e4) } : {});

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

// The verdict on a fetched deck: resolves with the packed deck, or rejects
// with its packed problem list (a string); any other rejection means the
// checker itself could not be loaded or run.
export const checkDeck = (bytes, len) => loadChecker().then((module) => module.check(bytes, len));
