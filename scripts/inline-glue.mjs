// The wasm-bindgen glue written into embed.js by the release build
// (scripts/post-build.mjs), so that the page fetches the loader and the wasm
// and nothing else before a widget can start. See bench/SAVINGS.md.

/**
 * The glue module's source as one JS expression whose value is the module's
 * exports: `(() => { <glue>; return { mount, default: init }; })()`.
 *
 * It handles the export forms that wasm-bindgen's `web` target writes, before
 * and after terser: `export class X`, `export function f`, `export const x`
 * and `export { a, b as c }`. It refuses anything else that would change
 * meaning inside a function (an `import` declaration, `export default`,
 * `export *`), and a glue that exports nothing. `import.meta` and `import()`
 * are fine: the glue stays inside a module.
 *
 * @param {string} glue
 * @returns {{ expression: string, exports: string[] }}
 */
export function glueAsExpression(glue) {
  const exported = new Map(); // exported name -> local name
  let body = glue.replace(
    /(?<![\w$.])export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([\w$]+)/g,
    (_, kind, name) => {
      exported.set(name, name);
      return `${kind} ${name}`;
    },
  );
  body = body.replace(/(?<![\w$.])export\s*\{([^}]*)\}\s*;?/g, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, name = local] = item.split(/\s+as\s+/);
      exported.set(name, local);
    }
    return '';
  });
  // What is left of `export` (not a property key), or an import declaration
  // (not `imports`, `import(` or `import.meta`).
  const left = body.match(/(?<![\w$.])(?:export\b(?!\s*:)|import(?:\s+[\w$]|\s*[{*"']))[^\n]{0,40}/);
  if (left) throw new Error(`inline-glue: cannot inline the glue: it still has \`${left[0]}\``);
  if (exported.size === 0) throw new Error('inline-glue: the glue exports nothing');
  const fields = [...exported].map(([name, local]) => (name === local ? name : `${name}: ${local}`));
  return {
    expression: `(() => {\n${body}\nreturn { ${fields.join(', ')} };\n})()`,
    exports: [...exported.keys()],
  };
}

/**
 * `source` with `from` replaced by `to`, where `from` must occur exactly once:
 * a loader that no longer has the expected seam fails the build, instead of
 * shipping a loader that fetches files the build removed.
 */
export function replaceOnce(source, from, to) {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0) {
    throw new Error(`inline-glue: expected \`${from}\` exactly once in the loader`);
  }
  return source.slice(0, at) + to + source.slice(at + from.length);
}

/**
 * `glue` with each import of a wasm-bindgen snippet (a JS file of the crate,
 * bound with `#[wasm_bindgen(module = "/…")]`, which wasm-bindgen copies to
 * `snippets/`) replaced by the snippet's own code, so that the glue imports
 * nothing and can become an expression (`glueAsExpression`):
 * `import { load, save as s } from './snippets/…/store.js';` becomes
 * `const { load, save: s } = (() => { <store.js>; return { load, save }; })();`.
 *
 * Each snippet must be imported once, by name: its top-level code then runs
 * once, as it would as a module. A namespace import (`import * as`), which
 * wasm-bindgen writes when the wasm calls a snippet's function directly, is
 * refused; so is a snippet that is not there.
 *
 * @param {string} glue
 * @param {(path: string) => string} readSnippet  the source of `./snippets/…`
 * @returns {{ glue: string, snippets: string[] }}
 */
export function inlineSnippets(glue, readSnippet) {
  const snippets = [];
  const out = glue.replace(
    /(?<![\w$.])import\s*([^'";]*?)\s*from\s*(["'])(\.\/snippets\/[^"']+)\2\s*;?/g,
    (whole, clause, _quote, file) => {
      const names = clause.match(/^\{([^}]*)\}$/);
      if (!names) throw new Error(`inline-glue: cannot inline \`${whole}\`: only named imports of a snippet`);
      if (snippets.includes(file)) throw new Error(`inline-glue: ${file} is imported twice`);
      snippets.push(file);
      const { expression } = glueAsExpression(readSnippet(file));
      const fields = names[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((item) => {
          const [name, local = name] = item.split(/\s+as\s+/);
          return name === local ? name : `${name}: ${local}`;
        });
      return `const { ${fields.join(', ')} } = ${expression};\n`;
    },
  );
  return { glue: out, snippets };
}
