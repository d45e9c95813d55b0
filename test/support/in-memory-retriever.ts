/**
 * A HybridRetriever over chunks held in memory, as the runtime builds one over an index version:
 * BM25F over heading, text and title, local embeddings searched exhaustively in place of the graph.
 */
import type { Chunk } from '../../core/types.js';
import { BM25Index } from '../../core/retrieval/bm25.js';
import { LocalEmbeddings, dot } from '../../core/retrieval/embeddings.js';
import { HybridRetriever } from '../../core/retrieval/hybrid.js';

export function inMemoryRetriever(chunks: Chunk[]): HybridRetriever {
  const bm25 = BM25Index.build(chunks.map((c) => ({ id: c.id, text: c.text, heading: c.heading, title: c.title })));
  // The heading is embedded with the text, as ingest does.
  const passages = chunks.map((c) => (c.heading && !c.text.startsWith(c.heading) ? `${c.heading}\n${c.text}` : c.text));
  const embeddings = new LocalEmbeddings().fit(passages);
  const vectors = passages.map((p) => embeddings.embed(p));
  const vectorSearch = (v: number[], k: number) =>
    vectors
      .map((x, index) => ({ index, score: dot(v, x) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  return new HybridRetriever({ chunks, bm25, embeddings, vectorSearch });
}
