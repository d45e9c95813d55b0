/**
 * "Luật Tiếp cận thông tin quy định về vấn đề gì?", "Kế hoạch 221 là kế hoạch về gì?": the passage
 * that says what a document the question names governs (its scope article) or is about (a
 * summary's subject heading). Recognised in core/retrieval/scope.ts, which the retriever reads too.
 */
import type { Chunk, Scored } from '../types.js';
import { namesOnly, scopeQuestion, scopeRank, statesSubject } from '../retrieval/scope.js';

export interface ScopeSource {
  hit: Scored<Chunk>;
  /** "article": quote the article whole; "subject": the document's heading is the answer. */
  shape: 'article' | 'subject';
}

/** Among `hits`, what answers a question asking only what a document it names governs, else undefined. */
export function scopeSource(question: string, hits: readonly Scored<Chunk>[]): ScopeSource | undefined {
  const asked = scopeQuestion(question);
  if (!asked) return undefined;
  let best: { hit: Scored<Chunk>; rank: number } | undefined;
  for (const hit of hits) {
    const rank = namesOnly(asked.document, hit.item) ? scopeRank(hit.item, asked.kind) : undefined;
    if (rank !== undefined && (!best || rank < best.rank)) best = { hit, rank };
  }
  return best && { hit: best.hit, shape: statesSubject(best.hit.item) ? 'subject' : 'article' };
}
