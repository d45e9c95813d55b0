/**
 * Vietnamese text utilities shared by ingestion, retrieval and the guard.
 *
 * Everything that compares text goes through `fold` so that "ke hoach 221" and
 * "Kế hoạch 221" meet: users type without diacritics as often as with them.
 */
import { memoize } from './memo.js';

const COMBINING = /[\u0300-\u036f]/g;

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 represents a substring
 * (a regex match, a `slice`) as a view of its parent, so a short field kept from a document
 * (its number, a heading) keeps the whole document text alive: at 100k chunks that was ~150 MB
 * of source texts held through the ingest by their manifest entries. Flattening a concatenation
 * makes a fresh string; the slice then views that small copy.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

/** NFC, and the line/space clean-up every loader wants. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Letters that look like Đ/đ and are not: Icelandic eth (Ð ð), African D (Ɖ ɖ). Old fonts and converters write them. */
const DD_LOOKALIKES = /[\u00d0\u00f0\u0189\u0256]/g;
const DD_OF: Record<string, string> = { '\u00d0': 'Đ', '\u00f0': 'đ', '\u0189': 'Đ', '\u0256': 'đ' };

/**
 * Vietnamese's Đ/đ where a look-alike stands for it: "Ðiều 418" (U+00D0) is an article heading the
 * chunker must see as "Điều 418", and a word search for "điều kiện" must find "Ðiều kiện".
 */
export function vietnameseLetters(text: string): string {
  return text.replace(DD_LOOKALIKES, (c) => DD_OF[c]);
}

/** Lower-case, strip diacritics (đ → d), NFC. */
export function fold(text: string): string {
  // Single syllables are folded over and over (every token of every passage): remember them.
  return text.length <= SHORT ? foldShort(text) : foldByChar(text);
}

const SHORT = 16;
const foldShort = memoize(foldByDefinition, 100_000);

/** The definition of `fold`: every faster path must give exactly this. */
export function foldByDefinition(text: string): string {
  return vietnameseLetters(text)
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * Code units whose folding never depends on their neighbours: Latin (with Vietnamese's
 * precomposed letters), the combining marks fold drops, and general punctuation. Outside
 * these (Greek's final sigma, Hangul jamo composing, marks NFD would reorder) a character's
 * fold can depend on the next one, so such text takes the definition.
 */
const inLocalRange = (c: number) => c < 0x370 || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < 0x2070);
/** Code unit → its fold: 0xffff dropped, 0xfffe not looked up yet, 0xfffd folds to more than one unit. */
const BY_UNIT = new Uint16Array(0x2070).fill(0xfffe);
let scratch = new Uint16Array(4096);
const utf16 = new TextDecoder('utf-16le');

/**
 * `fold` of a long text, one code unit at a time through a table (3–4× faster than the
 * definition's two normalisations over a whole passage, which were most of a cold question).
 */
function foldByChar(text: string): string {
  const n = text.length;
  // One reusable buffer for passages; a whole document gets its own, not kept.
  if (scratch.length < n && n <= 1 << 16) scratch = new Uint16Array(1 << 16);
  const out = scratch.length >= n ? scratch : new Uint16Array(n);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const f = foldUnit(text.charCodeAt(i));
    if (f === FOLD_NOT_LOCAL) return foldByDefinition(text);
    if (f !== FOLD_DROPS) out[o++] = f;
  }
  return utf16.decode(out.subarray(0, o));
}

/** `foldUnit` of a unit fold drops (a combining mark). */
export const FOLD_DROPS = -1;
/** `foldUnit` of a unit whose fold may depend on its neighbours or is longer than one unit: the text takes `foldByDefinition`. */
export const FOLD_NOT_LOCAL = -2;

/**
 * One code unit's fold, as `foldByChar` writes it: a text whose every unit folds locally is
 * folded unit by unit (so a word of it is too, wherever it is cut).
 */
