/**
 * Abbreviations of the procuracy field and their expansions (folded, lower-case).
 *
 * Users and documents write "VKSND", "KSV", "BLTTHS" as often as the long form;
 * expanding both sides lets "kiểm sát viên" find a chunk that only says "KSV".
 */
import { fold } from '../text.js';

/** folded abbreviation → folded expansion. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  vksnd: 'vien kiem sat nhan dan',
  vkstc: 'vien kiem sat nhan dan toi cao',
  vksndtc: 'vien kiem sat nhan dan toi cao',
  vks: 'vien kiem sat',
  vksqs: 'vien kiem sat quan su',
  ksv: 'kiem sat vien',
  kh: 'ke hoach',
  qd: 'quyet dinh',
  ct: 'chi thi',
  nd: 'nghi dinh',
  nq: 'nghi quyet',
  tt: 'thong tu',
  cv: 'cong van',
  hd: 'huong dan',
  tths: 'to tung hinh su',
  bltths: 'bo luat to tung hinh su',
  blhs: 'bo luat hinh su',
  blds: 'bo luat dan su',
  blttds: 'bo luat to tung dan su',
  blld: 'bo luat lao dong',
  tttths: 'to tung hanh chinh',
  tthc: 'thu tuc hanh chinh',
  ttds: 'to tung dan su',
  cds: 'chuyen doi so',
  cntt: 'cong nghe thong tin',
  bcd: 'ban chi dao',
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  tand: 'toa an nhan dan',
  tandtc: 'toa an nhan dan toi cao',
  cqdt: 'co quan dieu tra',
  bca: 'bo cong an',
  gdt: 'giam doc tham',
  dtv: 'dieu tra vien',
  hsva: 'ho so vu an',
  thqct: 'thuc hanh quyen cong to',
  ksxx: 'kiem sat xet xu',
  ksdt: 'kiem sat dieu tra',
  qh: 'quoc hoi',
  ubtvqh: 'uy ban thuong vu quoc hoi',
  cp: 'chinh phu',
  ttg: 'thu tuong chinh phu',
  bmnn: 'bi mat nha nuoc',
  vbhn: 'van ban hop nhat',
  vbqppl: 'van ban quy pham phap luat',
  cbcc: 'can bo cong chuc',
  clb: 'cau lac bo',
};

/**
 * Short abbreviations that are also ordinary syllables or too ambiguous in lower case
 * ("ct", "tt", "nd" ...): expanded only when written in capitals, or in a query when typed alone.
 */
const AMBIGUOUS = new Set(['kh', 'qd', 'ct', 'nd', 'nq', 'tt', 'cv', 'hd', 'qh', 'cp', 'cds', 'vks', 'ttg', 'clb']);

/**
 * Expansion of one raw token, or undefined. `raw` is the token as written (case kept):
 * unambiguous abbreviations expand in any case, ambiguous ones only in capitals.
 */
export function expandAbbreviation(raw: string): string | undefined {
  return expandFolded(raw, fold(raw));
}

/** A Map, not the object literal: "constructor" or "toString" in a text is a word, not an inherited key. */
const BY_KEY = new Map(Object.entries(ABBREVIATIONS));

/**
 * A rolling hash of a folded word, one unit at a time from 0: a scan that writes a word's units
 * without making its string asks `mayBeAbbreviation` first, and makes the string only on a yes.
 */
export function keyHashStep(hash: number, unit: number): number {
  return (Math.imul(hash, 31) + unit) | 0;
}

function keyHash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = keyHashStep(h, key.charCodeAt(i));
  return h;
}

const KEY_HASHES = new Set([...BY_KEY.keys()].map(keyHash));
const KEY_LENGTHS = [...BY_KEY.keys()].map((k) => k.length);
const SHORTEST_KEY = Math.min(...KEY_LENGTHS);
const LONGEST_KEY = Math.max(...KEY_LENGTHS);

/** False when no abbreviation folds to a word of this hash and length (true may still be none). */
export function mayBeAbbreviation(hash: number, length: number): boolean {
  return length >= SHORTEST_KEY && length <= LONGEST_KEY && KEY_HASHES.has(hash);
}

/** expandAbbreviation for a token whose folded form the caller already has. */
export function expandFolded(raw: string, folded: string): string | undefined {
  const exp = BY_KEY.get(folded);
  if (exp === undefined) return undefined;
  if (AMBIGUOUS.has(folded) && raw !== raw.toUpperCase()) return undefined;
  return exp;
}
