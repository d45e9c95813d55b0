/**
 * Canonical form of a message for the guard: what the user *meant to type*,
 * with the disguises taken off.
 *
 * Output is a string of folded (diacritic-free, lower-case) tokens separated by
 * single spaces, with clause breaks written as " | ". Two things survive folding
 * on purpose, because folding alone would merge a secret with a harmless word:
 * - "mật" (secret) vs mặt / mất / mắt / mát: a "mat" whose accents are not those
 *   of "mật" is written "mat_"; an unaccented "mat" stays ambiguous ("mat").
 * - "tối" (top [secret]) vs "tôi" (I), "bí" (secret) vs "bị" / "bì": likewise
 *   "toi_" and "bi_".
 * - "hay" (or) vs "hãy" (an imperative): in a message typed with accents, "hay_".
 */
import { expandShorthand } from '../shorthand.js';

/** Invisible format characters (zero-width, soft hyphen, bidi controls, BOM) and variation selectors. */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180e\u3164\ufe00-\ufe0f\uffa0]/gu;

/**
 * Non-Latin letters that look like Latin ones. A one-way map rather than the
 * Unicode TR39 skeleton, whose prototypes also rewrite Latin letters themselves
 * (m → rn, l → I) and would wreck Vietnamese matching.
 */
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', з: '3', и: 'u', й: 'u', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h',
  о: 'o', п: 'n', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w',
  ү: 'y', ց: 'g', А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T',
  У: 'Y', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J', Ԁ: 'D', Ү: 'Y',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', σ: 'o', τ: 't', υ: 'u',
  χ: 'x', ω: 'w', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O',
  Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  // Latin extensions and symbols used as letters
  ı: 'i', ȷ: 'j', ſ: 's', ɑ: 'a', ɡ: 'g', ʀ: 'r', ʏ: 'y', ᴀ: 'a', ᴍ: 'm', ᴛ: 't', ᴜ: 'u', ᴏ: 'o',
  ł: 'l', ø: 'o', Ø: 'O', ß: 'ss', æ: 'ae',
};
const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');

/** Digits and symbols standing in for letters (t0i m4t, s3cr3t, m@t), only ever applied inside words. */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e' };

const MARK = /\p{M}/u;
const CLAUSE = /[.?!;:\n…]|,(?!\d)/;

/**
 * Syllables the separator-joining step may rebuild. Only these are worth
 * re-assembling from "t ố i  m ậ t" or "c-l-a-s-s-i-f-i-e-d"; ordinary text is left alone.
 */
export const KEY_SYLLABLES = [
  'mat', 'toi', 'tuyet', 'bi', 'nha', 'nuoc', 'tai', 'lieu', 'van', 'ban', 'ho', 'so', 'do', 'che',
  'quoc', 'gia', 'bao', 've', 'thong', 'tin', 'noi', 'dung', 'cong', 'hong', 'giai',
  'top', 'secret', 'secrets', 'classified', 'confidential', 'state', 'files', 'file', 'documents', 'document',
  'ignore', 'previous', 'instructions', 'system', 'prompt', 'jailbreak', 'bmnn',
  'bo', 'qua', 'huong', 'dan', 'moi', 'truoc', 'quen',
];

interface TrieNode { next: Map<string, TrieNode>; end: boolean }
function buildTrie(words: string[]): TrieNode {
  const root: TrieNode = { next: new Map(), end: false };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let c = n.next.get(ch);
      if (!c) n.next.set(ch, (c = { next: new Map(), end: false }));
      n = c;
    }
    n.end = true;
  }
  return root;
}
const TRIE = buildTrie(KEY_SYLLABLES);

/** Where a trie walk over a chunk's letters ends: 'word', 'prefix' (of a key syllable) or 'none'. */
function trieWalk(units: Unit[]): 'word' | 'prefix' | 'none' {
  let n: TrieNode | undefined = TRIE;
  for (const u of units) {
    n = n.next.get(leet(u));
    if (!n) return 'none';
  }
  return n.end ? 'word' : 'prefix';
}

/**
 * A chunk that may be a piece of a disguised key word: a fragment ("m", "tuy"),
 * or a long run that is no single word ("tuyetmat"). Ordinary words are not,
 * which keeps the joining step off most of the text.
 */
function suspicious(chunk: Chunk): boolean {
  if (chunk.units.length <= 2) return true;
  const walk = trieWalk(chunk.units);
  if (walk === 'prefix') return true;
  return walk === 'none' && chunk.units.length >= 5;
}

/** One letter as typed: base letter (folded, leet-mapped) and the marks that sat on it. */
interface Unit { base: string; marks: string }
/** A run of letters/digits between separators; `raw` is its units' bases, `plain` that none is a digit or leet symbol. */
interface Chunk { units: Unit[]; hasLetter: boolean; breakBefore: boolean; raw: string; plain: boolean }

