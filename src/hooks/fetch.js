// fetch for src/hooks/use_deck.rs, with a time limit: a deck server that
// never answers, or whose body stops half-way, would otherwise leave the
// widget loading for as long as the browser waits (minutes). After 20 s the
// request is aborted (reads of its body fail too), and the widget shows its
// error card with Retry. A browser without AbortSignal.timeout (Chrome
// before 103) fetches without the limit, as before.
export const fetchDeck = (url) =>
  fetch(url, AbortSignal.timeout ? { signal: AbortSignal.timeout(2e4) } : {});
