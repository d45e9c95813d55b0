/**
 * Local, deterministic, offline embeddings: no model download, no network.
 *
 * A text becomes a sparse bag of features (folded syllables, syllable bigrams, character trigrams
 * of the folded text for typos and glued words, document numbers), weighted by sublinear TF × IDF,
 * then sparsely projected to D dimensions (each feature adds ±w to a few hashed dimensions, a
 * very sparse random projection that preserves cosine in expectation) and L2-normalised.
 *
 * The IDF table is the only fitted state. `modelId` hashes the feature configuration and the
 * table, so refitting on a changed corpus changes `modelId` and invalidates cached vectors:
 * fit once, persist with `toJSON`, and refit only when a full re-embed is acceptable.
 */
import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { docNumberKey, findDocNumbers, fold, shortHash, wordsOf } from '../text.js';
import { BIGRAM_SEP } from './analyze.js';
import { FeatureTable, fmix, MAX_PROBES } from './feature-table.js';

export interface LocalEmbeddingsOptions {
  /** Output dimension. */
  dimensions: number;
  /** log2 of the IDF table size (hashed features). */
  idfBits: number;
  /** Non-zeros per feature in the projection. */
  probes: number;
  /** Weights of the feature kinds. */
  weights: { unigram: number; bigram: number; trigram: number; docNumber: number };
}

export const DEFAULT_EMBEDDINGS: LocalEmbeddingsOptions = {
  // The vectors are most of the HNSW graph (2 KB of 2.2 KB per chunk at 512), and reading the
  // graph is most of an index load. At 384 our retrieval and answers are unchanged (dev R@1
  // 0.918 against 0.906 at 512; the same verdict on 997 studied questions); the vector-only
  // ranker loses 0.01–0.04 R@1 on three of four sets. 256 cost it 0.08–0.12.
  dimensions: 384,
  idfBits: 18,
  probes: 4,
  weights: { unigram: 1, bigram: 1, trigram: 0.35, docNumber: 2 },
};

const FORMAT = 'vks-local-embeddings/1';

export interface LocalEmbeddingsJson {
  format: typeof FORMAT;
  options: LocalEmbeddingsOptions;
  /** Number of documents the IDF was fitted on (0 = not fitted, IDF 1 everywhere). */
  docs: number;
  /** Float32 IDF table, base64. */
  idf?: string;
}

export class EmbeddingsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddingsFormatError';
  }
}

/** 32-bit FNV-1a, then a murmur finaliser so low bits are well mixed. */
export function hash32(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}


/** Sparse weighted features of a text: feature → raw count × kind weight. */
export function textFeatures(text: string, w: LocalEmbeddingsOptions['weights']): Map<string, number> {
  const f = new Map<string, number>();
  const add = (k: string, v: number) => {
    if (v > 0) f.set(k, (f.get(k) ?? 0) + v);
  };
  const folded = fold(text);
  for (const seg of folded.split(/[^\p{L}\p{N}\s]+/u)) {
    const toks = wordsOf(seg);
    for (let i = 0; i < toks.length; i++) {
      add('u' + toks[i], w.unigram);
      if (i + 1 < toks.length) add('b' + toks[i] + BIGRAM_SEP + toks[i + 1], w.bigram);
    }
    if (w.trigram > 0) {
      // Trigrams over the segment with spaces removed catch "kiemsat" and one-letter typos.
      const s = ' ' + toks.join('') + ' ';
      for (let i = 0; i + 3 <= s.length; i++) add('c' + s.slice(i, i + 3), w.trigram);
    }
  }
  for (const n of findDocNumbers(text)) add('n' + docNumberKey(n), w.docNumber);
  return f;
}

export class LocalEmbeddings extends Embeddings {
  readonly options: LocalEmbeddingsOptions;
  private idf: Float32Array | undefined;
  private readonly table = new FeatureTable();
  private fittedDocs = 0;
  private id: string;

  constructor(options: Partial<LocalEmbeddingsOptions> = {}, params: EmbeddingsParams = {}) {
    super(params);
    this.options = { ...DEFAULT_EMBEDDINGS, ...options, weights: { ...DEFAULT_EMBEDDINGS.weights, ...options.weights } };
    this.id = this.computeId();
  }

  /** Changes whenever the embedding function changes (configuration or fitted IDF). */
  get modelId(): string {
    return this.id;
  }

