/** PDF text layer via pdf-parse v2; image-only scans are reported, OCR lives elsewhere. */
import { PDFParse } from 'pdf-parse';
import type { LoadedDocument } from '../../core/types.js';
import { nfc, tidyWhitespace } from '../../core/text.js';
import { IngestFileError } from '../errors.js';
import { cleanPdfPages } from './pdf-layout.js';

/** Fewer letters than this per page on average means there is no usable text layer. */
const MIN_LETTERS_PER_PAGE = 20;

export async function loadPdfBytes(bytes: Buffer, file: string): Promise<LoadedDocument> {
  if (bytes.length < 5 || bytes.subarray(0, 1024).indexOf('%PDF-') < 0) {
    throw new IngestFileError('corrupt', file, 'no %PDF- header');
  }
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  let pages: string[];
  try {
    const result = await parser.getText();
    pages = result.pages.map((p) => p.text);
  } catch (e) {
    const err = e as Error;
    if (/password/i.test(err.name + err.message)) throw new IngestFileError('corrupt', file, 'encrypted PDF');
    throw new IngestFileError('corrupt', file, `${err.name}: ${err.message}`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
  const letters = pages.join('').match(/\p{L}/gu)?.length ?? 0;
  if (pages.length === 0 || letters < MIN_LETTERS_PER_PAGE * Math.max(1, pages.length) * 0.25) {
    throw new IngestFileError('no-text-layer', file, `${pages.length} pages, ${letters} letters`);
  }
  const text = tidyWhitespace(cleanPdfPages(pages.map((p) => nfc(p))));
  return { text, declared: {}, format: 'pdf', pages: pages.length };
}
