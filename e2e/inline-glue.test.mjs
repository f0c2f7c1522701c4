// The release build writes the wasm-bindgen glue into embed.js
// (scripts/inline-glue.mjs). Plain Node tests of that step on small modules;
// the real build is checked by size.test.mjs and used by every browser test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { glueAsExpression, inlineSnippets, replaceOnce } from '../scripts/inline-glue.mjs';

/** The value of an expression made by glueAsExpression (no import.meta in these samples). */
const evaluate = (expression) => new Function(`return ${expression};`)();

test('the glue becomes an expression whose value is its exports, in both forms the build sees', () => {
  const unminified = [
    'const imports = { wbg: {} };',
    'export class Widget { size() { return 3; } }',
    'export function mount(n) { return new Widget().size() + n; }',
    'function initSync() { return "sync"; }',
    'async function __wbg_init() { return imports.wbg; }',
    'export { initSync, __wbg_init as default };',
  ].join('\n');
  const minified = 'const i={wbg:{}};export class Widget{size(){return 3}}export function mount(n){return(new Widget).size()+n}' +
    'function W(){return"sync"}async function T(){return i.wbg}export{W as initSync,T as default};';
  for (const source of [unminified, minified]) {
    const { expression, exports } = glueAsExpression(source);
    assert.deepEqual(exports.sort(), ['Widget', 'default', 'initSync', 'mount']);
    const glue = evaluate(expression);
    assert.equal(glue.mount(1), 4);
    assert.equal(glue.initSync(), 'sync');
    assert.equal(typeof glue.default, 'function');
    assert.ok(new glue.Widget() instanceof glue.Widget);
  }
});

test('names that only look like import or export are left alone', () => {
  const source = 'const imports={};const exports=1;const u=import.meta.url;const m=()=>import("./x.js");' +
    'const o={export:1,import:2};o.export;export function f(){return exports}';
  const { expression, exports } = glueAsExpression(source);
  assert.deepEqual(exports, ['f']);
  assert.match(expression, /const imports=\{\};const exports=1;const u=import\.meta\.url;/);
});

test('a glue that cannot become an expression is refused, with the reason', () => {
  for (const [source, shown] of [
    ['import { x } from "./y.js"; export function f() {}', 'import { x }'],
    ['import y from "./y.js"; export function f() {}', 'import y'],
    ['import"./side-effect.js";export function f(){}', 'import"./side'],
    ['export default function () {}', 'export default'],
    ['export * from "./y.js"', 'export *'],
  ]) {
    assert.throws(() => glueAsExpression(source), (e) => e.message.includes(shown), source);
  }
  assert.throws(() => glueAsExpression('function f() {}'), /exports nothing/);
});

test('each seam in the loader is replaced exactly once, or the build fails', () => {
  assert.equal(replaceOnce("a(here('x.js'))", "here('x.js')", 'import.meta.url'), 'a(import.meta.url)');
  // `$` in the replacement is text, not a pattern.
  assert.equal(replaceOnce('const c = CSS;', 'CSS', '"$&"'), 'const c = "$&";');
  assert.throws(() => replaceOnce('nothing here', 'import(glueUrl)', 'x'), /exactly once/);
  assert.throws(() => replaceOnce('import(glueUrl); import(glueUrl)', 'import(glueUrl)', 'x'), /exactly once/);
});

test("the crate's JS snippets go into the glue, run once, and anything else is refused", () => {
  const snippet = 'let n=0;const bump=()=>++n;export function count(){return bump()}export function reset(){n=0}';
  const read = (file) => {
    assert.equal(file, './snippets/backwise-1/src/s.js');
    return snippet;
  };
  for (const glue of [
    "import { count, reset as r } from './snippets/backwise-1/src/s.js';\nexport function twice(){count();return count()}export function again(){r();return count()}",
    'import{count,reset as r}from"./snippets/backwise-1/src/s.js";export function twice(){count();return count()}export function again(){r();return count()}',
  ]) {
    const out = inlineSnippets(glue, read);
    assert.deepEqual(out.snippets, ['./snippets/backwise-1/src/s.js']);
    const g = evaluate(glueAsExpression(out.glue).expression);
    assert.equal(g.twice(), 2);
    assert.equal(g.twice(), 4, 'one copy of the snippet state');
    assert.equal(g.again(), 1);
  }
  // A glue without snippets is unchanged.
  assert.equal(inlineSnippets('export function f(){}', read).glue, 'export function f(){}');
  assert.throws(() => inlineSnippets("import * as m from './snippets/backwise-1/src/s.js';", read), /only named imports/);
  assert.throws(
    () => inlineSnippets("import { count } from './snippets/backwise-1/src/s.js';import { reset } from './snippets/backwise-1/src/s.js';", read),
    /imported twice/,
  );
  assert.throws(() => inlineSnippets("import { x } from './snippets/none.js';", () => { throw new Error('ENOENT: no such file'); }), /ENOENT/);
});
