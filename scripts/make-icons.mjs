// Draws the toolbar/store icons into extension/icons/icon-{16,32,48,128}.png with no dependencies:
// a tiny rasterizer (rounded rectangles, 8x8 supersampling) and a hand-written PNG encoder over node:zlib.
//
//   node scripts/make-icons.mjs
//
// The mark: a line of text (quiet bar) above a marked word (white bar) with a dotted underline (amber dots),
// on a navy rounded square.
// Shapes sit on a 16-unit grid so the 16 px icon is pixel-aligned (crisp), and 32/48/128 are exact multiples.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'extension', 'icons');
const SIZES = [16, 32, 48, 128];

/** Shapes in 16-unit coordinates, painted in order: [x0, y0, x1, y1, cornerRadius, rgb]. */
const SHAPES = [
  [0, 0, 16, 16, 3.5, [0x1d, 0x35, 0x57]], // navy tile
  [3, 3, 13, 4, 0.5, [0x8f, 0xa3, 0xbf]], // a line of surrounding text, quiet
  [3, 6, 13, 9, 1, [0xff, 0xff, 0xff]], // the marked word
  [3, 11, 5, 13, 0.75, [0xf4, 0xa2, 0x3c]], // its dotted underline: three amber dots
  [7, 11, 9, 13, 0.75, [0xf4, 0xa2, 0x3c]],
  [11, 11, 13, 13, 0.75, [0xf4, 0xa2, 0x3c]],
];

/** Is point (x, y) inside the rounded rectangle? */
function inside([x0, y0, x1, y1, r], x, y) {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** RGBA pixels, premultiplied compositing of each shape's coverage (SS x SS samples per pixel). */
function draw(size) {
  const SS = 8;
  const px = new Float64Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      const o = (py * size + pxi) * 4;
      for (const shape of SHAPES) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            const x = ((pxi + (sx + 0.5) / SS) * 16) / size;
            const y = ((py + (sy + 0.5) / SS) * 16) / size;
            if (inside(shape, x, y)) hits++;
          }
        }
        const a = hits / (SS * SS);
        if (a === 0) continue;
        const rgb = shape[5];
        for (let c = 0; c < 3; c++) px[o + c] = rgb[c] * a + px[o + c] * (1 - a);
        px[o + 3] = a + px[o + 3] * (1 - a);
      }
    }
  }
  // Un-premultiply into bytes.
  const out = Buffer.alloc(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const a = px[i * 4 + 3];
    for (let c = 0; c < 3; c++) out[i * 4 + c] = a > 0 ? Math.round(px[i * 4 + c] / a) : 0;
    out[i * 4 + 3] = Math.round(a * 255);
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** PNG (8-bit RGBA, no interlace, filter 0 on every row). */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, filter set 0, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, draw(size)));
  process.stdout.write(`wrote ${file}\n`);
}
