/**
 * Classification marking on a scanned document, found two ways:
 *  1. in the OCR words of the first page's header zone (top quarter), where the
 *     "độ mật" stamp is placed;
 *  2. in red ink on the colour page: each red region is cut out, turned into
 *     black-on-white, deskewed when it is a tilted box, and OCR'd on its own with
 *     several page-segmentation modes and rotations.
 * When a red box sits in the header zone and nothing in it can be read, the
 * result is `undecidable` and the pipeline quarantines the file for review:
 * failing closed is the point. Red regions that read as ordinary words (an
 * "ĐẾN" received-stamp, a seal's ring text) or are not boxes (the national
 * emblem of a digital signature) are not flagged.
 */
import { findMarking, strongerMarking, type Marking } from './marking.js';
import { encodePgm, type RasterImage } from './pnm.js';
import { findRedRegions, fitBox, redToGrey, removeFrameLines, rotateGrey, scaleGrey, type RedRegion } from './red.js';
import { tesseractWords } from './tesseract.js';
import { meanConfidence, type OcrWord } from './tsv.js';

export interface StampResult {
  marking: Marking | null;
  source: 'text' | 'image' | null;
  undecidable: boolean;
}

/** Fraction of the page height treated as the header zone. */
export const HEADER_ZONE = 0.25;
/** Below this word confidence a header word that looks like a marking cannot be trusted either way. */
const LOW_CONF = 55;

function groupLines(words: readonly OcrWord[]): OcrWord[][] {
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) {
    const key = `${w.page}/${w.block}/${w.par}/${w.line}`;
    const l = lines.get(key);
    if (l) l.push(w);
    else lines.set(key, [w]);
  }
  return [...lines.values()];
}

/** Digits OCR substitutes for letters in capitals ("T0I M4T"). */
const DELEET: Record<string, string> = { '0': 'O', '4': 'A', '1': 'I', '7': 'T', '5': 'S' };

/**
 * Marking in the header-zone words of one page. `undecidable` when a header
 * line spells a marking only once look-alike digits are read as letters and
 * its words were read with low confidence: it cannot be ruled out.
 */
export function markingInHeaderWords(words: readonly OcrWord[], pageHeight: number): { marking: Marking | null; undecidable: boolean } {
  const zone = words.filter((w) => w.top + w.height / 2 <= pageHeight * HEADER_ZONE);
  let marking: Marking | null = null;
  let undecidable = false;
  for (const line of groupLines(zone)) {
    marking = strongerMarking(marking, findMarking(line.map((w) => ({ text: w.text, conf: w.conf }))));
    const deleeted = findMarking(line.map((w) => ({ text: w.text.replace(/[01457]/g, (d) => DELEET[d] ?? d), conf: w.conf })));
    if (deleeted && line.some((w) => w.conf >= 0 && w.conf < LOW_CONF)) undecidable = true;
  }
  return { marking, undecidable: undecidable && !marking };
}

export interface RedStampOptions {
  signal?: AbortSignal;
  /** Most red regions to OCR; the largest first. */
  maxRegions?: number;
}

/** Pixels per millimetre of an image rendered at `dpi`. */
const pxPerMm = (dpi: number) => dpi / 25.4;

/**
 * Looks for a classification stamp in the red ink of a colour page image.
 */
export async function markingInRedInk(img: RasterImage, dpi: number, opts: RedStampOptions = {}): Promise<{ marking: Marking | null; undecidable: boolean; regions: number }> {
  const mm = pxPerMm(dpi);
  const regions = findRedRegions(img).filter(
    // Stamp-sized: a few mm of text up to a large boxed stamp; specks and full-page tints are not stamps.
    // Solid shapes (an emblem, a logo) are not writing: letters and frames fill well under half their box.
    (r) => r.w >= 6 * mm && r.h >= 3 * mm && r.w <= 150 * mm && r.h <= 100 * mm && r.pixels / (r.w * r.h) <= 0.5,
  );
  let undecidable = false;
  let marking: Marking | null = null;
  for (const region of regions.slice(0, opts.maxRegions ?? 6)) {
    const read = await readRedRegion(img, region, mm, opts.signal);
    marking = strongerMarking(marking, read.marking);
    if (marking === 'TUYỆT MẬT') break;
    const inHeader = region.y + region.h / 2 <= img.height * HEADER_ZONE;
    if (!read.marking && inHeader && read.boxScore >= 0.45 && !read.readable) undecidable = true;
  }
  return { marking, undecidable: undecidable && !marking, regions: regions.length };
}

interface RegionRead {
  marking: Marking | null;
  /** Some words were read with confidence: the stamp says something, and it is not a marking. */
  readable: boolean;
  boxScore: number;
}

async function readRedRegion(img: RasterImage, region: RedRegion, mm: number, signal?: AbortSignal): Promise<RegionRead> {
  const fit = fitBox(img, region);
  const grey = redToGrey(img, region, Math.round(2 * mm));
  // Stamp letters are ~3–6 mm tall; bring them to ≥ ~40 px.
  const scaled = scaleGrey(grey, Math.min(4, Math.max(1, Math.ceil(10 / mm))));
  const attempts: { angle: number; psm: number }[] = [];
  const isBox = fit.score >= 0.45;
  const first = isBox ? fit.angle : 0;
  for (const psm of [6, 7, 11]) attempts.push({ angle: first, psm });
  for (const angle of [15, -15, 30, -30, 45, -45]) if (angle !== first) attempts.push({ angle, psm: 6 });
  let readable = false;
  for (const a of attempts) {
    let page = rotateGrey(scaled, a.angle);
    if (isBox && a.angle === first) page = removeFrameLines(page);
    const words = await tesseractWords(encodePgm(page), { psm: a.psm, signal });
    const byLine = groupLines(words);
    for (const line of byLine) {
      const m = findMarking(line.map((w) => ({ text: w.text, conf: w.conf })));
      if (m) return { marking: m, readable: true, boxScore: fit.score };
    }
    const all = findMarking(words.map((w) => ({ text: w.text, conf: w.conf })));
    if (all) return { marking: all, readable: true, boxScore: fit.score };
    const goodLetters = words.filter((w) => w.conf >= 70 && /\p{L}{2,}/u.test(w.text)).reduce((n, w) => n + [...w.text].length, 0);
    if (goodLetters >= 4 && meanConfidence(words) >= 60) readable = true;
    // A box read confidently at its own angle says what it says; other angles are for tilted free text.
    if (readable && isBox) break;
  }
  return { marking: null, readable, boxScore: fit.score };
}

/** Combines the text and image findings. */
export function combineStamp(text: { marking: Marking | null; undecidable: boolean }, image: { marking: Marking | null; undecidable: boolean } | null): StampResult {
  const marking = strongerMarking(text.marking, image?.marking ?? null);
  if (marking) return { marking, source: marking === text.marking ? 'text' : 'image', undecidable: false };
  return { marking: null, source: null, undecidable: text.undecidable || (image?.undecidable ?? false) };
}
