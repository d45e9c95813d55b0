/**
 * A BM25 search split over two threads: a worker walks the postings of the upper half of the
 * documents while this thread walks the lower half (and searches the graph), and the two top-k
 * lists are merged. On a 100k-chunk index the postings walk is the largest part of a question's
 * cost (a question's folded syllables reach a million postings), and it divides cleanly: each
 * half is searched exactly, so the merged list is exactly the one-thread result, float for float.
 *
 * The worker reads the index's own postings, never a copy: either the arrays live in shared
 * memory, or they are views of a mapped file, which the worker maps for itself (one copy, the
 * page cache's). Any failure of the worker falls back to walking its half here: slower, never wrong.
 */
import { Worker } from 'node:worker_threads';
import type { BM25Index } from './bm25.js';
import { type FlatPlan, type Ranked, mergeRanked, searchRange } from './bm25-kernel.mjs';
import { mappedFileOf } from './mapped-file.mjs';

/** Where the worker finds the postings: the arrays themselves (shared), or the file they map and where in it. */
type PostingsSource =
  | { offsets: Uint32Array; docs: Uint32Array; impacts: Uint16Array }
  | { file: string; arrays: Record<'offsets' | 'docs' | 'impacts', { byteOffset: number; length: number }> };

function postingsSource(index: BM25Index): PostingsSource | null {
  const { offsets, docs, impacts } = index;
  const arrays = [offsets, docs, impacts];
  if (arrays.every((a) => a.buffer instanceof SharedArrayBuffer)) return { offsets, docs, impacts };
  const file = mappedFileOf(offsets.buffer);
  if (file === undefined || !arrays.every((a) => a.buffer === offsets.buffer)) return null;
  const at = (a: Uint32Array | Uint16Array) => ({ byteOffset: a.byteOffset, length: a.length });
  return { file, arrays: { offsets: at(offsets), docs: at(docs), impacts: at(impacts) } };
}

/** A started search: the worker is walking its half; `finish` walks this thread's half and merges. */
export interface SplitSearch {
  finish(): Promise<Ranked>;
}

export class SplitLexicalSearch {
  private worker: Worker | null;
  /** Searches sent to the worker, by id: how to answer each. */
  private readonly pending = new Map<number, (r: Ranked | null) => void>();
  private nextId = 0;
  private retired = false;
  private readonly split: number;
  private readonly acc: Float32Array;

  /** A split search over the index, or null when it has fewer than `minChunks` or its arrays are neither shared nor mapped. */
  static over(index: BM25Index, minChunks: number): SplitLexicalSearch | null {
    if (index.size < Math.max(2, minChunks)) return null;
    const source = postingsSource(index);
    return source ? new SplitLexicalSearch(index, source) : null;
  }

  private constructor(
    private readonly index: BM25Index,
    source: PostingsSource,
  ) {
    const size = index.size;
    this.split = size >> 1;
    this.acc = new Float32Array(size);
    this.worker = new Worker(new URL('./bm25-worker.mjs', import.meta.url), { workerData: { source, size } });
    // An idle worker must not keep a CLI or a test process alive: it is referenced only while a search waits on it.
    this.worker.unref();
    this.worker.on('message', (m: { id: number; indices?: Uint32Array; scores?: Float32Array; error?: string }) => {
      this.settle(m.id, m.indices && m.scores ? { indices: m.indices, scores: m.scores } : null);
    });
    const lost = () => this.abandonWorker();
    this.worker.once('error', lost);
    this.worker.once('exit', lost);
  }

  /** Starts a search: the worker begins its half now, this thread's half waits for `finish`. */
  begin(plan: FlatPlan, k: number): SplitSearch {
    const { split } = this;
    const n = this.index.size;
    const upper = this.post(plan, k, split, n);
    return {
      finish: async () => {
        const lower = searchRange(this.index, plan, k, 0, split, this.acc);
        const theirs = (await upper) ?? searchRange(this.index, plan, k, split, n, this.acc);
        return mergeRanked(lower, theirs, k);
      },
    };
  }

  /** Stops the worker once the searches in flight are answered (an index version is being dropped). */
  retire(): void {
    this.retired = true;
    if (this.pending.size === 0) this.stopWorker();
  }

  private post(plan: FlatPlan, k: number, lo: number, hi: number): Promise<Ranked | null> {
    const w = this.worker;
    if (!w || this.retired) return Promise.resolve(null);
    const id = this.nextId++;
    if (this.pending.size === 0) w.ref();
    const answer = new Promise<Ranked | null>((resolve) => this.pending.set(id, resolve));
    w.postMessage({ id, plan, k, lo, hi });
    return answer;
  }

  private settle(id: number, r: Ranked | null): void {
    const resolve = this.pending.get(id);
    if (!resolve) return;
    this.pending.delete(id);
    resolve(r);
    if (this.pending.size === 0) {
      if (this.retired) this.stopWorker();
      else this.worker?.unref();
    }
  }

  private abandonWorker(): void {
    this.worker = null;
    for (const id of [...this.pending.keys()]) this.settle(id, null);
  }

  private stopWorker(): void {
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
  }
}
