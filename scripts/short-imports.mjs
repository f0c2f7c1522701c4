// Shortens the names of the wasm's imports, and of the function exports that
// only the glue calls, in the wasm and in its glue.
//
// wasm-bindgen names every import after the JS it calls plus a 16-digit hash
// (`__wbg_set_listener_id_fc5a5a59311dcc63`), and each name is spelled twice:
// in the wasm's import section and as a key in the glue's import object. The
// hashes do not compress, so ~160 of them cost several KB of brotli. The
// names carry no meaning at run time: the wasm finds each import by its
// module and name in the object the glue passes to `instantiate`, so renaming
// both sides the same way changes nothing else.
//
// Refuses (throws) unless every import comes from one module whose name and
// import names each appear exactly once in the glue: then a plain textual
// rename cannot touch anything else.
//
// Exports are the same story the other way round: wasm-bindgen names each
// closure's entry point after its Rust type, with crate hashes (up to ~190
// characters), and the glue calls it as a property of the exports object
// (`wasm.<name>`, minified to some `R.<name>`). A function export is renamed
// only when every mention of it in the glue is such a property access, so
// the glue's own API (`export function mount`) keeps its name, and so does
// the memory, which tests and the benchmark read from outside.

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();
const name = (text) => {
  const bytes = utf8.encode(text);
  return [...u32(bytes.length), ...bytes];
};

/** `a`, `b`, … `Z`, `aa`, `ab`, …: identifiers that are valid object keys. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  do {
    out = letters[n % letters.length] + out;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return out;
}

const escaped = (word) => word.replace(/[.$]/g, '\\$&');

/** `word` as a whole identifier (not part of a longer one). */
const wholeWord = (word, flags = '') => new RegExp(`(?<![\\w$])${escaped(word)}(?![\\w$])`, flags);

const occurrences = (text, word) => (text.match(wholeWord(word, 'g')) || []).length;

/** `word` as a whole property name after a dot: `obj.word`. */
const property = (word, flags = '') => new RegExp(`(?<=\\.)${escaped(word)}(?![\\w$])`, flags);

/** The name (a length-prefixed UTF-8 string) at `at`, and where it ends. */
function readName(wasm, at) {
  const [length, start] = readU32(wasm, at);
  return [fromUtf8.decode(wasm.subarray(start, start + length)), start + length];
}

/** The module's sections: id, and where each one's header and body are. */
function sectionsOf(wasm) {
  const sections = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readU32(wasm, at + 1);
    sections.push({ id, start, end: start + size, head: at });
    at = start + size;
  }
  return sections;
}

/** `wasm` with section `old` replaced by one of the same id and `body`. */
function withSection(wasm, old, body) {
  const section = [old.id, ...u32(body.length), ...body];
  const out = new Uint8Array(wasm.length - (old.end - old.head) + section.length);
  out.set(wasm.subarray(0, old.head), 0);
  out.set(section, old.head);
  out.set(wasm.subarray(old.end), old.head + section.length);
  return out;
}

/**
 * @param {Uint8Array} wasm  the module
 * @param {string} glue      its (minified) wasm-bindgen glue
 * @returns {{ wasm: Uint8Array, glue: string, renamed: number }}
 */
export function shortenImports(wasm, glue) {
  const imports = sectionsOf(wasm).find((s) => s.id === 2);
  if (!imports) return { wasm, glue, renamed: 0 };

  let [count, pos] = readU32(wasm, imports.start);
  const body = [...u32(count)];
  let module = null;
  const moduleKey = 'w';
  for (let i = 0; i < count; i++) {
    let mod, field;
    [mod, pos] = readName(wasm, pos);
    [field, pos] = readName(wasm, pos);
    if (module === null) module = mod;
    if (mod !== module) throw new Error(`short-imports: imports from two modules (${module}, ${mod})`);
    if (wasm[pos] !== 0) throw new Error(`short-imports: import ${field} is not a function`);
    let end;
    [, end] = readU32(wasm, pos + 1);
    const short = shortName(i);
    if (occurrences(glue, field) !== 1) {
      throw new Error(`short-imports: the glue does not name ${field} exactly once`);
    }
    glue = glue.replace(wholeWord(field), short);
    body.push(...name(moduleKey), ...name(short), ...wasm.subarray(pos, end));
    pos = end;
  }
  const quotedModule = new RegExp(`(["'])${module.replace(/[.$/]/g, '\\$&')}\\1`, 'g');
  if ((glue.match(quotedModule) || []).length !== 1) {
    throw new Error(`short-imports: the glue does not name module ${module} exactly once`);
  }
  glue = glue.replace(quotedModule, moduleKey);

  return { wasm: withSection(wasm, imports, body), glue, renamed: count };
}

/** The same for the function exports that only the glue calls (see the top of this file). */
export function shortenExports(wasm, glue) {
  const exports = sectionsOf(wasm).find((s) => s.id === 7);
  if (!exports) return { wasm, glue, renamed: 0 };

  const entries = [];
  let [count, pos] = readU32(wasm, exports.start);
  for (let i = 0; i < count; i++) {
    const [field, at] = readName(wasm, pos);
    const [, end] = readU32(wasm, at + 1); // after the kind byte, the index
    entries.push({ field, kind: wasm[at], rest: wasm.subarray(at, end) });
    pos = end;
  }
  const taken = new Set(entries.map((e) => e.field));
  let next = 0;
  const fresh = () => {
    let short;
    do short = shortName(next++);
    while (taken.has(short));
    return short;
  };
  let renamed = 0;
  const body = [...u32(count)];
  for (const entry of entries) {
    let field = entry.field;
    const accesses = (glue.match(property(field, 'g')) || []).length;
    if (entry.kind === 0 && field.length > 2 && accesses > 0 && accesses === occurrences(glue, field)) {
      field = fresh();
      glue = glue.replace(property(entry.field, 'g'), field);
      renamed++;
    }
    body.push(...name(field), ...entry.rest);
  }
  return { wasm: withSection(wasm, exports, body), glue, renamed };
}
