// The release build's renaming of wasm imports and exports
// (scripts/short-imports.mjs), on a small module assembled here, with a glue
// shaped like the minified wasm-bindgen one. Plain Node, no browser.
import assert from 'node:assert/strict';
import test from 'node:test';

import { shortenExports, shortenImports } from '../scripts/short-imports.mjs';

const bytes = (text) => [...new TextEncoder().encode(text)];
const str = (text) => [bytes(text).length, ...bytes(text)];
const section = (id, ...entries) => {
  const body = [entries.length, ...entries.flat()];
  return [id, body.length, ...body];
};

const IMPORT = '__wbg_log_0123456789abcdef';
const CLOSURE = 'wasm_bindgen_0123456789abcdef___convert__closures_____invoke';

/** One import; three functions exported as `mount`, CLOSURE and `__wbindgen_malloc`; a memory. */
const module = () =>
  new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x60, 0, 0]), // type 0: () -> ()
    ...section(2, [...str('wbg'), ...str(IMPORT), 0x00, 0]),
    ...section(3, [0], [0], [0]),
    ...section(5, [0x00, 1]), // memory, at least one page
    ...section(7,
      [...str('memory'), 0x02, 0],
      [...str('mount'), 0x00, 1],
      [...str(CLOSURE), 0x00, 2],
      [...str('__wbindgen_malloc'), 0x00, 3]),
    ...section(10, [2, 0, 0x0b], [2, 0, 0x0b], [2, 0, 0x0b]),
  ]);

const glue = [
  'let R;',
  `const i={"wbg":{${IMPORT}:function(){}}};`,
  'export function mount(){return R.mount()}',
  `function n(e){R.${CLOSURE}(e);return R.__wbindgen_malloc(1)+R.__wbindgen_malloc(2)}`,
  'export function bytes(){return R.memory.buffer.byteLength}',
].join('\n');

const exportNames = (wasm) => WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);

test('imports get short names on both sides, and the module still loads', () => {
  const out = shortenImports(module(), glue);
  assert.equal(out.renamed, 1);
  assert.deepEqual(WebAssembly.Module.imports(new WebAssembly.Module(out.wasm)).map((e) => [e.module, e.name]), [['w', 'a']]);
  assert.ok(out.glue.includes('const i={w:{a:function(){}}}'), out.glue);
  assert.ok(!out.glue.includes(IMPORT));
});

test('exports that only the glue calls get short names; its own API and the memory keep theirs', async () => {
  const out = shortenExports(module(), glue);
  assert.equal(out.renamed, 2);
  assert.deepEqual(exportNames(out.wasm), ['memory', 'mount', 'a', 'b']);
  assert.ok(out.glue.includes('export function mount(){return R.mount()}'));
  assert.ok(out.glue.includes('function n(e){R.a(e);return R.b(1)+R.b(2)}'), out.glue);
  assert.ok(out.glue.includes('R.memory.buffer'));
  assert.ok(!out.glue.includes(CLOSURE) && !out.glue.includes('__wbindgen_malloc'));
  const { instance } = await WebAssembly.instantiate(out.wasm, { wbg: { [IMPORT]: () => {} } });
  assert.equal(typeof instance.exports.a, 'function');
  assert.ok(instance.exports.memory instanceof WebAssembly.Memory);
});

test('an export the glue also names other than as a property keeps its name', () => {
  const out = shortenExports(module(), `${glue}\nconst key="${CLOSURE}";`);
  assert.equal(out.renamed, 1);
  assert.deepEqual(exportNames(out.wasm), ['memory', 'mount', CLOSURE, 'a']);
});

test('the import renaming refuses a glue that names an import twice', () => {
  assert.throws(() => shortenImports(module(), `${glue}\nconst again="${IMPORT}";`), /exactly once/);
});
