// Shortens the names of the wasm's imports, in the wasm and in its glue.
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

/** `word` as a whole identifier (not part of a longer one). */
const wholeWord = (word, flags = '') =>
  new RegExp(`(?<![\\w$])${word.replace(/[.$]/g, '\\$&')}(?![\\w$])`, flags);

const occurrences = (text, word) => (text.match(wholeWord(word, 'g')) || []).length;

/**
 * @param {Uint8Array} wasm  the module
 * @param {string} glue      its (minified) wasm-bindgen glue
 * @returns {{ wasm: Uint8Array, glue: string, renamed: number }}
 */
export function shortenImports(wasm, glue) {
  const sections = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readU32(wasm, at + 1);
    sections.push({ id, start, end: start + size, head: at });
    at = start + size;
  }
  const imports = sections.find((s) => s.id === 2);
  if (!imports) return { wasm, glue, renamed: 0 };

  let [count, pos] = readU32(wasm, imports.start);
  const body = [...u32(count)];
  let module = null;
  const moduleKey = 'w';
  for (let i = 0; i < count; i++) {
    let length;
    [length, pos] = readU32(wasm, pos);
    const mod = fromUtf8.decode(wasm.subarray(pos, pos + length));
    pos += length;
    [length, pos] = readU32(wasm, pos);
    const field = fromUtf8.decode(wasm.subarray(pos, pos + length));
    pos += length;
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

  const section = [2, ...u32(body.length), ...body];
  const out = new Uint8Array(wasm.length - (imports.end - imports.head) + section.length);
  out.set(wasm.subarray(0, imports.head), 0);
  out.set(section, imports.head);
  out.set(wasm.subarray(imports.end), imports.head + section.length);
  return { wasm: out, glue, renamed: count };
}
