/** Netpbm images: what pdftoppm writes and leptonica (tesseract) reads, with no codec needed. */
import { OcrError } from './errors.js';

/** 8-bit image, row-major, `channels` bytes per pixel (1 = grey, 3 = RGB). */
export interface RasterImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}

/** Parses binary P5 (grey) or P6 (RGB) with maxval 255. */
export function parsePnm(buf: Uint8Array): RasterImage {
  let pos = 0;
  const tokens: string[] = [];
  while (tokens.length < 4 && pos < buf.length) {
    const c = buf[pos];
    if (c === 0x23) {
      while (pos < buf.length && buf[pos] !== 0x0a) pos++; // comment line
    } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      pos++;
    } else {
      let tok = '';
      while (pos < buf.length && ![0x20, 0x0a, 0x0d, 0x09].includes(buf[pos])) tok += String.fromCharCode(buf[pos++]);
      tokens.push(tok);
    }
  }
  pos++; // the single whitespace byte before the raster
  const [magic, w, h, max] = tokens;
  const channels = magic === 'P5' ? 1 : magic === 'P6' ? 3 : 0;
  const width = Number(w);
  const height = Number(h);
  if (!channels || Number(max) !== 255 || !(width > 0) || !(height > 0)) {
    throw new OcrError('bad-image', `unsupported PNM header: ${tokens.join(' ')}`);
  }
  const size = width * height * channels;
  if (buf.length - pos < size) throw new OcrError('bad-image', 'truncated PNM raster');
  return { width, height, channels: channels as 1 | 3, data: buf.subarray(pos, pos + size) };
}

export function encodePgm(img: RasterImage): Buffer {
  if (img.channels !== 1) throw new OcrError('bad-image', 'encodePgm needs a grey image');
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'ascii');
  return Buffer.concat([header, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength)]);
}
