/**
 * OCR for scanned regulations: image-only PDFs and image files → cleaned
 * Vietnamese text, per-page confidences, and a classification-stamp verdict.
 *
 * Engine: Debian's native tesseract 5 (LSTM, `vie` data) driven through
 * execFile, pages rasterised by poppler's pdftoppm; no network, no model
 * download. Measured on the real scan 199-2026-nd-cp-scanned.pdf (3 pages,
 * 200-dpi 1-bit CCITT), body CER before clean-up / seconds per page on one core:
 *
 *   dpi  psm 3            psm 4            psm 6
 *   200  1.84 % / 1.9 s   1.71 % / 1.8 s   2.29 % / 1.9 s
 *   300  2.04 % / 2.4 s   2.00 % / 2.4 s   2.76 % / 2.3 s
 *
 * Chosen: psm 4 (one column of text of varying sizes, which is what a legal
 * document is, with the two-column header read line by line), and the scan's
 * own resolution from `pdfimages -list`, clamped to 200–400 dpi (300 when the
 * page has no image): upsampling a 200-dpi scan to 300 reads worse and slower.
 * After clean-up (cleanup.ts) the body CER is 1.48 %; whole file ≈ 8.8 s wall
 * for 3 pages on 2 cores including the red-stamp search (test/ocr/ocr.test.ts).
 *
 * tesseract runs with OMP_THREAD_LIMIT=1, one process per page, at most
 * os.availableParallelism() at a time, so two cores are never oversubscribed
 * and the event loop only ever waits on pipes.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { joinWrappedLines, cleanOcrPages } from './cleanup.js';
import { OcrError } from './errors.js';
import { decodeRgb } from './image.js';
import type { Marking } from './marking.js';
import { mapPool } from './pool.js';
import { pdfPageCount, rasterPage, rasterPageBytes, scanDpi } from './raster.js';
import { combineStamp, markingInHeaderWords, markingInRedInk, type StampResult } from './stamp.js';
import { tesseractPage } from './tesseract.js';
import { meanConfidence, wordsToText, type OcrWord } from './tsv.js';

export { OcrError } from './errors.js';
export type { OcrErrorCode } from './errors.js';
export type { Marking } from './marking.js';
export { cleanOcrText, cleanOcrPages } from './cleanup.js';

export interface OcrPage {
  page: number;
  /** Character-weighted mean word confidence, 0–100. */
  confidence: number;
  text: string;
  lowConfidence: boolean;
}

export interface OcrResult {
  text: string;
  pages: OcrPage[];
  meanConfidence: number;
  stamp: { marking: Marking | null; source: 'text' | 'image' | null; undecidable: boolean };
}

export interface OcrOptions {
  /** Rasterisation resolution for PDFs; default: the scan's own, clamped to 200–400. */
  dpi?: number;
  /** Parallel tesseract processes; default os.availableParallelism(). */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'] as const;

/** Pages under this confidence are flagged: the text is there but should not be trusted blindly. */
export const LOW_CONFIDENCE = 60;
/** The colour rendering used to look for red ink. */
const STAMP_DPI = 150;
const PSM = 4;

interface PageWords {
  page: number;
  words: OcrWord[];
  height: number;
}

export async function ocrFile(absPath: string, opts: OcrOptions = {}): Promise<OcrResult> {
  const ext = extname(absPath).toLowerCase();
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? availableParallelism(), availableParallelism()));
  if (ext === '.pdf') return ocrPdf(absPath, concurrency, opts);
  if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext)) return ocrImage(absPath, opts);
  throw new OcrError('unsupported-file', `OCR does not handle ${ext || 'files without extension'}: ${absPath}`);
}

async function ocrPdf(pdf: string, concurrency: number, opts: OcrOptions): Promise<OcrResult> {
  const { signal } = opts;
  const [count, native] = await Promise.all([pdfPageCount(pdf, signal), opts.dpi ? Promise.resolve(new Map<number, number>()) : scanDpi(pdf, signal)]);
  if (count < 1) throw new OcrError('unsupported-file', `${pdf} has no pages`);
  const dpiOf = (page: number) => opts.dpi ?? clamp(native.get(page) ?? 300, 200, 400);
  // The red-ink search on page 1 is one more job in the same pool.
  type Job = { kind: 'page'; page: number } | { kind: 'stamp' };
  const jobs: Job[] = [{ kind: 'stamp' }, ...Array.from({ length: count }, (_v, i) => ({ kind: 'page' as const, page: i + 1 }))];
  let done = 0;
  opts.onProgress?.(0, count);
  const results = await mapPool(
    jobs,
    concurrency,
    async (job) => {
      if (job.kind === 'stamp') {
        const img = await rasterPage(pdf, 1, { dpi: STAMP_DPI, colour: true, signal });
        return { kind: 'stamp' as const, found: await markingInRedInk(img, STAMP_DPI, { signal }) };
      }
      const bytes = await rasterPageBytes(pdf, job.page, { dpi: dpiOf(job.page), signal });
      const { words, sizes } = await tesseractPage(bytes, { psm: PSM, signal });
      opts.onProgress?.(++done, count);
      return { kind: 'page' as const, page: { page: job.page, words, height: sizes.get(1)?.height ?? 0 } satisfies PageWords };
    },
    signal,
  );
  const pages: PageWords[] = [];
  let image: { marking: Marking | null; undecidable: boolean } | null = null;
  for (const r of results) {
    if (r.kind === 'page') pages.push(r.page);
    else image = r.found;
  }
  return assemble(pages, image);
}

async function ocrImage(path: string, opts: OcrOptions): Promise<OcrResult> {
  const { signal } = opts;
  opts.onProgress?.(0, 1);
  // tesseract reads every frame of a multi-page TIFF itself; the red search looks at the first frame.
  const [{ words, sizes }, rgb] = await Promise.all([tesseractPage(path, { psm: PSM, signal }), decodeRgb(path)]);
  const pageNos = [...sizes.keys()].sort((a, b) => a - b);
  const pages: PageWords[] = (pageNos.length ? pageNos : [1]).map((page) => ({
    page,
    words: words.filter((w) => w.page === page),
    height: sizes.get(page)?.height ?? rgb.height,
  }));
  const dpiGuess = Math.max(100, Math.round(rgb.width / 8.27)); // A4 width in inches: scans are page-sized
  const image = await markingInRedInk(rgb, dpiGuess, { signal });
  opts.onProgress?.(1, 1);
  return assemble(pages, image);
}

function assemble(pages: PageWords[], image: { marking: Marking | null; undecidable: boolean } | null): OcrResult {
  pages.sort((a, b) => a.page - b.page);
  const cleaned = cleanOcrPages(pages.map((p) => wordsToText(p.words)));
  const out: OcrPage[] = pages.map((p, i) => {
    const confidence = round1(meanConfidence(p.words));
    return { page: p.page, confidence, text: cleaned[i], lowConfidence: confidence < LOW_CONFIDENCE };
  });
  const first = pages[0];
  const header = first ? markingInHeaderWords(first.words, first.height) : { marking: null, undecidable: false };
  const stamp: StampResult = combineStamp(header, image);
  return {
    text: joinWrappedLines(cleaned.join('\n\n')),
    pages: out,
    meanConfidence: round1(meanConfidence(pages.flatMap((p) => p.words))),
    stamp,
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round1 = (v: number) => Math.round(v * 10) / 10;
