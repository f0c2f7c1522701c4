// The benchmark's static server on 127.0.0.1: the build under test at /, with
// the comparison pages (bench/pages/) laid over it at the same level, so that
// their relative URLs reach the same files as the demo's. `?isolated` on a
// page makes it cross-origin isolated for finer timers.
//
// It answers as a CDN would: brotli or gzip as the request's Accept-Encoding
// allows (brotli first), `Vary: Accept-Encoding`, and cache headers by name:
// a content-hashed file (the wasm) is cached for a year and immutable, every
// other file (the pages, embed.js, whose name a blogger's tag keeps) for five
// minutes. Every measured run is still a first visit: each real-browser run
// has a fresh browser context, and Lighthouse clears the cache before it loads.
//
// With `h2: true` the same files are also served over HTTP/2 with TLS (a
// self-signed certificate made by openssl for 127.0.0.1; the browser is told
// to accept it), as every CDN serves them: one connection carries all of a
// page's requests. Over HTTP/1.1 a second request made while the first is in
// flight opens a new connection, which Lighthouse's simulated slow network
// charges with a handshake (see bench/REPORT.md, "Lighthouse").

import http from 'node:http';
import http2 from 'node:http2';
import { execFileSync } from 'node:child_process';
import zlib from 'node:zlib';
import path from 'node:path';
import { promises as fs, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { MIME_TYPES } from '../e2e/lib/server.mjs';
import { TMP } from './options.mjs';

/** A file name with a content hash, which can be cached forever (e.g. backwise-bb8e1cdf0ae06d60_bg.wasm). */
export const HASHED_NAME_RE = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;
export const CACHE_HASHED = 'public, max-age=31536000, immutable';
export const CACHE_OTHER = 'public, max-age=300';
// What a CDN compresses; images and fonts are compressed already (SVG is text).
const COMPRESSIBLE = /\.(html|js|mjs|css|json|wasm|svg|txt)$/;

const compressors = {
  br: (buf) =>
    zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }),
  gzip: (buf) => zlib.gzipSync(buf, { level: 9 }),
};

/** The encoding to answer with for an Accept-Encoding header: br, gzip or none. */
export function pickEncoding(acceptEncoding) {
  const offered = new Map();
  for (const part of String(acceptEncoding || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim().match(/^q=([0-9.]+)$/)).find(Boolean);
    if (name) offered.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  return ['br', 'gzip'].find(ok) ?? null;
}

/** A self-signed certificate for 127.0.0.1 in `dir` (made once), for the HTTP/2 server. */
function certificate(dir) {
  mkdirSync(dir, { recursive: true });
  const key = path.join(dir, 'bench-key.pem');
  const cert = path.join(dir, 'bench-cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '3650', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

const listen = (server) =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });

/**
 * Serves `pages` over `dist`. `requests` records every request's path,
 * status and encoding (`reset()` empties it), for the runs that count what a
 * page fetched.
 */
export async function startServer({ pages, dist, h2 = false }) {
  const requests = [];
  // Compressed bodies, by file, encoding and modification time: a CDN
  // compresses a file once, not per request.
  const compressed = new Map();
  const encoded = async (file, body, encoding) => {
    const key = `${encoding}:${file}:${(await fs.stat(file)).mtimeMs}`;
    if (!compressed.has(key)) compressed.set(key, compressors[encoding](body));
    return compressed.get(key);
  };
  const handler = async (req, res) => {
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
    const headers = {};
    if (url.searchParams.has('isolated')) {
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    }
    if (!file) {
      requests.push({ path: url.pathname, status: 404, encoding: null });
      res.writeHead(404, { ...headers, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain' });
      res.end('404');
      return;
    }
    try {
      let body = await fs.readFile(file);
      const name = path.basename(file);
      headers['Content-Type'] = MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      headers['Cache-Control'] = HASHED_NAME_RE.test(name) ? CACHE_HASHED : CACHE_OTHER;
      let encoding = null;
      if (COMPRESSIBLE.test(name)) {
        headers.Vary = 'Accept-Encoding';
        encoding = pickEncoding(req.headers['accept-encoding']);
        if (encoding) {
          body = await encoded(file, body, encoding);
          headers['Content-Encoding'] = encoding;
        }
      }
      headers['Content-Length'] = body.length;
      requests.push({ path: url.pathname, status: 200, encoding, protocol: req.httpVersion === '2.0' ? 'h2' : 'http/1.1' });
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  };
  const server = http.createServer(handler);
  const port = await listen(server);
  let secure = null;
  const sessions = new Set();
  if (h2) {
    secure = http2.createSecureServer({ ...certificate(TMP), allowHTTP1: true }, handler);
    secure.on('session', (s) => {
      sessions.add(s);
      s.on('close', () => sessions.delete(s));
    });
  }
  const securePort = secure ? await listen(secure) : null;
  return {
    url: `http://127.0.0.1:${port}/`,
    // The same files over HTTP/2 and TLS (with `h2: true`).
    secureUrl: secure ? `https://127.0.0.1:${securePort}/` : null,
    requests,
    reset: () => (requests.length = 0),
    close: async () => {
      server.closeAllConnections?.();
      for (const s of sessions) s.destroy();
      await Promise.all([server, secure].filter(Boolean).map((x) => new Promise((r) => x.close(() => r()))));
    },
  };
}
