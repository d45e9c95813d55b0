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
import { type FlatPlan, type Ranked, searchRange, seek } from './bm25-kernel.mjs';

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
    readonly offsets: Uint32Array,
    readonly docs: Uint32Array,
    readonly impacts: Uint16Array,
    private readonly custom = false,
    accentedDf: Map<string, number> | null = null,
    /** vocab[i] → i, when the caller already has it (the build does). */
    termIndex?: Map<string, number>,
  ) {
    this.accentedDf = accentedDf;
    if (!termIndex) {
      termIndex = new Map();
      for (let i = 0; i < vocab.length; i++) termIndex.set(vocab[i], i);
    }
    this.termIndex = termIndex;
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

  static build(input: Iterable<BM25Doc>, opts: Partial<BM25Options> = {}, tokenize?: Tokenizer): BM25Index {
    const c = collect(input, opts, tokenize);
    const offsets = c.offsets();
    const docs = new Uint32Array(offsets[c.df.length]);
    const impacts = new Uint16Array(offsets[c.df.length]);
    c.fill(offsets, 0, c.df.length, docs, impacts, true);
    // The map of the build is the index's own term lookup (its keys, in id order, are the vocabulary).
    return new BM25Index(c.o, c.ids, [...c.termIds.keys()], offsets, docs, impacts, Boolean(tokenize), c.accentedDf, c.termIds);
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

  /** A term's weight as a clue: its IDF, and for a term no document holds, that of the rarest possible one. */
  rarity(term: string): number {
    return this.idfOf(term) || Math.log(1 + this.ids.length);
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
    return this.hitsOf(searchRange(this, this.flatPlan(terms), k, 0, this.ids.length, this.acc));
  }

  /** The query plan as the search kernel (and its worker) reads it. */
  flatPlan(terms: (QueryTerm | string)[]): FlatPlan {
    const plan = this.planOf(terms);
    return {
      t: Uint32Array.from(plan, (x) => x.t),
      f: Float64Array.from(plan, (x) => x.f),
      add: Float64Array.from(plan, (x) => x.add),
      bound: Float64Array.from(plan, (x) => x.bound),
    };
  }

  /** A ranked list from the kernel (or two merged) as hits with their chunk ids. */
  hitsOf(r: Ranked): BM25Hit[] {
    return Array.from(r.indices, (index, j) => ({ index, id: this.ids[index], score: r.scores[j] }));
  }

  private maxImpact?: Uint16Array;

  /**
   * Largest impact in each term's postings: the bound MaxScore prunes with. Read from the
   * binary form, which stores it, or worked out in one pass over every posting on first use
   * (~0.1 s and every page of the postings touched at 100k chunks: a first question's cost).
   */
  maxImpacts(): Uint16Array {
    if (!this.maxImpact) {
      this.maxImpact = new Uint16Array(this.vocab.length);
      largestImpacts(this.offsets, this.impacts, 0, this.vocab.length, 0, this.maxImpact);
    }
    return this.maxImpact;
  }

  /**
   * Documents (ascending) holding every one of the terms; none when a term is unknown. With
   * `among` (ascending), only those of its documents: each list is then searched, not walked.
   */
  docsWithAll(terms: string[], among?: readonly number[]): number[] {
    const ids = terms.map((t) => this.termIndex.get(t));
    if (!ids.length || ids.some((t) => t === undefined)) return [];
    if (among) {
      return among.filter((d) =>
        (ids as number[]).every((t) => {
          const p = seek(this.docs, this.offsets[t], this.offsets[t + 1], d);
          return p < this.offsets[t + 1] && this.docs[p] === d;
        }),
      );
    }
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

  /**
   * The query's known terms, repeats merged, with their factor (impact → score), their constant
   * part and the most they add to any one document; highest bound first.
   */
  private planOf(terms: (QueryTerm | string)[]): Array<{ t: number; f: number; add: number; bound: number }> {
    const { idf } = this;
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
      return { t, f, add, bound: this.maxImpacts()[t] * f + add };
    });
    return plan.sort((a, b) => b.bound - a.bound);
  }

  /** Exact scores of the given documents (by index) for weighted query terms, in the same order. */
  scoreDocs(terms: (QueryTerm | string)[], indices: number[]): Float32Array {
    const out = new Float32Array(indices.length);
    if (!indices.length) return out;
    const { docs, impacts, offsets } = this;
    // Postings are in document order: a few documents are found by binary search in a long
    // list instead of walking all of it (a common syllable's list is most of the corpus).
    const order = Uint32Array.from(indices.keys()).sort((a, b) => indices[a] - indices[b]);
    // The same terms in the same order as search, so a document's score is the same float.
    for (const { t, f, add } of this.planOf(terms)) {
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
    return BM25Index.fromArrays(json, {
      offsets: new Uint32Array(unb64(json.offsets)),
      docs: new Uint32Array(unb64(json.docs)),
      impacts: new Uint16Array(unb64(json.impacts)),
      accentedDf: json.accented ? new Uint32Array(unb64(json.accented.df)) : null,
    });
  }

  /** Shared by both stored forms: checks the arrays against the vocabularies and builds the index. */
  static fromArrays(
    json: Pick<BM25Json, 'options' | 'ids' | 'vocab'> & { accented?: { vocab: string } },
    a: { offsets: Uint32Array; docs: Uint32Array; impacts: Uint16Array; accentedDf: Uint32Array | null; maxImpact?: Uint16Array | null },
  ): BM25Index {
    const vocab = json.vocab ? json.vocab.split('\n') : [];
    const { offsets, docs, impacts } = a;
    if (offsets.length !== vocab.length + 1 || docs.length !== impacts.length || offsets[vocab.length] !== docs.length) {
      throw new BM25FormatError('corrupt BM25 index: array sizes disagree');
    }
    let accentedDf: Map<string, number> | null = null;
    if (json.accented) {
      const words = json.accented.vocab ? json.accented.vocab.split('\n') : [];
      const counts = a.accentedDf ?? new Uint32Array(0);
      if (counts.length !== words.length) throw new BM25FormatError('corrupt BM25 index: accented table sizes disagree');
      accentedDf = new Map(words.map((w, i) => [w, counts[i]]));
    }
    const index = new BM25Index(json.options, json.ids, vocab, offsets, docs, impacts, false, accentedDf);
    if (a.maxImpact) {
      if (a.maxImpact.length !== vocab.length) throw new BM25FormatError('corrupt BM25 index: bound table size disagrees');
      index.maxImpact = a.maxImpact;
    }
    return index;
  }

  /** The raw tables, for the binary form. */
  parts() {
    return { vocab: this.vocab, offsets: this.offsets, docs: this.docs, impacts: this.impacts, accentedDf: this.accentedDf, custom: this.custom };
  }
}

/**
 * The index as a small JSON header plus one binary blob (postings and tables as raw typed
 * arrays), so a large index loads without base64 or a giant JSON string.
 */
export interface BM25BinaryHeader {
  format: typeof BINARY_FORMAT;
  options: BM25Options;
  ids: string[];
  vocab: string;
  accentedVocab?: string;
  /** Element counts of offsets, docs, impacts and (when present) accented df and each term's largest impact, in blob order. */
  lengths: { offsets: number; docs: number; impacts: number; accentedDf?: number; maxImpact?: number };
}

const BINARY_FORMAT = 'vks-bm25-bin/1';

/** Byte layout of the blob: each array starts on an 8-byte boundary. */
function binaryLayout(l: BM25BinaryHeader['lengths']): { offsets: number; docs: number; impacts: number; accentedDf: number; maxImpact: number; total: number } {
  const pad = (x: number) => Math.ceil(x / 8) * 8;
  const offsets = 0;
  const docs = pad(offsets + l.offsets * 4);
  const impacts = pad(docs + l.docs * 4);
  const accentedDf = pad(impacts + l.impacts * 2);
  const maxImpact = pad(accentedDf + (l.accentedDf ?? 0) * 4);
  return { offsets, docs, impacts, accentedDf, maxImpact, total: pad(maxImpact + (l.maxImpact ?? 0) * 2) };
}

/**
 * The binary form as a header and the blob's pieces in order (views of the index's own
 * arrays and zero padding): written one after the other, the blob is never built whole.
 */
export function bm25ToBinary(index: BM25Index): { header: BM25BinaryHeader; pieces: Uint8Array[] } {
  const parts = index.parts();
  if (parts.custom) throw new BM25FormatError('an index built with a custom tokenizer cannot be serialised');
  const accentedCounts = parts.accentedDf ? Uint32Array.from(parts.accentedDf.values()) : null;
  const maxImpact = index.maxImpacts();
  const lengths: BM25BinaryHeader['lengths'] = {
    offsets: parts.offsets.length,
    docs: parts.docs.length,
    impacts: parts.impacts.length,
    ...(accentedCounts && { accentedDf: accentedCounts.length }),
    maxImpact: maxImpact.length,
  };
  const at = binaryLayout(lengths);
  const pieces: Uint8Array[] = [];
  let pos = 0;
  const put = (a: ArrayBufferView, byteOffset: number) => {
    if (byteOffset > pos) pieces.push(new Uint8Array(byteOffset - pos));
    pieces.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    pos = byteOffset + a.byteLength;
  };
  put(parts.offsets, at.offsets);
  put(parts.docs, at.docs);
  put(parts.impacts, at.impacts);
  if (accentedCounts) put(accentedCounts, at.accentedDf);
  put(maxImpact, at.maxImpact);
  if (at.total > pos) pieces.push(new Uint8Array(at.total - pos));
  return { header: binaryHeader(index.options, index.ids, parts.vocab, parts.accentedDf, lengths), pieces };
}

function binaryHeader(
  options: BM25Options,
  ids: string[],
  vocab: string[],
  accentedDf: Map<string, number> | null,
  lengths: BM25BinaryHeader['lengths'],
): BM25BinaryHeader {
  return {
    format: BINARY_FORMAT,
    options,
    ids,
    vocab: vocab.join('\n'),
    ...(accentedDf && { accentedVocab: [...accentedDf.keys()].join('\n') }),
    lengths,
  };
}

export function bm25FromBinary(header: BM25BinaryHeader, blob: Uint8Array): BM25Index {
  if (!header || header.format !== BINARY_FORMAT) throw new BM25FormatError(`unknown BM25 index format: ${header?.format}`);
  const l = header.lengths;
  const at = binaryLayout(l);
  if (blob.byteLength !== at.total) throw new BM25FormatError('corrupt BM25 index: blob size disagrees with its header');
  // The arrays are views into the blob when it is 8-byte aligned (a file read whole is), else into one aligned copy.
  let buf: ArrayBufferLike;
  let base = 0;
  if (blob.byteOffset % 8 === 0) {
    buf = blob.buffer;
    base = blob.byteOffset;
  } else {
    buf = new ArrayBuffer(at.total);
    new Uint8Array(buf).set(blob);
  }
  const json = {
    format: FORMAT,
    options: header.options,
    ids: header.ids,
    vocab: header.vocab,
    ...(header.accentedVocab !== undefined && { accented: { vocab: header.accentedVocab } }),
  };
  return BM25Index.fromArrays(json, {
    offsets: new Uint32Array(buf, base + at.offsets, l.offsets),
    docs: new Uint32Array(buf, base + at.docs, l.docs),
    impacts: new Uint16Array(buf, base + at.impacts, l.impacts),
    accentedDf: l.accentedDf !== undefined ? new Uint32Array(buf, base + at.accentedDf, l.accentedDf) : null,
    // Files written before the table was stored work it out on first use.
    maxImpact: l.maxImpact !== undefined ? new Uint16Array(buf, base + at.maxImpact, l.maxImpact) : null,
  });
}

/** The build's one pass over the documents (see Collected). */
function collect(input: Iterable<BM25Doc>, opts: Partial<BM25Options>, tokenize?: Tokenizer): Collected {
  const o: BM25Options = { ...DEFAULT_BM25, ...opts, fieldWeights: { ...DEFAULT_BM25.fieldWeights, ...opts.fieldWeights } };
  // Our analyzer gathers a text's accented syllables in the same pass as its terms.
  const syl = new Set<string>();
  const tok: Tokenizer = tokenize ?? ((t) => analyzeText(t, o.analyze, syl));
  // One record per (document, distinct term): the term and its count in each field. A document's
  // records are counted in small scratch arrays, then appended to a compact byte stream (a few
  // bytes a record instead of ten, no doubling slack): flat arrays of them were most of the
  // ingest's peak memory at 100k chunks, a per-document Map per field ~1 GB before that.
  const records = new RecordStream();
  const docRecords = new Growable(new Uint32Array(1024));
  const lens = [0, 1, 2].map(() => new Growable(new Float64Array(1024)));
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const accentedDf = new Map<string, number>();
  const ids: string[] = [];
  // This document's distinct terms (first-seen order) and their 3 counts: body, heading, title;
  // saturating at 65535 (BM25 saturates long before: the impact is the same). A term's slot
  // among them is found by term id (lastDoc says whether it is this document's).
  const lastDoc = new Growable(new Int32Array(1024));
  const slotOf = new Growable(new Uint32Array(1024));
  const docTerms = new Growable(new Uint32Array(1024));
  const docCounts = new Growable(new Uint16Array(3072));
  for (const doc of input) {
    const d = ids.length;
    ids.push(doc.id);
    syl.clear();
    docTerms.length = 0;
    docCounts.length = 0;
    const texts = [doc.text, doc.heading, doc.title];
    for (let fi = 0; fi < 3; fi++) {
      const text = texts[fi];
      const terms = text ? tok(text) : [];
      lens[fi].push(terms.length);
      for (const t of terms) {
        let id = termIds.get(t);
        if (id === undefined) {
          id = df.length;
          termIds.set(t, id);
          df.push(0);
          lastDoc.push(-1);
          slotOf.push(0);
        }
        let r: number;
        if (lastDoc.data[id] === d) r = slotOf.data[id];
        else {
          r = docTerms.length;
          lastDoc.data[id] = d;
          slotOf.data[id] = r;
          docTerms.push(id);
          docCounts.push(0);
          docCounts.push(0);
          docCounts.push(0);
          df[id]++;
        }
        if (docCounts.data[r * 3 + fi] < 0xffff) docCounts.data[r * 3 + fi]++;
      }
    }
    for (let r = 0; r < docTerms.length; r++) records.put(docTerms.data[r], docCounts.data[r * 3], docCounts.data[r * 3 + 1], docCounts.data[r * 3 + 2]);
    docRecords.push(docTerms.length);
    if (tokenize) for (const text of texts) if (text) for (const t of accentedSyllables(text)) syl.add(t);
    for (const t of syl) accentedDf.set(t, (accentedDf.get(t) ?? 0) + 1);
  }
  return new Collected(o, ids, termIds, df, accentedDf, lens, docRecords, records);
}

/**
 * What the build's one pass over the documents gathers: per document its field lengths and its
 * records (term, field counts), per term its document frequency. The postings are filled from
 * it: all at once for an index in memory, or a window of terms at a time for a file.
 */
class Collected {
  /** Average length of each field (body, heading, title) over the documents, for BM25's length norm. */
  private readonly avg: number[];

  constructor(
    readonly o: BM25Options,
    readonly ids: string[],
    readonly termIds: Map<string, number>,
    readonly df: number[],
    readonly accentedDf: Map<string, number>,
    private readonly lens: Growable<Float64Array>[],
    private readonly docRecords: Growable<Uint32Array>,
    private readonly records: RecordStream,
  ) {
    const n = ids.length;
    this.avg = lens.map((l) => {
      let sum = 0;
      for (let d = 0; d < n; d++) sum += l.data[d];
      return (n ? sum / n : 0) || 1;
    });
  }

  /** Where each term's postings start (CSR offsets, terms in id order). */
  offsets(): Uint32Array {
    const offsets = new Uint32Array(this.df.length + 1);
    for (let t = 0; t < this.df.length; t++) offsets[t + 1] = offsets[t] + this.df[t];
    return offsets;
  }

  /**
   * Fills the postings of terms [t0, t1) into docs/impacts, whose index 0 is posting offsets[t0].
   * `last`: the records are not read again, and each block is let go once read.
   */
  fill(offsets: Uint32Array, t0: number, t1: number, docs: Uint32Array, impacts: Uint16Array, last: boolean): void {
    const { o, lens, docRecords, avg } = this;
    const n = this.ids.length;
    const base = offsets[t0];
    const cursor = offsets.slice(t0, t1);
    const weights = [o.fieldWeights.body, o.fieldWeights.heading, o.fieldWeights.title];
    const bs = [o.b, o.bShort, o.bShort];
    const norms = [0, 0, 0];
    const rec = this.records.reader(last);
    for (let d = 0; d < n; d++) {
      for (let fi = 0; fi < 3; fi++) norms[fi] = 1 - bs[fi] + (bs[fi] * lens[fi].data[d]) / avg[fi];
      for (let r = docRecords.data[d]; r > 0; r--) {
        rec.next();
        const t = rec.term;
        if (t < t0 || t >= t1) continue;
        // Fields summed in the order body, heading, title (as the scores were always computed).
        let tf = 0;
        for (let fi = 0; fi < 3; fi++) {
          const c = rec.counts[fi];
          if (c > 0) tf += (weights[fi] * c) / norms[fi];
        }
        const p = cursor[t - t0]++ - base;
        docs[p] = d;
        impacts[p] = Math.max(1, Math.round((tf / (o.k1 + tf)) * Q));
      }
    }
  }
}

/**
 * The binary form of the index of `input` (bm25ToBinary of BM25Index.build, byte for byte),
 * without the index: its postings are filled a window of terms at a time (about
 * `windowPostings` postings) and given as pieces to write at their byte offset, so the whole
 * docs and impacts arrays (160 MB at 100k chunks) never exist. The rest of the file is zeros;
 * `total` is its size. A piece's bytes are reused by the next one: write each before taking the next.
 */
export function bm25BinaryWindows(
  input: Iterable<BM25Doc>,
  opts: Partial<BM25Options> = {},
  windowPostings = 1 << 23,
): { header: BM25BinaryHeader; total: number; pieces: Iterable<{ at: number; bytes: Uint8Array }> } {
  const c = collect(input, opts);
  const offsets = c.offsets();
  const terms = c.df.length;
  const postings = offsets[terms];
  const accentedCounts = Uint32Array.from(c.accentedDf.values());
  const lengths: BM25BinaryHeader['lengths'] = { offsets: offsets.length, docs: postings, impacts: postings, accentedDf: accentedCounts.length, maxImpact: terms };
  const at = binaryLayout(lengths);
  const header = binaryHeader(c.o, c.ids, [...c.termIds.keys()], c.accentedDf, lengths);
  // A window holds at least the longest list (a term's postings are never split).
  let window = windowPostings;
  for (const f of c.df) if (f > window) window = f;
  function* pieces(): Iterable<{ at: number; bytes: Uint8Array }> {
    yield { at: at.offsets, bytes: bytesOf(offsets) };
    const docs = new Uint32Array(Math.min(window, postings));
    const impacts = new Uint16Array(docs.length);
    const maxImpact = new Uint16Array(terms);
    for (let t0 = 0; t0 < terms; ) {
      let t1 = t0;
      while (t1 < terms && offsets[t1 + 1] - offsets[t0] <= window) t1++;
      const count = offsets[t1] - offsets[t0];
      c.fill(offsets, t0, t1, docs, impacts, t1 === terms);
      largestImpacts(offsets, impacts, t0, t1, offsets[t0], maxImpact);
      yield { at: at.docs + offsets[t0] * 4, bytes: bytesOf(docs.subarray(0, count)) };
      yield { at: at.impacts + offsets[t0] * 2, bytes: bytesOf(impacts.subarray(0, count)) };
      t0 = t1;
    }
    yield { at: at.accentedDf, bytes: bytesOf(accentedCounts) };
    yield { at: at.maxImpact, bytes: bytesOf(maxImpact) };
  }
  return { header, total: at.total, pieces: pieces() };
}

/**
 * Each term's largest impact, for terms [t0, t1), into `out`: `impacts` holds their postings
 * from posting `base` on (the whole index's, or one window's).
 */
function largestImpacts(offsets: Uint32Array, impacts: Uint16Array, t0: number, t1: number, base: number, out: Uint16Array): void {
  for (let t = t0; t < t1; t++) {
    let best = 0;
    for (let p = offsets[t] - base, end = offsets[t + 1] - base; p < end; p++) if (impacts[p] > best) best = impacts[p];
    out[t] = best;
  }
}

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function foldSyllable(s: string): string {
  return fold(s.trim());
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

type NumberArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** An append-only typed array for the build (amortised doubling). */
class Growable<A extends NumberArray> {
  length = 0;
  constructor(public data: A) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => A)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * The build's records as bytes, in blocks: a term id as a varint, then one byte with the body
 * count (4 bits), heading and title counts (2 bits each), a saturated count continuing as a
 * varint of the rest. Counts are mostly 0 to 2, so a record is 2 to 4 bytes. Read once, in
 * order; the reader lets go of each block it has passed.
 */
class RecordStream {
  private static readonly BLOCK = 1 << 20;
  private readonly blocks: (Uint8Array | null)[] = [];
  private block: Uint8Array = new Uint8Array(0);
  private pos = 0;

  put(term: number, body: number, heading: number, title: number): void {
    this.varint(term);
    const b = Math.min(body, 15);
    const h = Math.min(heading, 3);
    const t = Math.min(title, 3);
    this.byte(b | (h << 4) | (t << 6));
    if (b === 15) this.varint(body - 15);
    if (h === 3) this.varint(heading - 3);
    if (t === 3) this.varint(title - 3);
  }

  private byte(x: number): void {
    if (this.pos === this.block.length) {
      this.block = new Uint8Array(RecordStream.BLOCK);
      this.blocks.push(this.block);
      this.pos = 0;
    }
    this.block[this.pos++] = x;
  }

  private varint(x: number): void {
    while (x >= 0x80) {
      this.byte((x & 0x7f) | 0x80);
      x >>>= 7;
    }
    this.byte(x);
  }

  /** Reads the records from the start; `release` lets go of each block once read (a last pass). */
  reader(release = true): { next(): void; term: number; counts: Uint16Array } {
    const blocks = this.blocks;
    let bi = -1;
    let block: Uint8Array = new Uint8Array(0);
    let pos = 0;
    const byte = (): number => {
      if (pos === block.length) {
        if (bi >= 0 && release) blocks[bi] = null;
        block = blocks[++bi]!;
        pos = 0;
      }
      return block[pos++];
    };
    const varint = (): number => {
      let x = 0;
      let shift = 0;
      for (;;) {
        const b = byte();
        x += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return x;
        shift += 7;
      }
    };
    const out = {
      term: 0,
      counts: new Uint16Array(3),
      next(): void {
        out.term = varint();
        const packed = byte();
        const b = packed & 15;
        const h = (packed >> 4) & 3;
        const t = packed >> 6;
        out.counts[0] = b === 15 ? 15 + varint() : b;
        out.counts[1] = h === 3 ? 3 + varint() : h;
        out.counts[2] = t === 3 ? 3 + varint() : t;
      },
    };
    return out;
  }
}
