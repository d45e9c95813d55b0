/**
 * Embeddings cached by (model, chunk content hash).
 *
 * LangChain's HNSWLib can only drop a whole index, so every ingest rebuilds the
 * graph from vectors; this cache is what keeps an incremental re-ingest from
 * re-embedding files that did not change. Stored as one JSON key list plus one
 * Float32 blob per model, rewritten atomically with only the vectors in use.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { contiguousBytes, writeFileAtomic } from './store.js';

/** Texts read by position (0 ≤ i < length): an array, or texts made when asked for. */
export interface TextList {
  readonly length: number;
  at(i: number): string | undefined;
}

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  private used = new Set<string>();
  hits = 0;
  misses = 0;

  private constructor(
    private readonly dir: string,
    readonly modelId: string,
    readonly dimensions: number,
  ) {}

  private static fileBase(dir: string, modelId: string): string {
    const safe = createHash('sha1').update(modelId).digest('hex').slice(0, 16);
    return path.join(dir, `embeddings-${safe}`);
  }

  static async open(dir: string, modelId: string, dimensions: number): Promise<EmbeddingCache> {
    const cache = new EmbeddingCache(dir, modelId, dimensions);
    const base = EmbeddingCache.fileBase(dir, modelId);
    try {
      const [keysJson, blob] = await Promise.all([readFile(`${base}.keys.json`, 'utf8'), readFile(`${base}.f32`)]);
      const { modelId: storedModel, dimensions: dims, keys } = JSON.parse(keysJson) as {
        modelId: string;
        dimensions: number;
        keys: string[];
      };
      if (storedModel === modelId && dims === dimensions && blob.byteLength === keys.length * dims * 4) {
        const all = new Float32Array(blob.buffer, blob.byteOffset, keys.length * dims);
        // Views, not copies: the blob is read once, and the rows of this run replace them.
        keys.forEach((k, i) => cache.vectors.set(k, all.subarray(i * dims, (i + 1) * dims)));
      }
    } catch {
      // No cache yet, or an unreadable one: start empty, the ingest just embeds more.
    }
    return cache;
  }

  static key(text: string): string {
    return createHash('sha256').update(text).digest('hex').slice(0, 32);
  }

  get size(): number {
    return this.vectors.size;
  }

  /**
   * Vectors for all texts, embedding only the ones not cached. `embed` gets the
   * missing texts in batches. Each text is read twice (its key, then its batch), so
   * texts made on demand need not all be held at once.
   */
  async getOrEmbed(
    texts: TextList,
    embed: (batch: string[]) => Promise<ArrayLike<number>[]>,
    onProgress?: (done: number, total: number) => void,
    batchSize = 256,
  ): Promise<Float32Array[]> {
    // Rows of one shared matrix, in text order: written out whole for the graph build, and the
    // cache keeps the rows instead of its own copies. New vectors go straight into their row,
    // so no vector is ever held twice.
    const d = this.dimensions;
    const matrix = new Float32Array(new SharedArrayBuffer(texts.length * d * 4));
    const rows: Float32Array[] = new Array(texts.length);
    const keys: string[] = new Array(texts.length);
    for (let i = 0; i < texts.length; i++) {
      rows[i] = matrix.subarray(i * d, (i + 1) * d);
      keys[i] = EmbeddingCache.key(texts.at(i)!);
    }
    const missing: number[] = [];
    const seen = new Set<string>();
    keys.forEach((k, i) => {
      this.used.add(k);
      if (this.vectors.has(k)) this.hits++;
      else if (!seen.has(k)) {
        seen.add(k);
        missing.push(i);
      }
    });
    this.misses += missing.length;
    for (let start = 0; start < missing.length; start += batchSize) {
      const idx = missing.slice(start, start + batchSize);
      const out = await embed(idx.map((i) => texts.at(i)!));
      idx.forEach((i, j) => {
        if (out[j].length !== d) throw new Error(`embedding has ${out[j].length} dimensions, expected ${d}`);
        rows[i].set(out[j]);
        this.vectors.set(keys[i], rows[i]);
      });
      onProgress?.(Math.min(start + batchSize, missing.length), missing.length);
    }
    keys.forEach((k, i) => {
      const v = this.vectors.get(k)!;
      if (v !== rows[i]) rows[i].set(v);
      this.vectors.set(k, rows[i]);
    });
    return rows;
  }

  /** Persist only the vectors used by the last run (the cache never grows without bound). */
  async save(): Promise<void> {
    const keys = [...this.used].filter((k) => this.vectors.has(k));
    const base = EmbeddingCache.fileBase(this.dir, this.modelId);
    // Blob first: a crash between the two writes leaves a size mismatch, which open() ignores.
    await writeFileAtomic(`${base}.f32`, contiguousBytes(keys.map((k) => this.vectors.get(k)!)));
    await writeFileAtomic(`${base}.keys.json`, JSON.stringify({ modelId: this.modelId, dimensions: this.dimensions, keys }));
  }
}