  get dimensions(): number {
    return this.options.dimensions;
  }

  /** Learn the IDF table from a corpus. Changes `modelId`. */
  fit(texts: Iterable<string>): this {
    const size = 1 << this.options.idfBits;
    const df = new Uint32Array(size);
    // The last document that counted each bucket: a bucket counts once per document, without a Set.
    const countedIn = new Uint32Array(size);
    let n = 0;
    const table = new FeatureTable();
    for (const t of texts) {
      n++;
      table.read(t, this.options.weights);
      for (let f = 0; f < table.size; f++) {
        const b = table.hashes[f * 5] & (size - 1);
        if (countedIn[b] !== n) {
          countedIn[b] = n;
          df[b]++;
        }
      }
    }
    const idf = new Float32Array(size);
    for (let b = 0; b < size; b++) idf[b] = Math.log(1 + (n - df[b] + 0.5) / (df[b] + 0.5));
    this.idf = idf;
    this.fittedDocs = n;
    this.id = this.computeId();
    return this;
  }

  /** One vector, synchronously (the async LangChain methods wrap this). */
  embed(text: string): Float32Array {
    const { dimensions: d, probes, idfBits } = this.options;
    const mask = (1 << idfBits) - 1;
    const v = new Float32Array(d);
    if (probes <= MAX_PROBES) {
      // The same features as textFeatures, hashed as read (feature-table.ts).
      const t = this.table.read(text, this.options.weights);
      const { hashes, counts } = t;
      for (let f = 0; f < t.size; f++) {
        const h = hashes[f * 5];
        const idf = this.idf ? this.idf[h & mask] : 1;
        const w = (1 + Math.log(counts[f])) * idf;
        if (w <= 0) continue;
        for (let p = 0; p < probes; p++) {
          const x = hashes[f * 5 + p + 1];
          v[x % d] += x & 0x80000000 ? -w : w;
        }
      }
      return normalize(v);
    }
    for (const [k, c] of textFeatures(text, this.options.weights)) {
      const h = hash32(k);
      const idf = this.idf ? this.idf[h & mask] : 1;
      const w = (1 + Math.log(c)) * idf;
      if (w <= 0) continue;
      let x = h;
      for (let p = 0; p < probes; p++) {
        x = hash32(k, p + 1);
        v[x % d] += x & 0x80000000 ? -w : w;
      }
    }
    return normalize(v);
  }

  /** Like embedDocuments, without the copy into number arrays (the ingest stores Float32 anyway). */
  async embedVectors(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embed(t));
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => Array.from(this.embed(t)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embed(text));
  }

  toJSON(): LocalEmbeddingsJson {
    const json: LocalEmbeddingsJson = { format: FORMAT, options: this.options, docs: this.fittedDocs };
    if (this.idf) json.idf = Buffer.from(this.idf.buffer, this.idf.byteOffset, this.idf.byteLength).toString('base64');
    return json;
  }

  static fromJSON(json: LocalEmbeddingsJson): LocalEmbeddings {
    if (!json || json.format !== FORMAT) throw new EmbeddingsFormatError(`unknown embeddings format: ${json?.format}`);
    const e = new LocalEmbeddings(json.options);
    if (json.idf) {
      const buf = Buffer.from(json.idf, 'base64');
      const idf = new Float32Array(buf.length / 4);
      new Uint8Array(idf.buffer).set(buf);
      if (idf.length !== 1 << e.options.idfBits) throw new EmbeddingsFormatError('IDF table size does not match idfBits');
      e.idf = idf;
      e.fittedDocs = json.docs;
      e.id = e.computeId();
    }
    return e;
  }

  private computeId(): string {
    const o = this.options;
    const w = o.weights;
    const cfg = `d${o.dimensions}-i${o.idfBits}-p${o.probes}-u${w.unigram}-b${w.bigram}-c${w.trigram}-n${w.docNumber}`;
    const fitted = this.idf ? shortHash(Buffer.from(this.idf.buffer).toString('base64')) : 'nofit';
    return `local-hash-v1:${cfg}:${fitted}`;
  }
}

function normalize(v: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
  if (norm > 0) {
    const s = 1 / Math.sqrt(norm);
    for (let i = 0; i < v.length; i++) v[i] *= s;
  }
  return v;
}

/** Cosine of two L2-normalised vectors. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
