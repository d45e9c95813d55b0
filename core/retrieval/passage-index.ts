/**
 * What a passage holds, syllable by syllable, for matching a question against it: folded
 * syllables (abbreviations also expanded), two- and three-syllable words, initials for
 * acronyms. Shared by the retriever (coverage), the abstention check and the composer.
 */
import type { Chunk } from '../types.js';
import { FOLD_DROPS, FOLD_NOT_LOCAL, fold, foldUnit, nfc, unitKind, wordsOf } from '../text.js';
import { expandFolded, keyHashStep, mayBeAbbreviation } from './abbreviations.js';
import { memoize } from '../memo.js';

/** Folded syllable set and bigram set of a passage, for fast membership checks. */
export interface TermIndex {
  unigrams: Lookup;
  bigrams: Lookup;
}

/** Matching only asks membership, so an index may be a view over others (a passage plus its document's title). */
export interface Lookup {
  has(key: string): boolean;
}

/** A lookup holding what `base` holds plus `extra` (a read-only view; neither is copied). */
export function union(base: Lookup, extra: ReadonlySet<string>): Lookup {
  return extra.size ? new UnionLookup(base, extra) : base;
}

// Views are objects of named classes, not literals with closures and getters: scoring makes
// several for every piece it reads, and each closure was one more thing to collect.
class UnionLookup implements Lookup {
  constructor(
    private readonly base: Lookup,
    private readonly extra: ReadonlySet<string>,
  ) {}

