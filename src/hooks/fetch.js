// fetch for src/hooks/use_deck.rs, with a time limit: a deck server that
// never answers, or whose body stops half-way, would otherwise leave the
// widget loading for as long as the browser waits (minutes). After 20 s the
// request is aborted (reads of its body fail too), and the widget shows its
// error card with Retry. (Every browser that has the constructable style
// sheets the widget needs also has AbortSignal.timeout.)
export const fetchDeck = (url) => fetch(url, { signal: AbortSignal.timeout(2e4) });
