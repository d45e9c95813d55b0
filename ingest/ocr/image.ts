/** Decodes an image file (PNG, JPEG, TIFF, BMP, GIF) to RGB for the red-ink search. */
import { readFile } from 'node:fs/promises';
import { OcrError } from './errors.js';
import type { RasterImage } from './pnm.js';

export async function decodeRgb(path: string): Promise<RasterImage> {
  // Imported here: jimp is ~40 MB resident, and only an image scan needs it (not every ingest).
  const { Jimp } = await import('jimp');
  let bitmap: { width: number; height: number; data: Uint8Array };
  try {
    bitmap = (await Jimp.read(await readFile(path))).bitmap;
  } catch (err) {
    throw new OcrError('bad-image', `cannot decode image ${path}`, { cause: err });
  }
  const { width, height } = bitmap;
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; i < width * height; i++, o += 3) {
    const a = bitmap.data[i * 4 + 3] / 255;
    // Transparent areas are paper, not ink.
    data[o] = Math.round(bitmap.data[i * 4] * a + 255 * (1 - a));
    data[o + 1] = Math.round(bitmap.data[i * 4 + 1] * a + 255 * (1 - a));
    data[o + 2] = Math.round(bitmap.data[i * 4 + 2] * a + 255 * (1 - a));
  }
  return { width, height, channels: 3, data };
}
