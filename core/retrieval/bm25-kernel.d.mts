/** Types of bm25-kernel.mjs (plain JavaScript, shared with the lexical search worker). */
export interface Postings {
  /** Term t's postings are docs[offsets[t]] .. docs[offsets[t + 1] - 1], in document order. */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** Quantised term impact of each posting. */
  impacts: Uint16Array;
}

/** A query plan as parallel arrays, highest bound first. */
export interface FlatPlan {
  t: Uint32Array;
  f: Float64Array;
  add: Float64Array;
  bound: Float64Array;
}

/** Documents best first (ties: the lower index), with their scores. */
export interface Ranked {
  indices: Uint32Array;
  scores: Float32Array;
}

export function searchRange(postings: Postings, plan: FlatPlan, k: number, lo: number, hi: number, acc: Float32Array): Ranked;
export function seek(docs: Uint32Array, lo: number, end: number, d: number): number;
export function mergeRanked(a: Ranked, b: Ranked, k: number): Ranked;
