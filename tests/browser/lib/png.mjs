// png.mjs - a small real PNG (a QR-code-like black and white pattern) made
// in the test, for uploads.  Written with node's zlib, no image library.
import { deflateSync, crc32 } from "node:zlib";

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

// A size x size greyscale PNG of 21x21 modules, the pattern seeded by `seed`.
export function qrLikePng(seed = 7, size = 84) {
  const n = 21, cell = size / n;
  let s = seed;
  const bits = Array.from({ length: n * n }, () => ((s = (s * 1103515245 + 12345) >>> 0) >> 16) & 1);
  const dark = (x, y) => {
    for (const [fx, fy] of [[0, 0], [n - 7, 0], [0, n - 7]]) {
      const dx = x - fx, dy = y - fy;
      if (dx >= 0 && dy >= 0 && dx <= 6 && dy <= 6)
        return dx === 0 || dy === 0 || dx === 6 || dy === 6 || (dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4);
    }
    return bits[y * n + x] === 1;
  };
  const raw = Buffer.alloc((size + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0;
    for (let x = 0; x < size; x++)
      raw[y * (size + 1) + 1 + x] = dark(Math.floor(x / cell), Math.floor(y / cell)) ? 0 : 255;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 0; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
