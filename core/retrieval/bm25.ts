/**
 * BM25F inverted index over chunks, in typed arrays.
 *
 * Postings are laid out CSR-style (one offsets array, one doc array, one impact array), so a
 * 100k-chunk index is a few flat buffers: cheap to keep in memory and to (de)serialise.
 * The per-posting impact (the saturated BM25F term frequency, tf~/(k1+tf~)) is computed at build
 * time and quantised to 16 bits: k1, b and field weights are therefore build-time parameters.
 */
import { type AnalyzeOptions, DEFAULT_ANALYZE, type QueryTerm, accentedSyllables, analyzeText } from './analyze.js';
import { fold, lower, nfc } from '../text.js';

export interface BM25Doc {
  id: string;
  text: string;
  /** Article/section heading: a short, strong field. */
  heading?: string;
  /** Document title. */
  title?: string;
}

export interface BM25Options {
  k1: number;
  /** Length normalisation of the body. */
  b: number;
  /** Length normalisation of heading and title (short fields: usually less). */
  bShort: number;
  /** BM25+ lower bound added to every matching posting (0 = plain BM25). */
  delta: number;
  fieldWeights: { body: number; heading: number; title: number };
  analyze: AnalyzeOptions;
}

export const DEFAULT_BM25: BM25Options = {
  k1: 1.2,
  b: 0.75,
  bShort: 0.3,
  delta: 0.5,
  fieldWeights: { body: 1, heading: 2, title: 0.5 },
  analyze: DEFAULT_ANALYZE,
};

export interface BM25Hit {
  /** Position of the document in the build order. */
  index: number;
  id: string;
  score: number;
}

/** Custom tokenizer for experiments (baselines); an index built with one cannot be serialised. */
export type Tokenizer = (text: string) => string[];

const Q = 65535;
const FORMAT = 'vks-bm25/1';

export interface BM25Json {
  format: typeof FORMAT;
  options: BM25Options;
  ids: string[];
  vocab: string;
  offsets: string;
  docs: string;
  impacts: string;
  /** Accented-syllable document frequencies (absent in indexes built before they existed). */
  accented?: { vocab: string; df: string };
}

export class BM25FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BM25FormatError';
  }
}

function countTerms(terms: string[], into: Map<string, number>): number {
  for (const t of terms) into.set(t, (into.get(t) ?? 0) + 1);
  return terms.length;
}

export class BM25Index {
  private readonly termIndex: Map<string, number>;
  private readonly idf: Float32Array;
  private readonly acc: Float32Array;
  /** Lower-cased accented syllable → document frequency; null when the index predates the table. */
  private readonly accentedDf: Map<string, number> | null;

