/**
 * Red ink on a colour page image: where it is, whether it is a box (the shape of
 * a classification stamp), and a clean grey crop of it for OCR. Pure functions
 * over RGB buffers, so they are tested on synthetic images.
 */
import type { RasterImage } from './pnm.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface RedRegion extends Box {
  /** Red pixels inside the region. */
  pixels: number;
}

/** How much red dominates a pixel: 0 for black, white, grey, blue, yellow-ish. */
export function redness(r: number, g: number, b: number): number {
  return r < 90 ? 0 : Math.max(0, r - Math.max(g, b));
}

const RED_MIN = 60;

export function isRed(img: RasterImage, i: number): boolean {
  const o = i * 3;
  return redness(img.data[o], img.data[o + 1], img.data[o + 2]) >= RED_MIN;
}

/**
 * Connected red areas. Pixels are pooled into cells of `cell` px and cells within
 * `gap` cells are merged, so a stamp's letters and its frame become one region.
 */
export function findRedRegions(img: RasterImage, opts: { cell?: number; gap?: number; minPixels?: number } = {}): RedRegion[] {
  if (img.channels !== 3) return [];
  const cell = opts.cell ?? Math.max(2, Math.round(img.width / 400));
  const gap = opts.gap ?? 2;
  const minPixels = opts.minPixels ?? Math.max(40, Math.round((img.width * img.height) / 40000));
  const cw = Math.ceil(img.width / cell);
  const ch = Math.ceil(img.height / cell);
  const counts = new Uint32Array(cw * ch);
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width;
    const cy = Math.floor(y / cell) * cw;
    for (let x = 0; x < img.width; x++) if (isRed(img, row + x)) counts[cy + Math.floor(x / cell)]++;
  }
  const label = new Int32Array(cw * ch).fill(-1);
  const regions: RedRegion[] = [];
  const stack: number[] = [];
  for (let start = 0; start < counts.length; start++) {
    if (!counts[start] || label[start] >= 0) continue;
    const id = regions.length;
    let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1, pixels = 0;
    label[start] = id;
    stack.push(start);
    while (stack.length) {
      const c = stack.pop()!;
      const cx = c % cw;
      const cy = (c - cx) / cw;
      pixels += counts[c];
      x0 = Math.min(x0, cx); x1 = Math.max(x1, cx); y0 = Math.min(y0, cy); y1 = Math.max(y1, cy);
      for (let dy = -gap; dy <= gap; dy++) {
        const ny = cy + dy;
        if (ny < 0 || ny >= ch) continue;
        for (let dx = -gap; dx <= gap; dx++) {
          const nx = cx + dx;
          if (nx < 0 || nx >= cw) continue;
          const n = ny * cw + nx;
          if (counts[n] && label[n] < 0) {
            label[n] = id;
            stack.push(n);
          }
        }
      }
    }
    regions.push({
      x: x0 * cell,
      y: y0 * cell,
      w: Math.min(img.width, (x1 + 1) * cell) - x0 * cell,
      h: Math.min(img.height, (y1 + 1) * cell) - y0 * cell,
      pixels,
    });
  }
  return regions.filter((r) => r.pixels >= minPixels).sort((a, b) => b.pixels - a.pixels);
}

export interface BoxFit {
  /** Degrees the box is turned (counter-clockwise positive in image coordinates). */
  angle: number;
  /** 0–1: how completely four straight edges frame the red pixels at that angle. */
  score: number;
}

/**
 * Whether the red pixels of a region are framed by a (possibly tilted) rectangle:
 * at the right angle, the projections of the pixels onto both axes peak at both
 * ends, where the frame's edges pile up. Round seals and emblems do not.
 */
export function fitBox(img: RasterImage, region: Box): BoxFit {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = region.y; y < region.y + region.h; y++) {
    for (let x = region.x; x < region.x + region.w; x++) {
      if (isRed(img, y * img.width + x)) {
        xs.push(x - region.x);
        ys.push(y - region.y);
      }
    }
  }
  // Sample large regions: the peaks survive, the cost stays bounded.
  const step = Math.max(1, Math.floor(xs.length / 40000));
  let best: BoxFit = { angle: 0, score: 0 };
  for (let deg = -46; deg <= 46; deg += 2) {
    const score = edgeScore(xs, ys, (deg * Math.PI) / 180, step);
    if (score > best.score) best = { angle: deg, score };
  }
  for (let deg = best.angle - 1.5; deg <= best.angle + 1.5; deg += 0.5) {
    const score = edgeScore(xs, ys, (deg * Math.PI) / 180, step);
    if (score > best.score) best = { angle: deg, score };
  }
  return best;
}

