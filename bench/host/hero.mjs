// The host page's hero image: a 1200×630 PNG of hills under a sky, drawn
// from a fixed seed (the same bytes every run), with a little grain so that
// it weighs about what a blog's compressed header photo does (about 100 KB),
// not the few hundred bytes a flat drawing would. Plain zlib, no image library.

import zlib from 'node:zlib';

const W = 1200;
const H = 630;

function crc32(buf) {
  let c;
  const table = crc32.table ??= Array.from({ length: 256 }, (_, n) => {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** The PNG's bytes. */
export function heroPng() {
  let seed = 0x9e3779b9;
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  // Three ridges of hills, each a sum of slow sines.
  const ridge = (x, base, amp, f1, f2) => base + amp * (Math.sin(x * f1) * 0.6 + Math.sin(x * f2 + 1.3) * 0.4);
  // Grain in 4×4-pixel cells: photo-like weight without photo-sized noise.
  const cells = Float32Array.from({ length: (W / 4) * Math.ceil(H / 4) }, () => (rand() - 0.5) * 10);
  const grainAt = (x, y) => cells[(y >> 2) * (W / 4) + (x >> 2)];
  const raw = Buffer.alloc((W * 3 + 1) * H);
  for (let y = 0; y < H; y++) {
    const row = y * (W * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < W; x++) {
      let r, g, b;
      const t = y / H;
      if (y < ridge(x, 300, 40, 0.004, 0.011)) [r, g, b] = [200 - 60 * t, 222 - 40 * t, 240 - 20 * t];
      else if (y < ridge(x, 400, 35, 0.006, 0.017)) [r, g, b] = [120, 160, 130];
      else if (y < ridge(x, 500, 30, 0.009, 0.023)) [r, g, b] = [85, 130, 95];
      else [r, g, b] = [60, 105, 70];
      const grain = grainAt(x, y);
      const i = row + 1 + x * 3;
      raw[i] = Math.max(0, Math.min(255, r + grain));
      raw[i + 1] = Math.max(0, Math.min(255, g + grain));
      raw[i + 2] = Math.max(0, Math.min(255, b + grain));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
