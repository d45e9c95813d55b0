/**
 * Does the knowledge base answer this question at all? Decided from what the
 * retriever found, not from a list of forbidden topics:
 *  - the retriever's IDF-weighted coverage of the best hits;
 *  - whether the question's words (as two-syllable words, not just syllables,
 *    so "thời tiết" is not matched by "thời hạn" + "chi tiết") occur together
 *    in one of the best passages;
 *  - whether a document the question names by number is in the hits at all.
 */
import type { Chunk, Scored } from '../types.js';
import { docNumberKey, findBareReferences, findDocNumbers, fold } from '../text.js';
import { contentTerms, indexTerms, type QueryTerm, type TermIndex } from './terms.js';

export interface AbstainOptions {
  /** Below this retriever coverage of the best hit, abstain (when the retriever reports coverage). */
  minCoverage: number;
  /** Below this share of the question's (weighted) words found in one passage, abstain. */
  minTermMatch: number;
  /** How many of the best hits are examined. */
  topK: number;
  /** Abstain when the best hit's score is below this (0 disables: scores are retriever-specific). */
  minScore: number;
  /**
   * Optional rarity weight of a folded syllable (e.g. the index's IDF): rare words then
   * count more than "cơ quan" or "nhà nước". Without it every content syllable weighs 1.
   */
  termWeight?: (folded: string) => number;
}

export const DEFAULT_ABSTAIN: AbstainOptions = {
  minCoverage: 0.3,
  minTermMatch: 0.6,
  topK: 3,
  minScore: 0,
};

export type AbstainReason = 'no-hits' | 'low-score' | 'low-coverage' | 'missing-terms' | 'unknown-document' | 'empty-question';

export interface AbstainDecision {
  abstain: boolean;
  reason?: AbstainReason;
  /** Best share of the question's words found together in one passage (0..1). */
  termMatch: number;
  /** Retriever coverage of the best hit, when reported. */
  coverage?: number;
  /** Document numbers named by the question and absent from the hits. */
  unknownDocuments: string[];
}

/** Text of a chunk as matched: heading plus body plus its document's title and number. */
export function chunkMatchText(c: Chunk): string {
  return [c.title, c.number, c.heading, c.text].filter(Boolean).join('\n');
}

/**
 * Share (0..1) of the question's weighted content syllables "found" in a passage. A syllable
 * counts when it forms, with a neighbouring question syllable, a two-syllable word that
 * also occurs in the passage; a syllable with no content neighbour counts when it occurs
 * alone. This is what keeps "thời tiết" from matching "thời hạn ... chi tiết".
 */
export function termMatch(terms: QueryTerm[], idx: TermIndex, weight: (t: string) => number = () => 1): number {
  if (!terms.length) return 0;
  let total = 0;
  let found = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const w = t.weight * weight(t.term);
    total += w;
    const prev = i > 0 && terms[i - 1].pos === t.pos - 1 ? terms[i - 1] : undefined;
    const next = i + 1 < terms.length && terms[i + 1].pos === t.pos + 1 ? terms[i + 1] : undefined;
    let ok: boolean;
    if (!prev && !next) ok = idx.unigrams.has(t.term);
    else
      ok =
        (prev !== undefined && idx.bigrams.has(`${prev.term} ${t.term}`)) ||
        (next !== undefined && idx.bigrams.has(`${t.term} ${next.term}`)) ||
        // A syllable next to a weak (maybe-function) neighbour may stand alone.
        (idx.unigrams.has(t.term) && [prev, next].every((n) => !n || n.weight < 1) && t.weight === 1);
    if (ok) found += w;
  }
  return total > 0 ? found / total : 0;
}

/** Document numbers ("30/2020/NĐ-CP", "kế hoạch 221") the question names and no hit carries. */
export function unknownDocuments(question: string, hits: Scored<Chunk>[]): string[] {
  const numbers = new Set(hits.map((h) => h.item.number).filter((n): n is string => !!n).map(docNumberKey));
  const texts = hits.map((h) => docNumberKey(chunkMatchText(h.item)));
  const missing: string[] = [];
  for (const n of findDocNumbers(question)) {
    const key = docNumberKey(n);
    if (!numbers.has(key) && !texts.some((t) => t.includes(key))) missing.push(n);
  }
  const written = findDocNumbers(question).map((n) => docNumberKey(n).split('/')[0]);
  for (const ref of findBareReferences(question)) {
    // "Nghị định 100/2019/NĐ-CP" is one reference, already checked in full.
    if (written.includes(ref.number)) continue;
    // Years ("luật 2018") are not document numbers; a bare number must head some hit's number.
    if (/^(19|20)\d\d$/.test(ref.number)) continue;
    const headed = [...numbers].some((k) => k.split('/')[0] === ref.number);
    const typed = hits.some((h) => fold(h.item.type) === fold(ref.type) && fold(h.item.title).includes(ref.number));
    // News items and reports cite plans by number ("Kế hoạch số 221/KH-VKSTC") in their text.
    const mentioned = hits.some((h) =>
      findDocNumbers(chunkMatchText(h.item)).some((n) => docNumberKey(n).split('/')[0] === ref.number),
    );
    if (!headed && !typed && !mentioned) missing.push(`${ref.type} ${ref.number}`);
  }
  return missing;
}

export function decideAbstention(
  question: string,
  hits: Scored<Chunk>[],
  options: Partial<AbstainOptions> = {},
): AbstainDecision {
  const opts = { ...DEFAULT_ABSTAIN, ...options };
  const terms = contentTerms(question);
  const top = hits.slice(0, opts.topK);
  const unknown = unknownDocuments(question, top);
  const coverage = top[0]?.coverage;
  const match = Math.max(0, ...top.map((h) => termMatch(terms, indexTerms(chunkMatchText(h.item)), opts.termWeight)));
  const decision = (reason?: AbstainReason): AbstainDecision => ({
    abstain: reason !== undefined,
    reason,
    termMatch: match,
    coverage,
    unknownDocuments: unknown,
  });
  if (!terms.length) return decision('empty-question');
  if (!top.length) return decision('no-hits');
  if (unknown.length) return decision('unknown-document');
  if (opts.minScore > 0 && top[0].score < opts.minScore) return decision('low-score');
  if (coverage !== undefined && coverage < opts.minCoverage) return decision('low-coverage');
  if (match < opts.minTermMatch) return decision('missing-terms');
  return decision();
}