function foldBase(ch: string): string {
  if (ch === 'đ') return 'd';
  return ch;
}

/** Step 1: undo encoding tricks that change code points but not the letters a reader sees. */
export function unmask(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(LOOKALIKE_RE, (c) => LOOKALIKES[c] ?? c);
}

const LETTER = /\p{L}/u;
const ALNUM = /[\p{L}\p{N}]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** Character classes with an ASCII fast path: this loop runs on every character of every message. */
function kind(ch: string): 'letter' | 'digit' | 'mark' | 'other' {
  const c = ch.charCodeAt(0);
  if (c < 128) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 'letter';
    if (c >= 48 && c <= 57) return 'digit';
    return 'other';
  }
  // Combining diacritics, which every accented letter leaves behind after NFD.
  if (c >= 0x300 && c <= 0x36f) return 'mark';
  if (MARK.test(ch)) return 'mark';
  if (LETTER.test(ch)) return 'letter';
  return ALNUM.test(ch) ? 'digit' : 'other';
}

function chunksOf(text: string): Chunk[] {
  const chars = Array.from(unmask(text).toLowerCase().normalize('NFD'));
  const chunks: Chunk[] = [];
  let cur: Chunk | null = null;
  let pendingBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const k = kind(ch);
    if (k === 'mark') {
      // Marks attach to the previous letter; a stray mark after a separator is dropped.
      if (cur && cur.units.length) cur.units[cur.units.length - 1].marks += ch;
      continue;
    }
    // Leet symbols count as letters only when squeezed between letters or digits ("m@t").
    const isLeetSym = k === 'other' && ch in LEET && cur !== null && i + 1 < chars.length && kind(chars[i + 1]) !== 'other';
    if (k === 'letter' || k === 'digit' || isLeetSym) {
      if (!cur) {
        cur = { units: [], hasLetter: false, breakBefore: pendingBreak, raw: '', plain: true };
        pendingBreak = false;
        chunks.push(cur);
      }
      const base = foldBase(ch);
      cur.units.push({ base, marks: '' });
      cur.raw += base;
      if (k === 'letter') cur.hasLetter = true;
      else cur.plain = false;
    } else {
      cur = null;
      if (ch !== ' ' && CLAUSE.test(ch) && !(ch === '.' && isDottedSpelling(chars, i))) pendingBreak = true;
    }
  }
  return chunks;
}

/** "T.U.Y.Ệ.T": a dot between single letters is a separator, not the end of a sentence. */
function isDottedSpelling(chars: string[], i: number): boolean {
  const prev = chars[i - 1];
  const next = chars[i + 1];
  return prev !== undefined && next !== undefined && LETTER_OR_MARK.test(prev) && LETTER.test(next);
}

function leet(u: Unit): string {
  return LEET[u.base] ?? u.base;
}

/**
 * Longest run of chunks, starting at `start`, whose letters read as key syllables
 * only. Returns the syllables (as units) and how many chunks were consumed, or null.
 */
function joinKeyRun(chunks: Chunk[], start: number): { syllables: Unit[][]; used: number } | null {
  // Each state: the syllables completed so far, the current partial syllable and its trie node.
  type State = { done: Unit[][]; part: Unit[]; node: TrieNode };
  let states: State[] = [{ done: [], part: [], node: TRIE }];
  let best: { syllables: Unit[][]; used: number } | null = null;
  for (let c = start; c < chunks.length && c < start + 24; c++) {
    if (c > start) {
      // A full stop between fragments ("m . ật") is a disguise, not the end of a sentence.
      if (chunks[c].breakBefore && (chunks[c].units.length > 2 || chunks[c - 1].units.length > 2)) break;
      // At a syllable boundary, only a fragment can continue the run.
      if (states.some((st) => st.part.length === 0) && !states.some((st) => st.part.length > 0) && !suspicious(chunks[c])) break;
    }
    for (const u of chunks[c].units) {
      const ch = leet(u);
      const next: State[] = [];
      for (const s of states) {
        const child = s.node.next.get(ch);
        if (!child) continue;
        const part = [...s.part, u];
        next.push({ done: s.done, part, node: child });
        // Close the syllable here and also keep going: "toi" then "mat", or "file" then "s".
        if (child.end) next.push({ done: [...s.done, part], part: [], node: TRIE });
      }
      // Few states live at once; cap to keep the worst case linear.
      states = next.slice(0, 16);
      if (!states.length) return best;
    }
    const complete = states.find((s) => s.part.length === 0);
    if (complete && complete.done.length) {
      const used = c - start + 1;
      // Prefer the reading with the fewest syllables for this span ("files" over "file"+"s").
      const fewest = states.filter((s) => s.part.length === 0).sort((a, b) => a.done.length - b.done.length)[0];
      best = { syllables: fewest.done, used };
    }
  }
  return best;
}