  has(key: string): boolean {
    return this.base.has(key) || this.extra.has(key);
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The index with extra syllables, bigrams or trigrams counted as present: a read-only view.
 * It reads through to the index for everything else, so a passage index's lazily computed
 * initials stay reachable (a spread copy would lose them: they live on the prototype).
 */
export function extendIndex<T extends TermIndex>(
  idx: T,
  extra: { unigrams?: ReadonlySet<string>; bigrams?: ReadonlySet<string>; trigrams?: ReadonlySet<string> },
): T {
  const unigrams = union(idx.unigrams, extra.unigrams ?? NONE);
  const bigrams = union(idx.bigrams, extra.bigrams ?? NONE);
  if (!('trigrams' in idx)) return { ...idx, unigrams, bigrams };
  const p = idx as unknown as PassageIndex;
  return new ExtendedIndex(p, unigrams, bigrams, union(p.trigrams, extra.trigrams ?? NONE)) as unknown as T;
}

class ExtendedIndex implements PassageIndex {
  constructor(
    private readonly base: PassageIndex,
    readonly unigrams: Lookup,
    readonly bigrams: Lookup,
    readonly trigrams: Lookup,
  ) {}

  get initials(): string[] {
    return this.base.initials;
  }

  hasPhrase(syllables: readonly string[]): boolean {
    return this.base.hasPhrase(syllables);
  }
}

export interface PassageIndex extends TermIndex {
  /** Three-syllable sequences, so that a word read across a longer one still matches a question that writes the longer one. */
  trigrams: Lookup;
  /** Initial letters of the passage's folded syllables, in order, for acronyms. */
  initials: string[];
  /** Does the passage write these folded syllables one after another ("thanh tra vien")? */
  hasPhrase(syllables: readonly string[]): boolean;
}

/**
 * Folded syllables, bigrams, trigrams and initials of a passage. An abbreviation it writes
 * counts both as itself and as its expansion ("01/CT-VKSTC" holds "01 ct" and "01 chi thi").
 *
 * A two-syllable sequence that, in this passage, only ever occurs as the start or end of a
 * more frequent word is not a bigram: in "người yêu cầu ... theo yêu cầu", "người yêu" is
 * "người" + "yêu cầu", and must not answer a question about "người yêu".
 *
 * Built lazily: a question asks about a dozen keys of a passage, so the passage keeps its
 * syllable sequence as one padded string and answers each key by a substring search, instead
 * of materialising every bigram and trigram up front (which was most of the cost of a cold ask).
 */
export function passageIndex(text: string): PassageIndex {
  return new SyllableSequence(text);
}

/** A phrase's syllables as a passage index reads them (folded, abbreviations expanded): for hasPhrase. */
export function phraseSyllables(text: string): string[] {
  return new SyllableSequence(text).syllables;
}

/**
 * Membership in a list of words (none holding a space), answered from the words joined and padded:
 * what a Set of them answers, in a fraction of the memory (a Set of a passage's words takes several
 * times its text, and a question keeps one for every passage it reads).
 */
export function wordLookup(words: readonly string[]): Lookup {
  return new PaddedWords(` ${words.join(' ')} `, [], words.includes(''));
}

/** Is `key` one of the words of a padded text (or a written form beside them)? */
class PaddedWords implements Lookup {
  constructor(
    /** " a b c ": the words, padded. */
    private readonly padded: string,
    private readonly written: readonly string[],
    /** An empty word is among them (only ever an expansion's artefact): the padded text cannot tell. */
    private readonly holdsEmpty: boolean,
  ) {}

  has(key: string): boolean {
    if (key.length === 0) return this.holdsEmpty;
    // No word holds a space.
    if (key.includes(' ')) return false;
    return padsWord(this.padded, key) || (this.written.length > 0 && this.written.includes(key));
  }
}

/**
 * `padded.includes(\` ${key} \`)` for a non-empty key, without making that string: lookups run
 * thousands of times a question, and each made string was garbage to collect.
 */
function padsWord(padded: string, key: string): boolean {
  const end = key.length;
  for (let i = padded.indexOf(key); i >= 0; i = padded.indexOf(key, i + 1)) {
    if (padded.charCodeAt(i - 1) === 32 && padded.charCodeAt(i + end) === 32) return true;
  }
  return false;
}

/**
 * " a b c ": syllables written into one reusable buffer and decoded once, instead of an array
 * of them joined and padded (two more copies of every piece a question reads).
 */
class PaddedWriter {
  private static buffer = new Uint16Array(4096);
  private static readonly decoder = new TextDecoder('utf-16le');
  private length = 1;
  count = 0;
  holdsEmpty = false;

  constructor() {
    PaddedWriter.buffer[0] = 0x20;
  }

  add(syllable: string): void {
    const n = syllable.length;
    const b = this.room(n + 1);
    for (let i = 0; i < n; i++) b[this.length++] = syllable.charCodeAt(i);
    b[this.length++] = 0x20;
    this.count++;
    if (n === 0) this.holdsEmpty = true;
  }

  /** The padded text: "  " for no syllable, as \` ${[].join(' ')} \` gives. */
  text(): string {
    return this.count === 0 ? '  ' : PaddedWriter.decoder.decode(PaddedWriter.buffer.subarray(0, this.length));
  }

  /** Units [from, to) written so far, as a string. */
  read(from: number, to: number): string {
    return PaddedWriter.decoder.decode(PaddedWriter.buffer.subarray(from, to));
  }

  /**
   * Writes the words of `text` as the constructor's fallback loop does (`fold` of each word of
   * `wordsOf`, abbreviations expanded), folding each unit straight into the buffer: no string
   * per word, no lookup of one. False, with the writer spoilt, for a text that must take that loop
   * (a unit outside the basic plane, or one whose fold is not its own).
   */
  writeFoldedWords(text: string): WrittenForms | false {
    const forms: WrittenForms = {};
    const n = text.length;
    let i = 0;
    // The word before: its folded units in the buffer, or its string when it was expanded.
    let prevFrom = -1;
    let prevTo = -1;
    let prevExpanded: string | undefined;
    let prevLast: string | undefined;
    while (i < n) {
      const k = unitKind(text.charCodeAt(i));
      if (k === 3) return false;
      if (k === 2) {
        i++;
        continue;
      }
      const start = i;
      const from = this.length;
      let hash = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        const kind = unitKind(c);
        if (kind === 3) return false;
        if (kind === 2) break;
        const f = foldUnit(c);
        if (f === FOLD_NOT_LOCAL) return false;
        if (f === FOLD_DROPS) continue;
        this.unit(f);
        hash = keyHashStep(hash, f);
      }
      const to = this.length;
      const folded = mayBeAbbreviation(hash, to - from) ? this.read(from, to) : undefined;
      const exp = folded === undefined ? undefined : expandFolded(text.slice(start, i), folded);
      if (exp) {
        (forms.written ??= []).push(folded!);
        const before = prevExpanded ?? (prevFrom >= 0 ? this.read(prevFrom, prevTo) : undefined);
        // The written form keeps its own neighbours too.
        if (before) (forms.writtenBigrams ??= []).push(`${before} ${folded}`);
        this.length = from;
        let last = '';
        for (const s of exp.split(' ')) this.add((last = s));
        prevExpanded = folded;
        prevLast = last;
        prevFrom = prevTo = -1;
        continue;
      }
      // After an expansion, the word as written and the one that follows form a bigram too.
      if (prevExpanded && prevExpanded !== prevLast) (forms.writtenBigrams ??= []).push(`${prevExpanded} ${folded ?? this.read(from, to)}`);
      this.endWord(to - from);
      prevExpanded = prevLast = undefined;
      prevFrom = from;
      prevTo = to;
    }
    return forms;
  }

  private unit(u: number): void {
    this.room(1)[this.length++] = u;
  }

  /** The buffer, grown when it has no room for `n` more units. */
  private room(n: number): Uint16Array {
    let b = PaddedWriter.buffer;
    if (this.length + n > b.length) {
      const grown = new Uint16Array(Math.max(2 * b.length, this.length + n));
      grown.set(b.subarray(0, this.length));
      PaddedWriter.buffer = b = grown;
    }
    return b;
  }

  private endWord(units: number): void {
    this.unit(0x20);
    this.count++;
    if (units === 0) this.holdsEmpty = true;
  }
}

/** What a passage writes beside its folded words: expanded abbreviations as written, and their bigrams. */
interface WrittenForms {
  written?: string[];
  writtenBigrams?: string[];
}

/**
 * The words of a text, folded (abbreviations expanded), written to `out`; what they write beside.
 * The definition `PaddedWriter.writeFoldedWords` keeps to, and what a text it cannot fold takes.
 */
function writeWords(raws: readonly string[], out: PaddedWriter): WrittenForms {
  const forms: WrittenForms = {};
  let last: string | undefined;
  let prevRaw: string | undefined;
  const add = (s: string) => {
    out.add(s);
    last = s;
  };
  for (const raw of raws) {
    // fold() remembers single syllables: cheaper than folding the whole text at once.
    const f = fold(raw);
    const exp = expandFolded(raw, f);
    if (exp) {
      (forms.written ??= []).push(f);
      // The written form keeps its own neighbours too.
      if (prevRaw) (forms.writtenBigrams ??= []).push(`${prevRaw} ${f}`);
      for (const s of exp.split(' ')) add(s);
    } else {
      if (prevRaw && prevRaw !== last) (forms.writtenBigrams ??= []).push(`${prevRaw} ${f}`);
      add(f);
    }
    prevRaw = f;
  }
  return forms;
}

/** Padded texts from this long remember their bigrams. */
const LONG_PASSAGE = 600;

/**
 * A passage's folded syllables as one padded text, whatever its length: membership, runs and a
 * bigram's neighbours are read from it, with no syllable array or Set (a long passage remembers
 * the bigrams it was asked). A question derives and keeps such an index for every piece and
 * passage it reads, and what it keeps, a scavenge copies into freshly faulted memory (on this
 * machine such pauses were 8–10 ms of the slowest questions); a Set of a long passage's syllables,
 * the array beside it and their strings were most of it, for lookups that a search of the text
 * answers about as fast.
 */
class SyllableSequence implements PassageIndex {
  /** The syllables, kept only when one is empty (an expansion's artefact the padded text cannot show). */
  private readonly seq?: string[];
  /** " a b c ": the sequence padded, for substring lookups of one, two or three syllables. */
  private readonly padded: string;
  /** Bigrams an expanded abbreviation forms with its neighbours as written (most passages write none). */
  private readonly writtenBigrams?: string[];
  /** A long passage's bigrams as found (see hasBigram). */
  private bigramCache?: Map<string, boolean>;
  private initialsCache?: string[];

