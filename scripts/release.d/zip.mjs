// A zip writer whose output depends only on the files given: entries in
// byte order of their names, every timestamp 1980-01-01 00:00 (the earliest
// a zip can hold), no extra fields, and the same deflate settings each time,
// so that a release made twice from the same files has the same bytes and
// the same SHA-256. (The `zip` tool stores file times, the builder's uid and
// the order of the directory listing.)
//
//   import { zipBytes } from './zip.mjs';
//   writeFileSync('x.zip', zipBytes([{ name: 'backwise/embed.js', data: buffer }]));

import { crc32, deflateRawSync } from 'node:zlib';

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980 (year 0 of the DOS epoch), January, 1st
const UTF8_NAMES = 0x0800; // general-purpose flag 11: names are UTF-8
const MADE_BY_UNIX = (3 << 8) | 20; // host system Unix (so the mode below counts), zip spec 2.0
const NEEDED = 20; // spec 2.0: deflate, folders
const FILE_MODE = 0o100644; // a regular file, rw-r--r--, in the high half of the external attributes

/**
 * @param {{ name: string, data: Buffer }[]} files paths with "/" separators, no leading "/"
 * @returns {Buffer}
 */
export function zipBytes(files) {
  const entries = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const seen = new Set();
  const locals = [];
  const centrals = [];
  let offset = 0;

  for (const { name, data } of entries) {
    if (!name || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
      throw new Error(`zip: bad entry name ${JSON.stringify(name)}`);
    }
    if (seen.has(name)) throw new Error(`zip: ${name} twice`);
    seen.add(name);
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    // Stored when deflate does not help (the wasm is already dense).
    const [method, body] = deflated.length < data.length ? [8, deflated] : [0, data];
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(NEEDED, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // no extra field (where zip and Info-ZIP keep times and uids)

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(NEEDED, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal attributes: all 0
    central.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);

    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }

  const directory = Buffer.concat(centrals);
  // No zip64: a release is a few hundred kilobytes; refuse rather than write a broken file.
  if (offset + directory.length > 0xffffffff || entries.length > 0xffff) throw new Error('zip: too large for a plain zip');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