export function foldUnit(c: number): number {
  if (!inLocalRange(c)) return FOLD_NOT_LOCAL;
  let f = BY_UNIT[c];
  if (f === 0xfffe) {
    const one = foldByDefinition(String.fromCharCode(c));
    f = BY_UNIT[c] = one.length === 0 ? 0xffff : one.length === 1 ? one.charCodeAt(0) : 0xfffd;
  }
  return f === 0xfffd ? FOLD_NOT_LOCAL : f === 0xffff ? FOLD_DROPS : f;
}

/** Lower-case NFC, diacritics kept. */
export function lower(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** The five tone marks as NFD writes them (not the marks of ă â ê ô ơ ư): one per syllable. */
export const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * The same syllable with its tone on the other vowel of an open "oa", "oe" or "uy" ("túy" ↔
 * "tuý", "hòa" ↔ "hoà", "khóa" ↔ "khoá"): both placements are in use, texts mix them, and they
 * are one word. Undefined for any other syllable.
 */
export function otherTonePlacement(syllable: string): string | undefined {
  const d = syllable.normalize('NFD');
  const mark = TONE_MARK.exec(d);
  if (!mark) return undefined;
  const bare = d.replace(TONE_MARK, '');
  const m = /(o|O)(a|e|A|E)$|(u|U)(y|Y)$/u.exec(bare);
  // "qua", "gia": a glide before the nucleus, not a two-vowel one; "quy" keeps its tone on y.
  if (!m || /^(?:qu|gi)/iu.test(bare)) return undefined;
  const first = m.index;
  const onFirst = mark.index === first + 1;
  const at = onFirst ? first + 2 : first + 1;
  return (bare.slice(0, at) + mark[0] + bare.slice(at)).normalize('NFC');
}

/** True when the text carries no Vietnamese diacritics at all (a user typing "khong dau"). */
export function isUnaccented(text: string): boolean {
  return fold(text) === lower(text);
}

const WORD = /[\p{L}\p{N}]+/gu;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const NOT_WORDS = /[^\p{L}\p{N}]+/gu;
/** Per BMP code unit: 0 not looked up yet, 1 a letter or digit (\p{L}, \p{N}), 2 not. */
const WORD_UNIT = new Uint8Array(0x10000);

/** 1 for a letter or digit, 2 for another character, 3 for half a surrogate pair (the caller falls back to the regex). */
export function unitKind(c: number): number {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 2;
  if (c >= 0xd800 && c <= 0xdfff) return 3;
  let k = WORD_UNIT[c];
  if (k === 0) k = WORD_UNIT[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k;
}

/**
 * `text.match(/[\p{L}\p{N}]+/gu) ?? []`, scanned through a table: every piece a question reads is
 * cut into syllables, and V8's Unicode-class regex was slower and allocated about twice the text.
 * Text with a character outside the basic plane goes through the regex.
 */
export function wordsOf(text: string): string[] {
  return runsOf(text, false);
}

const TOKEN_RUNS = /[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)*/gu;

/**
 * `text.match(/[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)*\/gu) ?? []`, scanned as `wordsOf` is: runs of
 * letters and digits, a run joined to the next across one "/", "." or "-" (221/KH-VKSTC,
 * 15/12/2023, 1.000.000 stay one token).
 */
export function tokenRunsOf(text: string): string[] {
  return runsOf(text, true);
}

/** The runs of letters and digits of a text, `joined` across one "/", "." or "-" between two runs. */
function runsOf(text: string, joined: boolean): string[] {
  const out: string[] = [];
  const n = text.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const k = unitKind(text.charCodeAt(i));
    if (k === 3) return text.match(joined ? TOKEN_RUNS : WORD) ?? [];
    if (k === 1) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const c = text.charCodeAt(i);
    // A joiner between two runs continues the token; anything else ends it.
    if (joined && (c === 0x2f || c === 0x2e || c === 0x2d) && i + 1 < n) {
      const next = unitKind(text.charCodeAt(i + 1));
      if (next === 3) return text.match(TOKEN_RUNS) ?? [];
      if (next === 1) continue;
    }
    out.push(text.slice(start, i));
    start = -1;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/** `text.replace(/[^\p{L}\p{N}]+/gu, ' ')`, scanned as `wordsOf` is: each run of other characters one space. */
export function spacedWords(text: string): string {
  const n = text.length;
  // Written into one reusable buffer and decoded once: a string per gap was most of what it allocated.
  if (spacedScratch.length < n) spacedScratch = new Uint16Array(Math.max(n, 2 * spacedScratch.length));
  const out = spacedScratch;
  let o = 0;
  let gap = 0;
  let same = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = unitKind(c);
    if (k === 3) return text.replace(NOT_WORDS, ' ');
    if (k === 1) {
      out[o++] = c;
      gap = 0;
    } else {
      if (gap++ === 0) out[o++] = 0x20;
      // Unchanged only where every gap is already one space.
      if (c !== 0x20 || gap > 1) same = false;
    }
  }
  return same ? text : utf16.decode(out.subarray(0, o));
}
let spacedScratch = new Uint16Array(1024);

/** Syllable tokens (Vietnamese words are space-separated syllables), lower-cased NFC. */
export function syllables(text: string): string[] {
  return wordsOf(lower(text));
}

/** Syllable tokens with diacritics folded away. */
export function foldedSyllables(text: string): string[] {
  return wordsOf(fold(text));
}

/** The folded syllables spaced, with a space at each end: " bao nhieu nguoi dai dien ", for whole-word patterns. */
export function foldedSpaced(text: string): string {
  return ` ${foldedSyllables(text).join(' ')} `;
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

/** A document type's name as written ("Nghị định"), from its folded name or abbreviation ("nghi dinh", "nd"). */
export function documentTypeName(folded: string): string | undefined {
  return TYPE_WORDS[folded];
}

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

/**
 * Where the question starts after a story told before it: the sentences that open the text and
 * ask nothing, before one that ends with "?" ("Hôm qua tôi nhận được một lá đơn … . Tôi có phải
 * thụ lý … không?"). 0 when there is no such story (one sentence, or a first sentence that asks).
 */
export function storyEnd(text: string): number {
  const sentences = splitSentences(text);
  let told = 0;
  while (told < sentences.length - 1 && !/\?\s*$/u.test(sentences[told])) told++;
  if (!told || !/\?\s*$/u.test(sentences[sentences.length - 1])) return 0;
  // Told in full sentences: "Về <a topic>: <a question>?" and "…; …" are one sentence asking.
  if (sentences.slice(0, told).some((x) => !/[.!…]["”)]?\s*$/u.test(x))) return 0;
  const at = text.indexOf(sentences[told], text.indexOf(sentences[told - 1]) + sentences[told - 1].length);
  return at > 0 ? at : 0;
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

/** A short span the user puts in quotes: 'Quy định', "Công văn", “Tờ trình”; not an apostrophe inside a word ("What's"). */
const QUOTED_SPAN = /(?<![\p{L}\p{N}])['"“‘«]([^'"“”‘’«»?!.,;:\n]{1,40})['"”’»](?![\p{L}\p{N}])/gu;

/** Short spans the user puts in quotes, trimmed, as written (NFC). */
export function quotedSpans(query: string): string[] {
  if (!/['"“‘«]/u.test(query)) return [];
  const out: string[] = [];
  for (const m of query.normalize('NFC').matchAll(QUOTED_SPAN)) {
    const span = m[1].trim().replace(/\s+/gu, ' ');
    if (span && wordsOf(span).length <= 6) out.push(span);
  }
  return out;
}

/**
 * Folded words the user quotes. Quoting names the thing asked about ("chữ viết tắt của 'Quy định'"),
 * so even a word that is common in every text ("quy định") is what the answer must hold.
 */
export function quotedWords(query: string): Set<string> {
  const out = new Set<string>();
  for (const span of quotedSpans(query)) for (const w of wordsOf(span)) out.add(fold(w));
  return out;
}

/** The text as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
