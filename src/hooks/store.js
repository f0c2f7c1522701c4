// localStorage for src/hooks/store.rs. Nothing here throws: sandboxed iframes
// and strict privacy settings make `localStorage` itself throw, and a full
// store throws on a write; then reads find nothing and writes do nothing.
//
// A write waits for a task of its own, so that a reader's click updates the
// widget without also waiting for the browser's storage (about 0.2 ms a
// write: bench/DECISIONS.md, "Storage writes deferred"). It is made in the
// next task, before any read, or when the page is hidden or left, whichever
// comes first, so a reload finds every change.
const unsaved = new Map();

const flush = () => {
  for (const [key, value] of unsaved) {
    try {
      localStorage.setItem(key, value);
    } catch {}
  }
  unsaved.clear();
};
addEventListener('pagehide', flush);

export function load(key) {
  flush();
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function save(key, value) {
  if (!unsaved.size) setTimeout(flush);
  unsaved.set(key, value);
}