/** A joined span is worth using only when it was really split (several chunks) or glued ("toimat"). */
function worthJoining(chunks: Chunk[], start: number, run: { syllables: Unit[][]; used: number }): boolean {
  if (run.used > 1) return true;
  return run.syllables.length > 1 && chunks[start].units.length >= 5;
}

const HOMOGRAPHS: ReadonlyMap<string, (marks: string) => boolean> = new Map(Object.entries({
  // true = the accents say this is NOT the secret-bearing syllable
  mat: (m) => /[\u0300\u0301\u0303\u0306\u0309]/.test(m),
  toi: (m) => m.includes('\u0302') && !/[\u0301]/.test(m) && m.length > 0 && !/[\u0300\u0303\u0309\u0323]/.test(m),
  bi: (m) => /[\u0300\u0323\u0303\u0309]/.test(m),
  // "mật mã" (cipher) is an ordinary compound; "mật mà" is "secret, which ...".
  ma: (m) => !/^\u0303$/.test(m),
  // "mật đó" (that secret [document]) is no "mật độ" (density): the demonstrative, accented, is "do_".
  do: (m) => m === '\u0301',
}));

function spell(units: Unit[]): string {
  return spelled(units.map(leet).join(''), units);
}

/** A syllable's letters (leet already read as letters) as the rules read it; `units` for its accents. */
function spelled(letters: string, units: Unit[]): string {
  // Chat code writes a syllable's final "i" as "j" ("t0j m4t"); no Vietnamese syllable ends in "j".
  let folded = letters.endsWith('j') ? letters.replace(/([aeiouy])j$/, '$1i') : letters;
  // Nor with a doubled final consonant ("mậtt"); an acronym ("bmnn") has no vowel and keeps its letters.
  const n = folded.length;
  if (n > 2 && folded[n - 1] === folded[n - 2] && !/[aeiouy]/.test(folded[n - 1]) && /[aeiouy]/.test(folded)) folded = folded.replace(/(.)\1+$/, '$1');
  const guard = HOMOGRAPHS.get(folded);
  if (guard) {
    // Accents of the vowel only (the letters around it never carry tone marks in these syllables).
    const marks = units.map((u) => u.marks).join('');
    if (marks && guard(marks)) return folded + '_';
  }
  return folded;
}

function spellChunk(chunk: Chunk): string {
  const { raw } = chunk;
  // Digits stay digits in numbers ("221", "2024"); inside words they are letters in disguise.
  if (!chunk.hasLetter) return raw;
  // Letters only: nothing to read as leet, no code to keep (the common case, so the tests below are skipped).
  if (chunk.plain) return spelled(raw, chunk.units);
  // Document codes (VKSTC, QH14, 01/CT) keep their digits: only words with letters on both sides of a digit are leet.
  if (/^[a-z]+\d+$/.test(raw) || /^\d+[a-z]{0,2}$/.test(raw)) return raw;
  return spell(chunk.units);
}

/**
 * The guard's canonical text: folded tokens, disguises removed, separator-split
 * key words re-assembled, clause breaks as "|".
 */
export function canonical(text: string): string {
  const chunks = chunksOf(text);
  const or = writtenWithAccents(chunks);
  const out: string[] = [];
  let i = 0;
  while (i < chunks.length) {
    if (chunks[i].breakBefore && out.length && out[out.length - 1] !== '|') out.push('|');
    const run = suspicious(chunks[i]) ? joinKeyRun(chunks, i) : null;
    if (run && worthJoining(chunks, i, run)) {
      for (const syl of run.syllables) out.push(spell(syl));
      i += run.used;
      continue;
    }
    out.push(or && isBareHay(chunks[i]) ? 'hay_' : spellChunk(chunks[i]));
    i++;
  }
  return out.join(' ');
}

/**
 * Whether the message is typed with its accents (at least two syllables in five carry a mark). In
 * such a message a bare "hay" is "or" ("lưu trữ hay xử lý"), not the imperative "hãy", and is
 * written "hay_"; typed without accents, "hay" stays ambiguous.
 */
function writtenWithAccents(chunks: readonly Chunk[]): boolean {
  let words = 0;
  let marked = 0;
  for (const c of chunks) {
    if (!c.hasLetter) continue;
    words++;
    if (c.units.some((u) => u.marks)) marked++;
  }
  return words > 0 && marked * 5 >= words * 2;
}

function isBareHay(c: Chunk): boolean {
  return c.raw === 'hay' && c.units.every((u) => !u.marks);
}

/** A message as the guard reads it: chat shorthand ("đc", "ko") written out, as the answer side reads it, then canonical. */
export function canonicalMessage(message: string): string {
  return canonical(expandShorthand(message));
}
