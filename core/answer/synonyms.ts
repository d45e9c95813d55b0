/**
 * The field thesaurus (core/retrieval/thesaurus.ts) on the answer side: a passage that writes
 * "chi phí" holds what a question asking whether one must "trả tiền" asks about, so the
 * question's phrase counts as present when matching, ranking pieces and deciding to abstain.
 */
import { fold } from '../text.js';
import { findSynonyms, type SynonymMatch } from '../retrieval/thesaurus.js';
import { tokens } from './terms.js';
import { extendIndex, type Lookup, type PassageIndex, type TermIndex } from '../retrieval/passage-index.js';

/** Thesaurus phrases the question writes, with their alternatives. */
export function questionSynonyms(question: string): SynonymMatch[] {
  return findSynonyms(tokens(question).map(fold));
}

function has(idx: TermIndex, phrase: string[]): boolean {
  if (phrase.length === 1) return idx.unigrams.has(phrase[0]);
  // A longer phrase is read as written: its inner pairs need not be words of their own
  // ("thiết bị có tính năng thu": "bị có" is the end of one word and the start of the next).
  if (phrase.length > 2 && 'hasPhrase' in idx) return (idx as unknown as PassageIndex).hasPhrase(phrase);
  for (let i = 1; i < phrase.length; i++) if (!idx.bigrams.has(`${phrase[i - 1]} ${phrase[i]}`)) return false;
  if (phrase.length === 3 && 'trigrams' in idx) return (idx.trigrams as Lookup).has(phrase.join(' '));
  return true;
}

/**
 * The index with the question's thesaurus phrases counted as present wherever the passage
 * writes one of their alternatives (read-only view, the index itself is untouched).
 */
export function withSynonyms<T extends TermIndex>(idx: T, matches: readonly SynonymMatch[]): T {
  if (!matches.length) return idx;
  const uni = new Set<string>();
  const bi = new Set<string>();
  const tri = new Set<string>();
  for (const m of matches) {
    if (!m.alternatives.some((alt) => has(idx, alt))) continue;
    const p = m.phrase;
    p.forEach((s, i) => {
      uni.add(s);
      if (i > 0) bi.add(`${p[i - 1]} ${s}`);
      if (i > 1) tri.add(`${p[i - 2]} ${p[i - 1]} ${s}`);
    });
  }
  return uni.size ? extendIndex(idx, { unigrams: uni, bigrams: bi, trigrams: tri }) : idx;
}