  /** The sequence's syllables plus the written forms of expanded abbreviations. */
  readonly unigrams: Lookup;
  // Lookups are small objects of named classes: per-instance closures cost more than the lookups
  // (a passage index is built for every piece of every passage a question reads).
  readonly bigrams: Lookup = new BigramLookup(this);
  readonly trigrams: Lookup = new TrigramLookup(this);

  constructor(text: string) {
    // Syllables as matched: document numbers split into their parts, so "01 ct vkstc" meets "01/CT-VKSTC".
    const t = nfc(text);
    let out = new PaddedWriter();
    // Folded unit by unit straight into the padded text; a text that cannot be (another script's
    // letters, a character outside the basic plane) word by word.
    let forms = out.writeFoldedWords(t);
    if (!forms) {
      out = new PaddedWriter();
      forms = writeWords(wordsOf(t), out);
    }
    const { written, writtenBigrams } = forms;
    this.writtenBigrams = writtenBigrams;
    this.padded = out.text();
    const holdsEmpty = out.holdsEmpty;
    if (holdsEmpty) this.seq = this.padded.slice(1, -1).split(' ');
    this.unigrams = new PaddedWords(this.padded, written ?? [], holdsEmpty || !!written?.includes(''));
  }

  /** The syllables, in order: the kept array, or read from the padded text. */
  private words(): readonly string[] {
    if (this.seq) return this.seq;
    return this.padded.length === 2 ? [] : this.padded.slice(1, -1).split(' ');
  }

