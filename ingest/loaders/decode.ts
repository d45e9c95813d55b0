/**
 * Bytes → Unicode text for the text-like formats (.txt, .md, .html).
 *
 * Vietnamese files in the wild come in UTF-8, UTF-16 (Word "Unicode text"), Windows-1258
 * and the pre-Unicode font encodings TCVN3 (ABC) and VNI. The font encodings cannot be
 * told apart from Latin-1 by bytes alone and decoding them "as is" yields mojibake that
 * would poison the index, so they are detected and rejected with a clear reason.
 */
import iconv from 'iconv-lite';
import { IngestFileError } from '../errors.js';

export type DetectedEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows1258';

export interface Decoded {
  text: string;
  encoding: DetectedEncoding;
}

/**
 * TCVN3 puts Vietnamese letters on Latin-1 punctuation/symbol code points (0xA1–0xBF:
 * "µ" = à, "·" = ã, "¸" = á, "®" = đ, "¬" = ơ, "­" = ư...) and on a few Latin-1 letters.
 * Seen through Latin-1/CP1252, a symbol glued between letters ("x·", "hoµ", "®iÒu") is its tell.
 */
const TCVN3_SYMBOLS = '\u00a1-\u00bf';
const TCVN3_TELL = new RegExp(`[\\p{L}][${TCVN3_SYMBOLS}]|[${TCVN3_SYMBOLS}][\\p{L}]`, 'gu');

/**
 * VNI writes a base letter followed by a separate tone/shape byte; through CP1252 those bytes
 * read as ä å ë ï ø û õ ù... right after a plain vowel ("Vieät", "hoøa", "chuû", "xaõ").
 * Unicode Vietnamese never puts these after an unaccented ASCII vowel.
 */
const VNI_TELL = /[aeiouyAEIOUY][äåëïøûõÄÅËÏØÛÕ]|[aeoAEO][âêÂÊ](?=[\p{L}\s]|$)/gu;

const WORDS = /[\p{L}\p{M}]+/gu;

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Which legacy Vietnamese font encoding a (Latin-1/CP1252-viewed) text looks like, if any. */
export function detectLegacyVietnamese(view: string): LegacyEncoding | undefined {
  const words = view.match(WORDS)?.length ?? 0;
  if (words === 0) return undefined;
  const vni = view.match(VNI_TELL)?.length ?? 0;
  const tcvn = view.match(TCVN3_TELL)?.length ?? 0;
  // Both ratios are far above noise in real legacy text (every third word or so carries one).
  const threshold = Math.max(2, words * 0.03);
  if (vni >= threshold && vni >= tcvn) return 'vni';
  if (tcvn >= threshold) return 'tcvn3';
  return undefined;
}

const VIETNAMESE_LETTERS =
  /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu;

/** Share of non-ASCII letters that are Vietnamese ones: high for a correctly decoded text. */
function vietnamesePlausibility(text: string): number {
  const nonAscii = text.match(/[^\x00-\x7f]/g)?.length ?? 0;
  if (nonAscii === 0) return 1;
  const vi = text.normalize('NFC').match(VIETNAMESE_LETTERS)?.length ?? 0;
  return vi / nonAscii;
}

function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 64 * 1024);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / n > 0.02;
}

/** UTF-16 without BOM: every other byte is zero for mostly-ASCII text. */
function sniffUtf16(bytes: Buffer): 'utf16le' | 'utf16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'utf16le';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'utf16be';
  return undefined;
}

function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decode a text file's bytes. Throws IngestFileError 'binary' for non-text bytes and
 * 'legacy-encoding' for TCVN3/VNI (or any 8-bit text that does not decode to plausible Vietnamese).
 */
export function decodeText(bytes: Buffer, file: string): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checked(bytes.subarray(3).toString('utf8'), 'utf8', file);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checked(iconv.decode(bytes.subarray(2), 'utf16le'), 'utf16le', file);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checked(iconv.decode(bytes.subarray(2), 'utf16be'), 'utf16be', file);
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return checked(iconv.decode(bytes, utf16), utf16, file);
  if (looksBinary(bytes)) throw new IngestFileError('binary', file);

  const utf8 = strictUtf8(bytes);
  // Legacy text that was once opened as CP1252 and re-saved as UTF-8 is still mojibake.
  if (utf8 !== undefined) return checked(utf8, 'utf8', file);

  const latin = iconv.decode(bytes, 'windows1252');
  const legacy = detectLegacyVietnamese(latin);
  if (legacy) throw new IngestFileError('legacy-encoding', file, legacy);
  const cp1258 = iconv.decode(bytes, 'windows1258').normalize('NFC');
  if (vietnamesePlausibility(cp1258) >= 0.85) return checked(cp1258, 'windows1258', file);
  throw new IngestFileError('legacy-encoding', file, 'unknown 8-bit encoding');
}

function checked(text: string, encoding: DetectedEncoding, file: string): Decoded {
  const legacy = detectLegacyVietnamese(text);
  if (legacy) throw new IngestFileError('legacy-encoding', file, legacy);
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 65536)) && looksBinary(Buffer.from(text, 'utf8'))) {
    throw new IngestFileError('binary', file);
  }
  return { text, encoding };
}
