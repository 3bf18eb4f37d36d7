import { crc32, deflateSync } from 'node:zlib';

/** A real PNG "photo" of `width`×`height` pixels: a gradient with a dark screen in the middle. */
export function photo(width = 1200, height = 900): Buffer {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // no filter
    for (let x = 0; x < width; x++) {
      const screen = x > width / 4 && x < (3 * width) / 4 && y > height / 3 && y < (2 * height) / 3;
      const o = y * row + 1 + x * 3;
      raw[o] = screen ? 30 : (x * 255) / width;
      raw[o + 1] = screen ? 30 : (y * 255) / height;
      raw[o + 2] = screen ? 40 : 160;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