  get syllables(): string[] {
    return [...this.words()];
  }

  // Computed on the first acronym only; views made by extendIndex read through to it.
  get initials(): string[] {
    return (this.initialsCache ??= this.words().map((x) => x[0] ?? ''));
  }

  hasPhrase(syllables: readonly string[]): boolean {
    return syllables.length > 0 && this.padded.includes(` ${syllables.join(' ')} `);
  }

  /** Is `key` (exactly `spaces` + 1 syllables) a run of the sequence? */
  hasRun(key: string, spaces: number): boolean {
    let n = 0;
    for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) n++;
    return n === spaces && key.length > 0 && padsWord(this.padded, key);
  }

  hasBigram(key: string): boolean {
    if (this.writtenBigrams?.includes(key)) return true;
    // A piece answers again faster than a cache would; a long passage, where each occurrence's
    // neighbours are counted over the whole text, remembers what it found.
    if (this.padded.length < LONG_PASSAGE) return this.bigramAt(key);
    const cache = (this.bigramCache ??= new Map<string, boolean>());
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = this.bigramAt(key)));
    return v;
  }

  private bigramAt(key: string): boolean {
    const space = key.indexOf(' ');
    return this.hasRun(key, 1) && this.standsAlone(key.slice(0, space), key.slice(space + 1));
  }

  /** Does "a b" occur at least once not swallowed by a more frequent neighbouring word? */
  private standsAlone(a: string, b: string): boolean {
    const seq = this.seq;
    if (!seq) return this.standsAloneInText(a, b);
    for (let i = 1; i < seq.length; i++) {
      if (seq[i - 1] !== a || seq[i] !== b) continue;
      if (!this.swallowed(a, b, seq[i + 1], seq[i - 2])) return true;
    }
    return false;
  }

  /** standsAlone read from the padded text: each occurrence of " a b " and the syllables either side of it. */
  private standsAloneInText(a: string, b: string): boolean {
    const p = this.padded;
    const key = ` ${a} ${b} `;
    for (let i = p.indexOf(key); i >= 0; i = p.indexOf(key, i + 1)) {
      const after = i + key.length;
      const c = after < p.length ? p.slice(after, p.indexOf(' ', after)) : undefined;
      const z = i > 0 ? p.slice(p.lastIndexOf(' ', i - 1) + 1, i) : undefined;
      if (!this.swallowed(a, b, c, z)) return true;
    }
    return false;
  }

  /** Is this occurrence of "a b", between z and c, part of a more frequent word "b c" or "z a"? */
  private swallowed(a: string, b: string, c: string | undefined, z: string | undefined): boolean {
    if (this.seq) return (c !== undefined && this.count(b, c) > this.count(a, b, c)) || (z !== undefined && this.count(z, a) > this.count(z, a, b));
    // Each "a b c" holds one "b c" after a: "b c" is the more frequent when one occurs after another
    // word (or none), and "z a" when one is followed by another than b. The first such ends the search.
    return (c !== undefined && this.occursNotAfter(b, c, a)) || (z !== undefined && this.occursNotBefore(z, a, b));
  }

  /** Does "x y" occur after another word than `w`, or first? */
  private occursNotAfter(x: string, y: string, w: string): boolean {
    const p = this.padded;
    const key = ` ${x} ${y} `;
    for (let i = p.indexOf(key); i >= 0; i = p.indexOf(key, i + 1)) {
      if (i === 0) return true;
      const start = p.lastIndexOf(' ', i - 1) + 1;
      if (i - start !== w.length || !p.startsWith(w, start)) return true;
    }
    return false;
  }

  /** Does "x y" occur before another word than `w`, or last? */
  private occursNotBefore(x: string, y: string, w: string): boolean {
    const p = this.padded;
    const key = ` ${x} ${y} `;
    for (let i = p.indexOf(key); i >= 0; i = p.indexOf(key, i + 1)) {
      const after = i + key.length;
      if (after >= p.length) return true;
      if (p.indexOf(' ', after) - after !== w.length || !p.startsWith(w, after)) return true;
    }
    return false;
  }

  /** Occurrences of the run x y (z) in the kept syllables. */
  private count(x: string, y: string, z?: string): number {
    const seq = this.seq!;
    let n = 0;
    for (let i = 1; i < seq.length; i++) {
      if (seq[i - 1] === x && seq[i] === y && (z === undefined || seq[i + 1] === z)) n++;
    }
    return n;
  }
}

