/** PDF pages to pixels with poppler (pdfinfo, pdfimages, pdftoppm). */
import { run } from './exec.js';
import { OcrError } from './errors.js';
import { parsePnm, type RasterImage } from './pnm.js';

export async function pdfPageCount(pdf: string, signal?: AbortSignal): Promise<number> {
  const info = (await run('pdfinfo', [pdf], { signal })).toString('utf8');
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new OcrError('unsupported-file', `pdfinfo reports no page count for ${pdf}`);
  return Number(m[1]);
}

/**
 * Scan resolution per page (the largest embedded image's ppi), from `pdfimages -list`.
 * Rendering at the scanner's own resolution avoids inventing pixels: on the
 * 200-dpi real scan, 200 dpi read better than 300 (see index.ts).
 */
export async function scanDpi(pdf: string, signal?: AbortSignal): Promise<Map<number, number>> {
  const list = (await run('pdfimages', ['-list', pdf], { signal })).toString('utf8');
  const best = new Map<number, { area: number; ppi: number }>();
  for (const line of list.split('\n').slice(2)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 14 || f[2] === 'smask') continue;
    const page = Number(f[0]);
    const area = Number(f[3]) * Number(f[4]);
    const ppi = Math.min(Number(f[12]), Number(f[13]));
    if (!Number.isFinite(area) || !Number.isFinite(ppi)) continue;
    const cur = best.get(page);
    if (!cur || area > cur.area) best.set(page, { area, ppi });
  }
  return new Map([...best].map(([page, v]) => [page, v.ppi]));
}

export interface RasterOptions {
  dpi: number;
  colour?: boolean;
  signal?: AbortSignal;
  /** Crop box in output pixels. */
  crop?: { x: number; y: number; w: number; h: number };
}

/** One page as PGM (grey) or PPM (colour) bytes, straight from pdftoppm's stdout. */
export async function rasterPageBytes(pdf: string, page: number, opts: RasterOptions): Promise<Buffer> {
  const args = ['-r', String(opts.dpi), '-f', String(page), '-l', String(page), '-singlefile'];
  if (!opts.colour) args.push('-gray');
  if (opts.crop) {
    const c = opts.crop;
    args.push('-x', String(Math.round(c.x)), '-y', String(Math.round(c.y)), '-W', String(Math.round(c.w)), '-H', String(Math.round(c.h)));
  }
  args.push(pdf);
  return run('pdftoppm', args, { signal: opts.signal });
}

export async function rasterPage(pdf: string, page: number, opts: RasterOptions): Promise<RasterImage> {
  return parsePnm(await rasterPageBytes(pdf, page, opts));
}
