import { describe, expect, it } from 'vitest';
import { encodePgm, parsePnm, type RasterImage } from '../../ingest/ocr/pnm.js';
import { findRedRegions, fitBox, redToGrey, rotateGrey } from '../../ingest/ocr/red.js';

type Rgb = [number, number, number];

/** A synthetic colour page as the PPM bytes pdftoppm would write. */
function page(width: number, height: number, paint: (x: number, y: number) => Rgb | null): RasterImage {
  const header = Buffer.from(`P6\n${width} ${height}\n255\n`, 'ascii');
  const body = Buffer.alloc(width * height * 3, 255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const c = paint(x, y);
    if (c) body.set(c, (y * width + x) * 3);
  }
  return parsePnm(Buffer.concat([header, body]));
}

const RED: Rgb = [205, 40, 45];
const BLACK: Rgb = [20, 20, 20];

/** A hollow rectangle frame of half-size (hw, hh) centred at (cx, cy), turned by deg. */
function inFrame(x: number, y: number, cx: number, cy: number, hw: number, hh: number, deg: number, thick = 3): boolean {
  const a = (deg * Math.PI) / 180;
  const u = (x - cx) * Math.cos(a) + (y - cy) * Math.sin(a);
  const v = -(x - cx) * Math.sin(a) + (y - cy) * Math.cos(a);
  const inside = Math.abs(u) <= hw && Math.abs(v) <= hh;
  const innerHole = Math.abs(u) < hw - thick && Math.abs(v) < hh - thick;
  return inside && !innerHole;
}

describe('red-ink regions', () => {
  it('finds a tilted red frame and ignores black text', () => {
    const img = page(600, 800, (x, y) => {
      if (inFrame(x, y, 150, 100, 90, 30, -12)) return RED;
      if (y > 400 && y < 410 && x > 50 && x < 550) return BLACK; // a line of "text"
      return null;
    });
    const regions = findRedRegions(img);
    expect(regions).toHaveLength(1);
    const [r] = regions;
    expect(r.x).toBeLessThan(70);
    expect(r.x + r.w).toBeGreaterThan(230);
    expect(r.y + r.h).toBeLessThan(180);
    const fit = fitBox(img, r);
    expect(fit.score).toBeGreaterThan(0.45);
    expect(Math.abs(fit.angle - -12)).toBeLessThanOrEqual(2);
  });

  it('keeps separate stamps apart and drops specks', () => {
    const img = page(600, 800, (x, y) => {
      if (inFrame(x, y, 120, 100, 80, 25, 0)) return RED;
      if (inFrame(x, y, 450, 650, 80, 25, 0)) return RED;
      if (x === 300 && y === 300) return RED;
      return null;
    });
    expect(findRedRegions(img)).toHaveLength(2);
  });

  it('does not call a filled disc (an emblem, a seal blot) a box', () => {
    const img = page(400, 400, (x, y) => ((x - 200) ** 2 + (y - 200) ** 2 < 60 ** 2 ? RED : null));
    const [r] = findRedRegions(img);
    expect(fitBox(img, r).score).toBeLessThan(0.2);
  });

  it('turns red ink black on white, drops black ink, and deskews', () => {
    const img = page(200, 100, (x, y) => (x < 100 && y > 40 && y < 60 ? RED : x >= 100 && y > 40 && y < 60 ? BLACK : null));
    const grey = redToGrey(img, { x: 0, y: 0, w: 200, h: 100 }, 0);
    expect(grey.data[50 * 200 + 50]).toBeLessThan(60); // red → dark
    expect(grey.data[50 * 200 + 150]).toBeGreaterThan(200); // black text → paper
    expect(grey.data[10 * 200 + 50]).toBeGreaterThan(200);
    const turned = rotateGrey(grey, 90);
    expect(turned.width).toBe(100);
    expect(turned.height).toBe(200);
    expect(Buffer.from(parsePnm(encodePgm(turned)).data).equals(Buffer.from(turned.data))).toBe(true);
  });
});
