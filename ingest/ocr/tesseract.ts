import { run } from './exec.js';
import { parsePageSizes, parseTsv, type OcrWord } from './tsv.js';

export interface TesseractOptions {
  psm?: number;
  lang?: string;
  signal?: AbortSignal;
}

/**
 * OCR one image (a file path, or PNM bytes piped on stdin) into word boxes.
 * Multi-page TIFF files come back with page numbers from 1.
 */
export async function tesseractWords(image: string | Buffer, opts: TesseractOptions = {}): Promise<OcrWord[]> {
  return (await tesseractPage(image, opts)).words;
}

export interface TesseractResult {
  words: OcrWord[];
  sizes: Map<number, { width: number; height: number }>;
}

export async function tesseractPage(image: string | Buffer, opts: TesseractOptions = {}): Promise<TesseractResult> {
  const source = typeof image === 'string' ? image : 'stdin';
  const args = [source, 'stdout', '-l', opts.lang ?? 'vie', '--psm', String(opts.psm ?? 4), 'tsv'];
  const out = await run('tesseract', args, { input: typeof image === 'string' ? undefined : image, signal: opts.signal });
  const tsv = out.toString('utf8');
  return { words: parseTsv(tsv), sizes: parsePageSizes(tsv) };
}
