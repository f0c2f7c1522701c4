// The benchmark's static server on 127.0.0.1: the build under test at /, with
// the comparison pages (bench/pages/) laid over it at the same level, so that
// their relative URLs reach the same files as the demo's. Nothing is cached
// (every run is a first visit), and `?isolated` on a page makes it
// cross-origin isolated for finer timers.

import http from 'node:http';
import path from 'node:path';
import { promises as fs, existsSync } from 'node:fs';
import { MIME_TYPES } from '../e2e/lib/server.mjs';

/**
 * Serves `pages` over `dist`. `requests` records every request's path and
 * status (`reset()` empties it), for the runs that count what a page fetched.
 */
export async function startServer({ pages, dist }) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let rel;
    try {
      rel = path.posix.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '') || 'index.html';
    } catch {
      rel = null;
    }
    let file = null;
    if (rel && !rel.startsWith('..')) {
      for (const dir of [pages, dist]) {
        const f = path.join(dir, rel);
        if (f.startsWith(dir + path.sep) && existsSync(f)) {
          file = f;
          break;
        }
      }
    }
    requests.push({ path: url.pathname, status: file ? 200 : 404 });
    const headers = { 'Cache-Control': 'no-store' };
    if (url.searchParams.has('isolated')) {
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    }
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('404');
      return;
    }
    try {
      const body = await fs.readFile(file);
      headers['Content-Type'] = MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    reset: () => (requests.length = 0),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}
