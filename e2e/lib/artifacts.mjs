// Test artifacts (screenshots, dumps) go to e2e/artifacts/, which is gitignored.
// E2E_ARTIFACTS=/some/dir moves them.

import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS
  ? path.resolve(process.env.E2E_ARTIFACTS)
  : path.resolve(here, '..', 'artifacts');

/** Absolute path for an artifact file name (sanitised), creating the folder. */
export function artifactPath(name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name.replace(/[^a-zA-Z0-9._-]+/g, '_'));
}

/** Save a screenshot to e2e/artifacts/<name>.png (full page by default); returns the path. */
export async function screenshot(page, name, opts = {}) {
  const file = artifactPath(name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, ...opts });
  return file;
}

/** Write text or JSON-able data to e2e/artifacts/<name>; returns the path. */
export function writeArtifact(name, data) {
  const file = artifactPath(name);
  writeFileSync(file, typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data, null, 2));
  return file;
}