class BigramLookup implements Lookup {
  constructor(private readonly seq: SyllableSequence) {}
  has(key: string): boolean {
    return this.seq.hasBigram(key);
  }
}

class TrigramLookup implements Lookup {
  constructor(private readonly seq: SyllableSequence) {}
  has(key: string): boolean {
    return this.seq.hasRun(key, 2);
  }
}

/** Does the passage spell the acronym, or hold consecutive syllables with its initials? */
export function hasAcronym(acronym: string, idx: PassageIndex): boolean {
  if (idx.unigrams.has(acronym)) return true;
  const n = acronym.length;
  outer: for (let i = 0; i + n <= idx.initials.length; i++) {
    for (let j = 0; j < n; j++) if (idx.initials[i + j] !== acronym[j]) continue outer;
    return true;
  }
  return false;
}

/** Text of a chunk as matched: its document's title and number, heading and body. */
export function chunkMatchText(c: Chunk): string {
  return [c.title, c.number, c.heading, c.text].filter(Boolean).join('\n');
}

/**
 * The passage index of a chunk, computed once per chunk object (within a bound): chunks are
 * immutable within an index version, and the retriever, the abstention check and the composer
 * all read it.
 */
export const chunkIndexOf: (c: Chunk) => PassageIndex = memoize((c: Chunk) => passageIndex(chunkMatchText(c)), 8_000);
