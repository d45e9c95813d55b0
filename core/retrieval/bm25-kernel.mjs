/**
 * The BM25 postings walk, over a range of documents. Plain JavaScript, because it runs both in
 * the main thread (BM25Index.search) and in the lexical search worker (bm25-worker.mjs), which
 * must start under node, tsx and vitest alike. One implementation: a document's score is the
 * same float whichever thread computes it.
 *
 * A plan is the query's known terms, highest bound first: term t, factor f (impact → score),
 * constant part add, and the most the term adds to any one document (bound).
 */

/** Documents remembered as a lower bound of the k-th best score. */
const SAMPLE = 4096;
const SAMPLE_BUFFER = new Uint32Array(SAMPLE);
/** Cost of one binary-search step against one posting walked, for choosing between them. */
const BINARY_STEP_COST = 8;

/**
 * The k best documents of [lo, hi) for the plan, best first (ties: the lower index), as parallel
 * arrays. `acc` is the caller's scratch, one float per document of the whole index, all zero on
 * entry and left zero.
 *
 * Terms are walked term at a time. Once the k-th best score so far, less what the terms still
 * to come could add, shows that those terms could not lift a document into the top k, they only
 * update the documents that still can (found by binary search in their document-ordered
 * postings). The result is that of scoring every posting.
 */
export function searchRange(postings, plan, k, lo, hi, acc) {
  const { docs, impacts, offsets } = postings;
  const n = hi - lo;
  if (k <= 0 || n <= 0) return { indices: new Uint32Array(0), scores: new Float32Array(0) };
  const m = plan.t.length;
  // Each term's postings within [lo, hi).
  const starts = new Uint32Array(m);
  const ends = new Uint32Array(m);
  let remaining = 0;
  for (let i = 0; i < m; i++) {
    const t = plan.t[i];
    const s = offsets[t];
    const e = offsets[t + 1];
    starts[i] = lo === 0 ? s : seek(docs, s, e, lo);
    ends[i] = hi >= acc.length ? e : seek(docs, starts[i], e, hi);
    remaining += ends[i] - starts[i];
  }
  // rest[i]: the most that terms i.. can add to any one document.
  const rest = new Float64Array(m + 1);
  for (let i = m - 1; i >= 0; i--) rest[i] = rest[i + 1] + plan.bound[i];
  let i = 0;
  let candidates = null;
  // Checks are spaced by a pass over the accumulators' worth of postings, so they cost at most as much as the walk.
  let lastCheck = Infinity;
  // Documents first reached by the rarest terms: the k-th best among them is a lower bound of the
  // k-th best overall, read far more cheaply than a pass over every accumulator.
  // Reused: a search runs to its end before another starts on this thread, and only the first
  // `sampled` entries are read (16 KB made and dropped per search was garbage for nothing).
  const sample = SAMPLE_BUFFER;
  let sampled = 0;
  for (; i < m; i++) {
    const f = plan.f[i];
    const add = plan.add[i];
    const start = starts[i];
    const end = ends[i];
    const len = end - start;
    // A check costs a pass over the accumulators: worth it while the lists left are longer.
    if (lastCheck - remaining >= n && sampled >= k) {
      lastCheck = remaining;
      const floor = kthLargest(acc, sample, sampled, k) - rest[i] * (1 + 1e-6);
      if (floor > 0) {
        // Binary searches for the documents still in the race, against walking the lists left.
        const c = countAbove(acc, lo, hi, floor);
        if (BINARY_STEP_COST * c * Math.log2(n + 1) * (m - i) < remaining) {
          candidates = above(acc, lo, hi, floor, c);
          break;
        }
      }
    }
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
    for (; i < m; i++) {
      const f = plan.f[i];
      const add = plan.add[i];
      let p = starts[i];
      const end = ends[i];
      for (let j = 0; j < candidates.length && p < end; j++) {
        const d = candidates[j];
        p = seek(docs, p, end, d);
        if (p < end && docs[p] === d) acc[d] += impacts[p] * f + add;
      }
    }
  }
  const best = topK(acc, candidates, lo, hi, k);
  const scores = new Float32Array(best.length);
  for (let j = 0; j < best.length; j++) scores[j] = acc[best[j]];
  acc.fill(0, lo, hi);
  return { indices: Uint32Array.from(best), scores };
}

/**
 * First position in docs[lo, end) holding a document ≥ d (postings are in document order).
 * Callers seek ascending documents from the last position, so each list is read once at most.
 */
export function seek(docs, lo, end, d) {
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Two ranked lists (best first, ties: the lower index) merged into the k best: what one search
 * over the union of their ranges gives.
 */
export function mergeRanked(a, b, k) {
  const m = Math.min(k, a.indices.length + b.indices.length);
  const out = { indices: new Uint32Array(m), scores: new Float32Array(m) };
  let x = 0;
  let y = 0;
  for (let j = 0; j < m; j++) {
    const takeA =
      y >= b.indices.length ||
      (x < a.indices.length && (a.scores[x] > b.scores[y] || (a.scores[x] === b.scores[y] && a.indices[x] < b.indices[y])));
    if (takeA) {
      out.indices[j] = a.indices[x];
      out.scores[j] = a.scores[x++];
    } else {
      out.indices[j] = b.indices[y];
      out.scores[j] = b.scores[y++];
    }
  }
  return out;
}

/** The k-th largest accumulator among `m` documents (0 when fewer than k). */
function kthLargest(acc, among, m, k) {
  if (m < k) return 0;
  const heap = new MinHeap(k, acc);
  for (let j = 0; j < m; j++) heap.offer(among[j]);
  return acc[heap.top()];
}

function countAbove(acc, lo, hi, floor) {
  let c = 0;
  for (let d = lo; d < hi; d++) if (acc[d] >= floor) c++;
  return c;
}

/** The `c` documents (ascending) of [lo, hi) whose accumulator is at least `floor` (> 0). */
function above(acc, lo, hi, floor, c) {
  const out = new Uint32Array(c);
  c = 0;
  for (let d = lo; d < hi; d++) if (acc[d] >= floor) out[c++] = d;
  return out;
}

/** The k best documents among `among` (or all of [lo, hi) with a positive score), best first. */
function topK(acc, among, lo, hi, k) {
  const heap = new MinHeap(k, acc);
  if (among) {
    for (let j = 0; j < among.length; j++) if (acc[among[j]] > 0) heap.offer(among[j]);
  } else {
    for (let d = lo; d < hi; d++) if (acc[d] > 0) heap.offer(d);
  }
  return heap.drain();
}

/** A bounded min-heap of document indices by score (lower index wins ties), in a typed array. */
class MinHeap {
  constructor(k, score) {
    this.k = k;
    this.score = score;
    this.items = new Uint32Array(k);
    this.size = 0;
  }

  /** a ranks below b: lower score, or the same score and a higher index. */
  below(a, b) {
    const sa = this.score[a];
    const sb = this.score[b];
    return sa < sb || (sa === sb && a > b);
  }

  top() {
    return this.items[0];
  }

  offer(d) {
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

  down(i) {
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
  drain() {
    const out = Array.from(this.items.subarray(0, this.size));
    return out.sort((a, b) => (this.below(a, b) ? 1 : this.below(b, a) ? -1 : 0));
  }
}
