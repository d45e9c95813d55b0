/**
 * Vietnamese text utilities shared by ingestion, retrieval and the guard.
 *
 * Everything that compares text goes through `fold` so that "ke hoach 221" and
 * "Kế hoạch 221" meet: users type without diacritics as often as with them.
 */
import { memoize } from './memo.js';

const COMBINING = /[\u0300-\u036f]/g;

/** NFC, and the line/space clean-up every loader wants. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Lower-case, strip diacritics (đ → d), NFC. */
export function fold(text: string): string {
  // Single syllables are folded over and over (every token of every passage): remember them.
  return text.length <= SHORT ? foldShort(text) : foldUncached(text);
}

const SHORT = 16;
const foldShort = memoize(foldUncached, 100_000);

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/** Lower-case NFC, diacritics kept. */
export function lower(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** True when the text carries no Vietnamese diacritics at all (a user typing "khong dau"). */
export function isUnaccented(text: string): boolean {
  return fold(text) === lower(text);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Syllable tokens (Vietnamese words are space-separated syllables), lower-cased NFC. */
export function syllables(text: string): string[] {
  return lower(text).match(WORD) ?? [];
}

/** Syllable tokens with diacritics folded away. */
export function foldedSyllables(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/**
 * Document numbers: 221/KH-VKSTC, 29/2018/QH14, 30/2020/NĐ-CP, 01/VBHN-VPQH, 390/QĐ-VKSTC.
 * A number, optionally a year, then an upper-case code with dashes.
 */
const DOC_NUMBER = /\b(\d{1,4}[a-z]?)\s*\/\s*(?:(\d{4})\s*\/\s*)?([A-ZĐ][A-ZĐ0-9]*(?:\s*-\s*[A-ZĐ][A-ZĐ0-9]*)*)/giu;

/** Canonical key for a document number: folded, upper-case, no spaces ("30/2020/ND-CP"). */
export function docNumberKey(num: string): string {
  return fold(num).replace(/\s+/g, '').toUpperCase();
}

/** Document numbers written in a text, as they appear (spaces removed). */
export function findDocNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of nfc(text).matchAll(DOC_NUMBER)) {
    const code = m[3];
    // "15/12/2023" is a date, not a number; codes need a letter.
    if (!/[A-ZĐa-zđ]/u.test(code)) continue;
    out.push(m[0].replace(/\s+/g, ''));
  }
  return out;
}

/**
 * Bare references such as "kế hoạch 221", "nghị định 30", "quyết định số 390":
 * a type word then a number. Returns the folded type and the number.
 */
const TYPE_WORDS: Record<string, string> = {
  'ke hoach': 'Kế hoạch',
  kh: 'Kế hoạch',
  'nghi dinh': 'Nghị định',
  nd: 'Nghị định',
  'quyet dinh': 'Quyết định',
  qd: 'Quyết định',
  'chi thi': 'Chỉ thị',
  ct: 'Chỉ thị',
  'thong tu': 'Thông tư',
  tt: 'Thông tư',
  luat: 'Luật',
  'cong van': 'Công văn',
  cv: 'Công văn',
  'huong dan': 'Hướng dẫn',
  hd: 'Hướng dẫn',
  'nghi quyet': 'Nghị quyết',
  nq: 'Nghị quyết',
};

export interface BareReference {
  type: string;
  number: string;
}

export function findBareReferences(text: string): BareReference[] {
  const f = fold(text);
  const out: BareReference[] = [];
  const re = /\b(ke hoach|nghi dinh|quyet dinh|chi thi|thong tu|luat|cong van|huong dan|nghi quyet|kh|nd|qd|ct|tt|cv|hd|nq)\s*(?:so\s*)?(\d{1,4})\b/g;
  for (const m of f.matchAll(re)) out.push({ type: TYPE_WORDS[m[1]], number: m[2] });
  return out;
}

/** Dates written dd/mm/yyyy, dd-mm-yyyy or "ngày d tháng m năm yyyy", as ISO yyyy-mm-dd. */
export function findDates(text: string): string[] {
  const f = fold(text);
  const out: string[] = [];
  const iso = (d: string, m: string, y: string) => {
    const dd = Number(d);
    const mm = Number(m);
    if (dd < 1 || dd > 31 || mm < 1 || mm > 12) return;
    out.push(`${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`);
  };
  for (const m of f.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g)) iso(m[1], m[2], m[3]);
  for (const m of f.matchAll(/ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/g)) iso(m[1], m[2], m[3]);
  return out;
}

/** Collapse runs of blank space, keep paragraph breaks. */
export function tidyWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/ +\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Sentence split that never cuts inside a number ("1.000", "15/12/2023", "2.5%")
 * or an abbreviation followed by a number ("Điều 5.", "Khoản 2.").
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const parts = text.split(/(?<=[.!?;:…])\s+(?=[\p{Lu}\d"“(\-–•])|\n+/u);
  for (const p of parts) {
    const s = p.trim();
    if (s) out.push(s);
  }
  return out;
}

/** Stable short hash (FNV-1a 64 as hex) for ids; crypto hashes are used for content. */
export function shortHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