  private constructor(
    readonly options: BM25Options,
    readonly ids: string[],
    private readonly vocab: string[],
    private readonly offsets: Uint32Array,
    private readonly docs: Uint32Array,
    private readonly impacts: Uint16Array,
    private readonly custom = false,
    accentedDf: Map<string, number> | null = null,
  ) {
    this.accentedDf = accentedDf;
    this.termIndex = new Map();
    for (let i = 0; i < vocab.length; i++) this.termIndex.set(vocab[i], i);
    const n = ids.length;
    this.idf = new Float32Array(vocab.length);
    for (let t = 0; t < vocab.length; t++) {
      const df = offsets[t + 1] - offsets[t];
      this.idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    this.acc = new Float32Array(n);
  }

  get size(): number {
    return this.ids.length;
  }

  get vocabularySize(): number {
    return this.vocab.length;
  }

  static build(input: BM25Doc[], opts: Partial<BM25Options> = {}, tokenize?: Tokenizer): BM25Index {
    const o: BM25Options = { ...DEFAULT_BM25, ...opts, fieldWeights: { ...DEFAULT_BM25.fieldWeights, ...opts.fieldWeights } };
    const tok: Tokenizer = tokenize ?? ((t) => analyzeText(t, o.analyze));
    const n = input.length;
    const fields = ['body', 'heading', 'title'] as const;
    // Per-document, per-field term counts; kept only until impacts are computed.
    const perDoc: Map<string, number>[][] = [];
    const lens = fields.map(() => new Float64Array(n));
    const termIds = new Map<string, number>();
    const df: number[] = [];
    const accentedDf = new Map<string, number>();
    for (let d = 0; d < n; d++) {
      const doc = input[d];
      const maps = fields.map((f, fi) => {
        const m = new Map<string, number>();
        const text = f === 'body' ? doc.text : f === 'heading' ? doc.heading : doc.title;
        lens[fi][d] = text ? countTerms(tok(text), m) : 0;
        return m;
      });
      const uniq = new Set<string>();
      for (const m of maps) for (const t of m.keys()) uniq.add(t);
      const syl = new Set<string>();
      for (const text of [doc.text, doc.heading, doc.title]) if (text) for (const t of accentedSyllables(text)) syl.add(t);
      for (const t of syl) accentedDf.set(t, (accentedDf.get(t) ?? 0) + 1);
      for (const t of uniq) {
        let id = termIds.get(t);
        if (id === undefined) {
          id = df.length;
          termIds.set(t, id);
          df.push(0);
        }
        df[id]++;
      }
      perDoc.push(maps);
    }
    const avg = lens.map((l) => (n ? l.reduce((a, b) => a + b, 0) / n : 0) || 1);
    const vocab = [...termIds.keys()];
    const offsets = new Uint32Array(vocab.length + 1);
    for (let t = 0; t < vocab.length; t++) offsets[t + 1] = offsets[t] + df[t];
    const docs = new Uint32Array(offsets[vocab.length]);
    const impacts = new Uint16Array(offsets[vocab.length]);
    const cursor = offsets.slice(0, vocab.length);
    const weights = [o.fieldWeights.body, o.fieldWeights.heading, o.fieldWeights.title];
    const bs = [o.b, o.bShort, o.bShort];
    for (let d = 0; d < n; d++) {
      const maps = perDoc[d];
      const norms = fields.map((_, fi) => 1 - bs[fi] + (bs[fi] * lens[fi][d]) / avg[fi]);
      const tfs = new Map<string, number>();
      maps.forEach((m, fi) => {
        for (const [t, c] of m) tfs.set(t, (tfs.get(t) ?? 0) + (weights[fi] * c) / norms[fi]);
      });
      for (const [t, tf] of tfs) {
        const id = termIds.get(t)!;
        const p = cursor[id]++;
        docs[p] = d;
        impacts[p] = Math.max(1, Math.round((tf / (o.k1 + tf)) * Q));
      }
      perDoc[d] = [];
    }
    return new BM25Index(o, input.map((x) => x.id), vocab, offsets, docs, impacts, Boolean(tokenize), accentedDf);
  }

  /** True when the index carries accented-syllable frequencies (indexes built before them do not). */
  get accentAware(): boolean {
    return this.accentedDf !== null;
  }

  /**
   * Inverse document frequency of one syllable with its diacritics ("thuế" ≠ "thuê"), on the
   * same scale as `idfOf`; 0 when no document holds it. Case and Unicode form do not matter.
   * An index without the table answers with the folded syllable's IDF (the best it knows).
   */
  idfOfAccented(syllable: string): number {
    if (!this.accentedDf) return this.idfOf(foldSyllable(syllable));
    const df = this.accentedDf.get(lower(nfc(syllable.trim()))) ?? 0;
    if (df === 0) return 0;
    const n = this.ids.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Whether some document holds this syllable with exactly these diacritics (folded match without the table). */
  knowsAccented(syllable: string): boolean {
    if (!this.accentedDf) return this.has(foldSyllable(syllable));
    return this.accentedDf.has(lower(nfc(syllable.trim())));
  }

  /** Inverse document frequency of a term (0 when unknown). */
  idfOf(term: string): number {
    const t = this.termIndex.get(term);
    return t === undefined ? 0 : this.idf[t];
  }

  has(term: string): boolean {
    return this.termIndex.has(term);
  }

  /**
   * Top-k documents for weighted query terms. Plain strings weigh 1.
   *
   * Term at a time, largest possible contribution first, with MaxScore pruning: once the terms
   * still to come could not lift a document into the top k, they only update the documents that
   * still can (found by binary search in their document-ordered postings). The result is that
   * of scoring every posting, without walking the long lists of common syllables ("viện",
   * "kiểm", "sát") through a 100k-chunk corpus.
   */
  search(terms: (QueryTerm | string)[], k = 10): BM25Hit[] {
    const { acc, docs, impacts, offsets, idf } = this;
    const n = this.ids.length;
    if (k <= 0 || n === 0) return [];
    const scale = this.options.k1 + 1;
    const delta = this.options.delta;
    const merged = new Map<number, number>();
    for (const q of terms) {
      const term = typeof q === 'string' ? q : q.term;
      const w = typeof q === 'string' ? 1 : q.weight;
      const t = this.termIndex.get(term);
      if (t !== undefined) merged.set(t, (merged.get(t) ?? 0) + w);
    }
    const plan = [...merged].map(([t, w]) => {
      const f = (w * idf[t] * scale) / Q;
      const add = w * idf[t] * scale * delta;
      return { t, f, add, bound: this.maxImpactOf(t) * f + add, len: offsets[t + 1] - offsets[t] };
    });
    plan.sort((a, b) => b.bound - a.bound);
    // rest[i]: the most that terms i.. can add to any one document.
    const rest = new Float64Array(plan.length + 1);
    for (let i = plan.length - 1; i >= 0; i--) rest[i] = rest[i + 1] + plan[i].bound;
    let remaining = 0;
    for (const x of plan) remaining += x.len;
    let i = 0;
    let candidates: Uint32Array | null = null;
    // Checks are spaced by a pass over the accumulators' worth of postings, so they cost at most as much as the walk.
    let lastCheck = Infinity;
    // Documents first reached by the rarest terms: the k-th best among them is a lower bound of the
    // k-th best overall, read far more cheaply than a pass over every accumulator.
    const sample = new Uint32Array(SAMPLE);
    let sampled = 0;
    for (; i < plan.length; i++) {
      const { t, f, add, len } = plan[i];
      // A check costs a pass over the accumulators: worth it while the lists left are longer.
      if (lastCheck - remaining >= n && sampled >= k) {
        lastCheck = remaining;
        const floor = kthLargest(acc, sample, sampled, k) - rest[i] * (1 + 1e-6);
        if (floor > 0) {
          // Binary searches for the documents still in the race, against walking the lists left.
          const m = countAbove(acc, n, floor);
          if (BINARY_STEP_COST * m * Math.log2(n + 1) * (plan.length - i) < remaining) {
            candidates = above(acc, n, floor, m);
            break;
          }
        }
      }
      const start = offsets[t];
      const end = offsets[t + 1];
      if (sampled + len <= SAMPLE) {
        for (let p = start; p < end; p++) {
          const d = docs[p];
          if (acc[d] === 0) sample[sampled++] = d;
          acc[d] += impacts[p] * f + add;
        }
      } else {
        for (let p = start; p < end; p++) acc[docs[p]] += impacts[p] * f + add;
      }
      remaining -= len;
    }
    if (candidates) {
      for (; i < plan.length; i++) {
        const { t, f, add } = plan[i];
        let lo = offsets[t];
        const end = offsets[t + 1];
        for (let j = 0; j < candidates.length && lo < end; j++) {
          const d = candidates[j];
          lo = seek(docs, lo, end, d);
          if (lo < end && docs[lo] === d) acc[d] += impacts[lo] * f + add;
        }
      }
    }
    const hits = topK(acc, candidates, n, k);
    acc.fill(0);
    return hits.map(([index, score]) => ({ index, id: this.ids[index], score }));
  }

  private maxImpact?: Uint16Array;

  /** Largest impact in a term's postings (computed for all terms on first use: one pass). */
  private maxImpactOf(t: number): number {
    if (!this.maxImpact) {
      const m = new Uint16Array(this.vocab.length);
      const { offsets, impacts } = this;
      for (let x = 0; x < m.length; x++) {
        let best = 0;
        for (let p = offsets[x], end = offsets[x + 1]; p < end; p++) if (impacts[p] > best) best = impacts[p];
        m[x] = best;
      }
      this.maxImpact = m;
    }
    return this.maxImpact[t];
  }

  /** Documents (ascending) holding every one of the terms; none when a term is unknown. */
  docsWithAll(terms: string[]): number[] {
    const ids = terms.map((t) => this.termIndex.get(t));
    if (!ids.length || ids.some((t) => t === undefined)) return [];
    const lists = (ids as number[]).sort((a, b) => this.offsets[a + 1] - this.offsets[a] - (this.offsets[b + 1] - this.offsets[b]));
    let out = Array.from(this.docs.subarray(this.offsets[lists[0]], this.offsets[lists[0] + 1]));
    for (const t of lists.slice(1)) {
      const list = this.docs.subarray(this.offsets[t], this.offsets[t + 1]);
      let j = 0;
      out = out.filter((d) => {
        while (j < list.length && list[j] < d) j++;
        return j < list.length && list[j] === d;
      });
      if (!out.length) break;
    }
    return out;
  }

  /** Exact scores of the given documents (by index) for weighted query terms, in the same order. */
  scoreDocs(terms: (QueryTerm | string)[], indices: number[]): Float32Array {
    const out = new Float32Array(indices.length);
    if (!indices.length) return out;
    const scale = this.options.k1 + 1;
    const { docs, impacts, offsets, idf } = this;
    // Postings are in document order: a few documents are found by binary search in a long
    // list instead of walking all of it (a common syllable's list is most of the corpus).
    const order = Uint32Array.from(indices.keys()).sort((a, b) => indices[a] - indices[b]);
    for (const q of terms) {
      const t = this.termIndex.get(typeof q === 'string' ? q : q.term);
      if (t === undefined) continue;
      const w = typeof q === 'string' ? 1 : q.weight;
      const f = (w * idf[t] * scale) / Q;
      const add = w * idf[t] * scale * this.options.delta;
      let lo = offsets[t];
      const end = offsets[t + 1];
      for (let j = 0; j < order.length && lo < end; j++) {
        const d = indices[order[j]];
        lo = seek(docs, lo, end, d);
        if (lo < end && docs[lo] === d) out[order[j]] += impacts[lo] * f + add;
      }
    }
    return out;
  }

  toJSON(): BM25Json {
    if (this.custom) throw new BM25FormatError('an index built with a custom tokenizer cannot be serialised');
    return {
      format: FORMAT,
      options: this.options,
      ids: this.ids,
      vocab: this.vocab.join('\n'),
      offsets: b64(this.offsets),
      docs: b64(this.docs),
      impacts: b64(this.impacts),
      ...(this.accentedDf && {
        accented: { vocab: [...this.accentedDf.keys()].join('\n'), df: b64(Uint32Array.from(this.accentedDf.values())) },
      }),
    };
  }

  static fromJSON(json: BM25Json): BM25Index {
    if (!json || json.format !== FORMAT) throw new BM25FormatError(`unknown BM25 index format: ${json?.format}`);
    const vocab = json.vocab ? json.vocab.split('\n') : [];
    const offsets = new Uint32Array(unb64(json.offsets));
    const docs = new Uint32Array(unb64(json.docs));
    const impacts = new Uint16Array(unb64(json.impacts));
    if (offsets.length !== vocab.length + 1 || docs.length !== impacts.length || offsets[vocab.length] !== docs.length) {
      throw new BM25FormatError('corrupt BM25 index: array sizes disagree');
    }
    let accentedDf: Map<string, number> | null = null;
    if (json.accented) {
      const words = json.accented.vocab ? json.accented.vocab.split('\n') : [];
      const counts = new Uint32Array(unb64(json.accented.df));
      if (counts.length !== words.length) throw new BM25FormatError('corrupt BM25 index: accented table sizes disagree');
      accentedDf = new Map(words.map((w, i) => [w, counts[i]]));
    }
    return new BM25Index(json.options, json.ids, vocab, offsets, docs, impacts, false, accentedDf);
  }
}

function foldSyllable(s: string): string {
  return fold(s.trim());
}

/** A binary-search step costs about this many steps of a sequential walk (branchy, cache-missing). */
const BINARY_STEP_COST = 8;

/** Documents remembered as a lower bound of the k-th best score. */
const SAMPLE = 4096;

/** The k-th largest accumulator among `m` documents (0 when fewer than k). */
function kthLargest(acc: Float32Array, among: Uint32Array, m: number, k: number): number {
  if (m < k) return 0;
  const heap = new MinHeap(k, acc);
  for (let j = 0; j < m; j++) heap.offer(among[j]);
  return acc[heap.top()];
}

/**
 * First position in docs[lo, end) holding a document ≥ d (postings are in document order).
 * Callers seek ascending documents from the last position, so each list is read once at most.
 */
function seek(docs: Uint32Array, lo: number, end: number, d: number): number {
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countAbove(acc: Float32Array, n: number, floor: number): number {
  let m = 0;
  for (let d = 0; d < n; d++) if (acc[d] >= floor) m++;
  return m;
}

/** The `m` documents (ascending) whose accumulator is at least `floor` (> 0). */
function above(acc: Float32Array, n: number, floor: number, m: number): Uint32Array {
  const out = new Uint32Array(m);
  m = 0;
  for (let d = 0; d < n; d++) if (acc[d] >= floor) out[m++] = d;
  return out;
}

/** The k best documents among `among` (or all with a positive score), best first; ties go to the lower index. */
function topK(acc: Float32Array, among: Uint32Array | null, n: number, k: number): [number, number][] {
  const heap = new MinHeap(k, acc);
  if (among) {
    for (let j = 0; j < among.length; j++) if (acc[among[j]] > 0) heap.offer(among[j]);
  } else {
    for (let d = 0; d < n; d++) if (acc[d] > 0) heap.offer(d);
  }
  return heap.drain().map((d) => [d, acc[d]]);
}

/** A bounded min-heap of document indices by score (lower index wins ties), in a typed array. */
class MinHeap {
  private readonly items: Uint32Array;
  size = 0;
  constructor(
    private readonly k: number,
    private readonly score: Float32Array,
  ) {
    this.items = new Uint32Array(k);
  }

  /** a ranks below b: lower score, or the same score and a higher index. */
  private below(a: number, b: number): boolean {
    const sa = this.score[a];
    const sb = this.score[b];
    return sa < sb || (sa === sb && a > b);
  }

  top(): number {
    return this.items[0];
  }

  offer(d: number): void {
    const h = this.items;
    if (this.size < this.k) {
      let j = this.size++;
      h[j] = d;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (!this.below(h[j], h[p])) break;
        const x = h[j];
        h[j] = h[p];
        h[p] = x;
        j = p;
      }
    } else if (this.below(h[0], d)) {
      h[0] = d;
      this.down(0);
    }
  }

  private down(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.below(h[l], h[m])) m = l;
      if (r < this.size && this.below(h[r], h[m])) m = r;
      if (m === i) return;
      const x = h[i];
      h[i] = h[m];
      h[m] = x;
      i = m;
    }
  }

  /** Best first. */
  drain(): number[] {
    const out = Array.from(this.items.subarray(0, this.size));
    return out.sort((a, b) => (this.below(a, b) ? 1 : this.below(b, a) ? -1 : 0));
  }
}

function b64(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** Decoded into a fresh, aligned ArrayBuffer (Buffer pools are not aligned for typed arrays). */
function unb64(s: string): ArrayBuffer {
  const buf = Buffer.from(s, 'base64');
  const out = new ArrayBuffer(buf.length);
  new Uint8Array(out).set(buf);
  return out;
}
