// Tiny zero-dependency static server for the e2e suite.
//
//   const srv = await startServer({ prefix: '/some/deep/path/', csp: true });
//   await page.goto(srv.url + 'index.html');   // srv.url ends with the prefix
//   srv.requests                              // [{ method, path, status, ... }]
//   await srv.close();
//
// - dist/ (or `root`) is mounted under `prefix` (default '/').
// - e2e/fixtures/ is served at /fixtures/... (outside the prefix), so a deck
//   fixture is at `${srv.origin}/fixtures/decks/knee.json`.
// - `csp: true` adds the strict policy from PRODUCT.md to every response;
//   pass a string to use a different policy.
// - `headers` adds extra response headers to every response.
// - Missing files and paths outside the mounts get 404 (no directory listing,
//   no SPA fallback: a wrong relative URL must show up as a 404).
// - Every request is recorded in `requests` and, with `log: true` or
//   E2E_LOG_REQUESTS=1, printed.
// - `routes` (or `srv.route(path, handler)` later) serves dynamic answers at
//   exact paths, checked before the mounts, e.g. a 5 MB deck made at test time:
//     srv.route('/dyn/huge.json', { body: bigText, type: 'application/json' });
//     srv.route('/dyn/slow.json', (req, res) => { ...write the response yourself... });
//   An object handler is { status = 200, body = '', type, headers }; a
//   function handler gets (req, res, url, baseHeaders) and answers itself.

import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..');
export const DIST_DIR = process.env.BACKWISE_DIST
  ? path.resolve(process.env.BACKWISE_DIST)
  : path.join(REPO_ROOT, 'dist');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'e2e', 'fixtures');

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function normalisePrefix(prefix) {
  let p = prefix || '/';
  if (!p.startsWith('/')) p = '/' + p;
  if (!p.endsWith('/')) p += '/';
  return p;
}

/** Resolve `rel` inside `base`, refusing anything that escapes it. */
function safeJoin(base, rel) {
  const target = path.resolve(base, '.' + path.posix.normalize('/' + rel));
  if (target !== base && !target.startsWith(base + path.sep)) return null;
  return target;
}

async function statFile(file) {
  try {
    const st = await fs.stat(file);
    if (st.isFile()) return file;
    if (st.isDirectory()) {
      const index = path.join(file, 'index.html');
      const st2 = await fs.stat(index).catch(() => null);
      if (st2 && st2.isFile()) return index;
    }
  } catch {
    /* missing */
  }
  return null;
}

/**
 * Start the server.
 * @param {object} [opts]
 * @param {string} [opts.prefix='/']        where dist/ is mounted, e.g. '/some/deep/path/'
 * @param {boolean|string} [opts.csp=false] true for STRICT_CSP, or a policy string
 * @param {string} [opts.root=DIST_DIR]     the folder to mount
 * @param {string} [opts.fixtures=FIXTURES_DIR]
 * @param {Record<string,string>} [opts.headers] extra headers on every response
 * @param {boolean} [opts.log]              print each request
 * @param {boolean} [opts.requireRoot=true] fail if root/index.html is missing
 * @returns {Promise<{url: string, origin: string, prefix: string, port: number,
 *   requests: Array<object>, resetRequests: () => void, close: () => Promise<void>}>}
 */
export async function startServer(opts = {}) {
  const prefix = normalisePrefix(opts.prefix);
  const root = path.resolve(opts.root || DIST_DIR);
  const fixtures = path.resolve(opts.fixtures || FIXTURES_DIR);
  const csp = opts.csp === true ? STRICT_CSP : opts.csp || null;
  const extraHeaders = opts.headers || {};
  const log = opts.log ?? process.env.E2E_LOG_REQUESTS === '1';

  if (opts.requireRoot !== false) {
    const ok = await statFile(path.join(root, 'index.html'));
    if (!ok) {
      throw new Error(
        `e2e server: ${path.join(root, 'index.html')} does not exist. ` +
          `Build the widget first: trunk build --release --offline (or ./scripts/test build).`,
      );
    }
  }

  const requests = [];
  const routes = new Map(Object.entries(opts.routes || {}));

  const server = http.createServer(async (req, res) => {
    const started = Date.now();
    let status = 500;
    let file = null;
    const url = new URL(req.url, 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = null;
    }

    const headers = { 'Cache-Control': 'no-store', ...extraHeaders };
    if (csp) headers['Content-Security-Policy'] = csp;

    try {
      const route = pathname !== null ? routes.get(pathname) : undefined;
      if (route !== undefined) {
        if (typeof route === 'function') {
          // `headers` holds no-store and the CSP, if any, for the handler to use.
          await route(req, res, url, headers);
          status = res.statusCode;
        } else {
          const body = Buffer.isBuffer(route.body) ? route.body : Buffer.from(route.body ?? '');
          status = route.status ?? 200;
          Object.assign(headers, {
            'Content-Type': route.type || 'application/octet-stream',
            'Content-Length': body.length,
            ...(route.headers || {}),
          });
          res.writeHead(status, headers);
          res.end(req.method === 'HEAD' ? undefined : body);
        }
        return;
      }
      if (pathname === null || pathname.includes('\0')) {
        status = 400;
      } else if (req.method !== 'GET' && req.method !== 'HEAD') {
        status = 405;
        headers['Allow'] = 'GET, HEAD';
      } else {
        let candidate = null;
        if (pathname.startsWith('/fixtures/')) {
          candidate = safeJoin(fixtures, pathname.slice('/fixtures/'.length));
        } else if (pathname.startsWith(prefix)) {
          candidate = safeJoin(root, pathname.slice(prefix.length));
        } else if (pathname + '/' === prefix) {
          // `/some/deep/path` → redirect to `/some/deep/path/` so relative URLs work.
          status = 301;
          headers['Location'] = prefix + url.search;
        }
        if (status !== 301) {
          file = candidate ? await statFile(candidate) : null;
          status = file ? 200 : 404;
        }
      }

      if (status === 200) {
        const body = await fs.readFile(file);
        const ext = path.extname(file).toLowerCase();
        headers['Content-Type'] = MIME_TYPES[ext] || 'application/octet-stream';
        headers['Content-Length'] = body.length;
        res.writeHead(200, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
      } else {
        const body = Buffer.from(`${status} ${http.STATUS_CODES[status]}: ${url.pathname}\n`);
        headers['Content-Type'] = 'text/plain; charset=utf-8';
        headers['Content-Length'] = body.length;
        res.writeHead(status, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
      }
    } catch (err) {
      status = 500;
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    } finally {
      const entry = {
        method: req.method,
        path: url.pathname,
        search: url.search,
        status,
        file: file ? path.relative(REPO_ROOT, file) : null,
        ms: Date.now() - started,
      };
      requests.push(entry);
      if (log) console.log(`[e2e server] ${entry.status} ${entry.method} ${entry.path}${entry.search}`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin + prefix,
    origin,
    prefix,
    port,
    requests,
    /** Requests that got a 4xx/5xx answer. */
    failedRequests: () => requests.filter((r) => r.status >= 400),
    resetRequests: () => {
      requests.length = 0;
    },
    /** Serve `handler` at the exact path `pathname` (see `routes` above); null removes it. */
    route: (pathname, handler) => {
      if (handler == null) routes.delete(pathname);
      else routes.set(pathname, handler);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