function edgeScore(xs: number[], ys: number[], a: number, step: number): number {
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const us: number[] = [];
  const vs: number[] = [];
  for (let i = 0; i < xs.length; i += step) {
    us.push(xs[i] * cos + ys[i] * sin);
    vs.push(-xs[i] * sin + ys[i] * cos);
  }
  if (us.length < 20) return 0;
  const su = [...us].sort((p, q) => p - q);
  const sv = [...vs].sort((p, q) => p - q);
  const pick = (s: number[], f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))];
  const u0 = pick(su, 0.002), u1 = pick(su, 0.998), v0 = pick(sv, 0.002), v1 = pick(sv, 0.998);
  const U = u1 - u0, V = v1 - v0;
  if (U < 8 || V < 8) return 0;
  const hu = new Float64Array(Math.ceil(U) + 3);
  const hv = new Float64Array(Math.ceil(V) + 3);
  for (let i = 0; i < us.length; i++) {
    const bu = Math.round(us[i] - u0);
    const bv = Math.round(vs[i] - v0);
    if (bu >= 0 && bu < hu.length) hu[bu] += step;
    if (bv >= 0 && bv < hv.length) hv[bv] += step;
  }
  // Edge strength: densest 1-px line within the outer 12% at each end, relative to the side it should span.
  const endPeak = (h: Float64Array, fromEnd: boolean) => {
    const span = Math.max(2, Math.ceil(h.length * 0.12));
    let m = 0;
    for (let k = 0; k < span; k++) m = Math.max(m, h[fromEnd ? h.length - 1 - k : k]);
    return m;
  };
  // A frame is hollow: its edge lines must stand well above the typical line inside
  // (text), or a filled disc or blob would score like a box.
  const inner = (h: Float64Array) => {
    const mid = Array.from(h.subarray(Math.floor(h.length * 0.2), Math.ceil(h.length * 0.8))).sort((p, q) => p - q);
    return mid.length ? mid[Math.floor(mid.length * 0.75)] : 0;
  };
  const iu = inner(hu), iv = inner(hv);
  const left = (endPeak(hu, false) - iu) / V, right = (endPeak(hu, true) - iu) / V;
  const top = (endPeak(hv, false) - iv) / U, bottom = (endPeak(hv, true) - iv) / U;
  return Math.max(0, Math.min(1, left, right, top, bottom));
}

/** Grey image of a region for OCR: red ink black on white, everything else (black text, paper) white. */
export function redToGrey(img: RasterImage, region: Box, pad = 6): RasterImage {
  const x0 = Math.max(0, region.x - pad), y0 = Math.max(0, region.y - pad);
  const x1 = Math.min(img.width, region.x + region.w + pad), y1 = Math.min(img.height, region.y + region.h + pad);
  const width = x1 - x0, height = y1 - y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = ((y + y0) * img.width + (x + x0)) * 3;
      const r = redness(img.data[o], img.data[o + 1], img.data[o + 2]);
      data[y * width + x] = 255 - Math.min(255, Math.max(0, (r - 25) * 3));
    }
  }
  return { width, height, channels: 1, data };
}

/** Rotates a grey image by `deg` about its centre (bilinear, white fill), growing the canvas to fit. */
export function rotateGrey(img: RasterImage, deg: number): RasterImage {
  if (!deg) return img;
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a), sin = Math.sin(a);
  const width = Math.ceil(Math.abs(img.width * cos) + Math.abs(img.height * sin) - 1e-6);
  const height = Math.ceil(Math.abs(img.width * sin) + Math.abs(img.height * cos) - 1e-6);
  const data = new Uint8Array(width * height).fill(255);
  const cx = img.width / 2, cy = img.height / 2, ox = width / 2, oy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse mapping: where in the source does this output pixel come from.
      const dx = x - ox, dy = y - oy;
      const sx = dx * cos - dy * sin + cx;
      const sy = dx * sin + dy * cos + cy;
      const ix = Math.floor(sx), iy = Math.floor(sy);
      if (ix < 0 || iy < 0 || ix + 1 >= img.width || iy + 1 >= img.height) continue;
      const fx = sx - ix, fy = sy - iy;
      const p = (xx: number, yy: number) => img.data[yy * img.width + xx];
      data[y * width + x] = Math.round(
        p(ix, iy) * (1 - fx) * (1 - fy) + p(ix + 1, iy) * fx * (1 - fy) + p(ix, iy + 1) * (1 - fx) * fy + p(ix + 1, iy + 1) * fx * fy,
      );
    }
  }
  return { width, height, channels: 1, data };
}

/**
 * Binarises and whites out a deskewed stamp's frame: rows and columns whose ink
 * spans much of the inked extent (the frame edges, one pixel either side), which
 * tesseract would otherwise read as "|", "I" or "L" around the words.
 */
export function removeFrameLines(img: RasterImage): RasterImage {
  const { width, height } = img;
  const data = new Uint8Array(width * height);
  let x0 = width, x1 = -1, y0 = height, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ink = img.data[y * width + x] < 150;
      data[y * width + x] = ink ? 0 : 255;
      if (ink) {
        x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      }
    }
  }
  if (x1 < 0) return { width, height, channels: 1, data };
  const spanX = x1 - x0 + 1, spanY = y1 - y0 + 1;
  const rows: number[] = [];
  const cols: number[] = [];
  for (let y = y0; y <= y1; y++) {
    let n = 0;
    for (let x = x0; x <= x1; x++) if (!data[y * width + x]) n++;
    if (n > spanX * 0.7) rows.push(y);
  }
  for (let x = x0; x <= x1; x++) {
    let n = 0;
    for (let y = y0; y <= y1; y++) if (!data[y * width + x]) n++;
    if (n > spanY * 0.7) cols.push(x);
  }
  for (const y of rows) for (let d = -1; d <= 1; d++) if (y + d >= 0 && y + d < height) data.fill(255, (y + d) * width, (y + d + 1) * width);
  for (const x of cols) for (let d = -1; d <= 1; d++) if (x + d >= 0 && x + d < width) for (let y = 0; y < height; y++) data[y * width + x + d] = 255;
  return { width, height, channels: 1, data };
}

/** Nearest-neighbour upscale so small stamp letters reach the ~30 px height tesseract reads best. */
export function scaleGrey(img: RasterImage, factor: number): RasterImage {
  if (factor <= 1) return img;
  const width = Math.round(img.width * factor), height = Math.round(img.height * factor);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(img.height - 1, Math.floor(y / factor));
    for (let x = 0; x < width; x++) data[y * width + x] = img.data[sy * img.width + Math.min(img.width - 1, Math.floor(x / factor))];
  }
  return { width, height, channels: 1, data };
}
