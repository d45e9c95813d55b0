/**
 * The features of `textFeatures` (embeddings.ts), hashed as they are read instead of
 * being built as strings in a Map: the same keys, the same weights, the same first-seen
 * order, so the vectors are the same, at a fraction of the allocations (embedding was a
 * quarter of ingest time at 100k chunks).
 *
 * A key is hashed under seed 0 (the IDF bucket) and seeds 1..PROBES (the projection) in
 * one pass over its characters. Features are told apart by their seed-0 and seed-1 hashes
 * together (64 bits): two different keys of one passage colliding on both is negligible.
 */
import { docNumberKey, findDocNumbers, fold, wordsOf } from '../text.js';
import { BIGRAM_SEP } from './analyze.js';

export const MAX_PROBES = 4;

const FNV = 0x811c9dc5;
const PRIME = 0x01000193;
const SEP = BIGRAM_SEP.charCodeAt(0);
const U = 'u'.charCodeAt(0);
const B = 'b'.charCodeAt(0);
const C = 'c'.charCodeAt(0);
const N = 'n'.charCodeAt(0);
const SEGMENT = /[^\p{L}\p{N}\s]+/u;

/** The murmur finaliser of `hash32`: low bits well mixed. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface FeatureWeights {
  unigram: number;
  bigram: number;
  trigram: number;
  docNumber: number;
}

/** One passage's features: per feature (first-seen order) its hashes under seeds 0..MAX_PROBES and its weighted count. */
export class FeatureTable {
  size = 0;
  /** hashes[f * 5 + s]: feature f under seed s. */
  hashes = new Uint32Array(1024 * 5);
  counts = new Float64Array(1024);
  private slots = new Int32Array(4096).fill(-1);
  private mask = 4095;
  // Hash state of the key being read, one per seed.
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private s4 = 0;

  /** Reads the features of `text` (after `reset`). */
  read(text: string, w: FeatureWeights): this {
    this.reset();
    const folded = fold(text);
    for (const seg of folded.split(SEGMENT)) {
      const toks = wordsOf(seg);
      for (let i = 0; i < toks.length; i++) {
        if (w.unigram > 0) {
          this.start(U);
          this.chars(toks[i], 0, toks[i].length);
          this.end(w.unigram);
        }
        if (i + 1 < toks.length && w.bigram > 0) {
          this.start(B);
          this.chars(toks[i], 0, toks[i].length);
          this.char(SEP);
          this.chars(toks[i + 1], 0, toks[i + 1].length);
          this.end(w.bigram);
        }
      }
      if (w.trigram > 0) {
        const s = ' ' + toks.join('') + ' ';
        for (let i = 0; i + 3 <= s.length; i++) {
          this.start(C);
          this.chars(s, i, i + 3);
          this.end(w.trigram);
        }
      }
    }
    if (w.docNumber > 0) {
      for (const n of findDocNumbers(text)) {
        const k = docNumberKey(n);
        this.start(N);
        this.chars(k, 0, k.length);
        this.end(w.docNumber);
      }
    }
    return this;
  }

  private reset(): void {
    if (this.size) this.slots.fill(-1);
    this.size = 0;
  }

  private start(prefix: number): void {
    this.s0 = FNV;
    this.s1 = (FNV ^ 1) >>> 0;
    this.s2 = (FNV ^ 2) >>> 0;
    this.s3 = (FNV ^ 3) >>> 0;
    this.s4 = (FNV ^ 4) >>> 0;
    this.char(prefix);
  }

  private char(c: number): void {
    this.s0 = Math.imul(this.s0 ^ c, PRIME);
    this.s1 = Math.imul(this.s1 ^ c, PRIME);
    this.s2 = Math.imul(this.s2 ^ c, PRIME);
    this.s3 = Math.imul(this.s3 ^ c, PRIME);
    this.s4 = Math.imul(this.s4 ^ c, PRIME);
  }

  private chars(s: string, from: number, to: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    let s4 = this.s4;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      s0 = Math.imul(s0 ^ c, PRIME);
      s1 = Math.imul(s1 ^ c, PRIME);
      s2 = Math.imul(s2 ^ c, PRIME);
      s3 = Math.imul(s3 ^ c, PRIME);
      s4 = Math.imul(s4 ^ c, PRIME);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    this.s4 = s4;
  }

  /** The slot of (h0, h1): where it is, or the empty slot where it goes (linear probing). */
  private slotOf(h0: number, h1: number): number {
    let i = (h0 ^ Math.imul(h1, 0x9e3779b1)) & this.mask;
    for (;;) {
      const f = this.slots[i];
      if (f === -1 || (this.hashes[f * 5] === h0 && this.hashes[f * 5 + 1] === h1)) return i;
      i = (i + 1) & this.mask;
    }
  }

  private end(v: number): void {
    const h0 = fmix(this.s0);
    const h1 = fmix(this.s1);
    const slot = this.slotOf(h0, h1);
    const f = this.slots[slot];
    if (f !== -1) {
      this.counts[f] += v;
      return;
    }
    if (this.size === this.counts.length) this.grow();
    const n = this.size++;
    const base = n * 5;
    this.hashes[base] = h0;
    this.hashes[base + 1] = h1;
    this.hashes[base + 2] = fmix(this.s2);
    this.hashes[base + 3] = fmix(this.s3);
    this.hashes[base + 4] = fmix(this.s4);
    this.counts[n] = v;
    // Kept at most half full, so probing stays short.
    if (this.size * 2 > this.slots.length) this.rehash();
    else this.slots[slot] = n;
  }

  private grow(): void {
    const hashes = new Uint32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const counts = new Float64Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
  }

  /** Doubles the slot table and places every feature read so far. */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let f = 0; f < this.size; f++) this.slots[this.slotOf(this.hashes[f * 5], this.hashes[f * 5 + 1])] = f;
  }
}
