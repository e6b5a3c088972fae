// A .vsix is a zip file. The little reader below is enough for what vsce writes (stored or deflated entries,
// no zip64): used by scripts/check-vsix.mjs and test/integration/node-host/runner.js. No dependency.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** The entries of a zip file, from its central directory: { name, method, compressed, size, offset }. */
function readEntries(data) {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file (no end-of-central-directory record)');
  const count = data.readUInt16LE(eocd + 10);
  let p = data.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const nameLen = data.readUInt16LE(p + 28);
    entries.push({
      name: data.toString('utf8', p + 46, p + 46 + nameLen),
      method: data.readUInt16LE(p + 10),
      compressed: data.readUInt32LE(p + 20),
      size: data.readUInt32LE(p + 24),
      offset: data.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  return entries;
}

/** The uncompressed bytes of one entry. */
function entryData(data, entry) {
  const p = entry.offset;
  if (data.readUInt32LE(p) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = p + 30 + data.readUInt16LE(p + 26) + data.readUInt16LE(p + 28);
  const raw = data.subarray(start, start + entry.compressed);
  const out = entry.method === 0 ? raw : entry.method === 8 ? zlib.inflateRawSync(raw) : null;
  if (!out) throw new Error(`${entry.name}: unsupported compression method ${entry.method}`);
  if (out.length !== entry.size) throw new Error(`${entry.name}: ${out.length} bytes unpacked, ${entry.size} expected`);
  return out;
}

/** Unpacks every entry of `file` into `dest` (refusing names that would leave it); returns the entry names. */
function extract(file, dest) {
  const data = fs.readFileSync(file);
  const root = path.resolve(dest);
  const names = [];
  for (const entry of readEntries(data)) {
    const target = path.resolve(root, entry.name);
    if (!target.startsWith(root + path.sep)) throw new Error(`unsafe entry name ${entry.name}`);
    if (entry.name.endsWith('/')) { fs.mkdirSync(target, { recursive: true }); continue; }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entryData(data, entry));
    names.push(entry.name);
  }
  return names;
}

module.exports = { readEntries, entryData, extract };
