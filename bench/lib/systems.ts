/** The two systems compared on the benchmarks: the plain BM25 baseline and our hybrid retriever. */
import type { Chunk } from '../../core/types.js';
import { BM25Index } from '../../core/retrieval/bm25.js';
import { LocalEmbeddings, dot } from '../../core/retrieval/embeddings.js';
import { HybridRetriever, type HybridOptions } from '../../core/retrieval/hybrid.js';
import type { BeirDoc, Ranker } from './beir-data.js';

/** The corpus README's calibration baseline: k1 1.2, b 0.75, lower-cased NFC `\w+` tokens, heading + body. */
export function baselineRanker(corpus: BeirDoc[]): Ranker {
  const tok = (t: string) => t.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  const idx = BM25Index.build(
    corpus.map((d) => ({ id: d.id, text: d.text.startsWith(d.title) ? d.text : `${d.title}\n${d.text}` })),
    { k1: 1.2, b: 0.75, delta: 0, fieldWeights: { body: 1, heading: 0, title: 0 } },
    tok,
  );
  return async (q, k) => idx.search(tok(q), k).map((h) => h.id);
}

/** Brute-force cosine search over normalised vectors: exact, and fast enough for a few thousand articles. */
export function bruteForce(vectors: Float32Array[]) {
  return (v: number[], k: number) => {
    const scores = vectors.map((x, index) => ({ index, score: dot(v, x) }));
    scores.sort((a, b) => b.score - a.score);
    return scores.slice(0, k);
  };
}

export function hybridRanker(corpus: BeirDoc[], options: Partial<HybridOptions> = {}): { ranker: Ranker; retriever: HybridRetriever } {
  const chunks: Chunk[] = corpus.map((d, ord) => ({
    id: d.id,
    docId: d.id.split('|')[0],
    text: d.title && d.text.startsWith(d.title) ? d.text.slice(d.title.length).trim() : d.text,
    heading: d.title,
    ord,
    title: '',
    type: 'Luật',
  }));
  // As the ingest gives it: the heading line as its own field, the body without it.
  const bm25 = BM25Index.build(chunks.map((c) => ({ id: c.id, text: c.text, heading: c.heading })));
  const embeddings = new LocalEmbeddings().fit(corpus.map((d) => d.text));
  const vectors = corpus.map((d) => embeddings.embed(d.text));
  const retriever = new HybridRetriever({ chunks, bm25, embeddings, vectorSearch: bruteForce(vectors), options });
  return { retriever, ranker: async (q, k) => (await retriever.retrieve(q, k)).map((h) => h.item.id) };
}
