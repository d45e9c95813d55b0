/**
 * Hybrid retrieval: BM25F and vector search fused, a document-reference boost, a lexical
 * coverage rerank, and the coverage signal the composer uses to abstain.
 *
 * The vector search is a function so any store plugs in (LangChain HNSWLib, raw hnswlib-node,
 * brute force in tests); it returns chunk indices into `chunks`.
 */
import { BaseRetriever } from '@langchain/core/retrievers';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import { docNumberKey, escapeRegExp, fold, foldedSyllables, quotedSpans, wordsOf } from '../text.js';
import type { Chunk, Scored } from '../types.js';
import { expandAbbreviation } from './abbreviations.js';
import { withAlternatives } from './thesaurus.js';
import { askedNegations, headingNegates } from './negation.js';
import { type AnalyzedQuery, analyzeQuery, DEFAULT_QUERY_WEIGHTS, foldToken, type QueryWeights, STOP_SYLLABLES } from './analyze.js';
import type { BM25Index } from './bm25.js';
import type { SplitLexicalSearch } from './split-search.js';
import { definedIn } from './definitions.js';
import { withoutSource } from '../question-source.js';
import { chunkIndexOf, passageIndex, type Lookup } from './passage-index.js';
import { BoundedMap } from '../memo.js';
import { PhraseTable } from '../phrase-table.js';
import { namesOnly, SCOPE_ARTICLE_WITHIN, scopeQuestion, scopeRank, type ScopeQuestion } from './scope.js';

export type VectorSearch = (
  vector: number[],
  k: number,
) => Promise<{ index: number; score: number }[]> | { index: number; score: number }[];

export interface HybridOptions {
  /** Candidates taken from each ranker before fusion and rerank. */
  candidates: number;
  /** Share of the vector ranker in the fused score (0 = BM25 only). */
  vectorWeight: number;
  /** 'score': max-normalised weighted sum; 'rrf': reciprocal rank fusion. */
  fusion: 'score' | 'rrf';
  rrfK: number;
  /** Added (relative to a top score of 1) for chunks of a document the query names by number. */
  referenceBoost: number;
  /** Weight of the coverage rerank feature. */
  coverageWeight: number;
  /** Weight of the heading-match rerank feature (coverage of the query by the chunk's heading alone). */
  headingWeight: number;
  /**
   * Weight of heading precision: the IDF-weighted share of the heading's own content words
   * that the question repeats. An article titled with exactly the question's rare words is
   * the rule itself, not a text that merely mentions them.
   */
  headingPrecisionWeight: number;
  /**
   * Added for chunks of a document whose full title the question writes ("Theo Luật Tố cáo, …",
   * "BLTTHS" expanded): that law's own articles, not the guides that cite it.
   */
  namedTitleBoost: number;
  /**
   * A title without its type word ("tố tụng hình sự" for "Bộ luật Tố tụng hình sự") also names
   * the document when it has at least this many words: a long name is specific, "khiếu nại" is not.
   */
  bareTitleWords: number;
  /** Added for chunks that define the subject of a "X là gì?" question ("N. X là …"). */
  definitionBoost: number;
  /**
   * Added for the article that says what a named document governs ("Điều 1. Phạm vi điều chỉnh")
   * when that is all the question asks (see scope.ts): above the articles that repeat the name.
   */
  scopeBoost: number;
  /** Added for chunks that list, in a table cell of its own, a term the question quotes ("chữ viết tắt của 'Quy định'"). */
  quotedCellBoost: number;
  /** Added for chunks whose heading negates what the question negates ("không khởi tố"): see negation.ts. */
  negatedHeadingBoost: number;
  /**
   * Added for chunks that write a rare term the question quotes ("chữ 'Tết' khi nào viết hoa?"):
   * quoting names what the answer must hold. Only a term with a syllable at least QUOTED_RARITY
   * rare: a common one ("'Quy định'") is in every chunk, and the table-cell boost finds it.
   */
  quotedTermBoost: number;
  queryWeights: QueryWeights;
}

/** How rare (IDF) a quoted term's rarest syllable must be for quotedTermBoost: "tết" is 6.4, "quy" 0.6, "lộ" 3.8. */
const QUOTED_RARITY = 4.5;

export const DEFAULT_HYBRID: HybridOptions = {
  candidates: 50,
  vectorWeight: 0.1,
  fusion: 'score',
  rrfK: 60,
  referenceBoost: 1,
  coverageWeight: 0,
  // Tuned on the BEIR train splits (no regression on any split) and the labelled dev set.
  headingWeight: 0.1,
  headingPrecisionWeight: 0.25,
  namedTitleBoost: 0.2,
  bareTitleWords: 4,
  definitionBoost: 0.5,
  scopeBoost: 1,
  quotedCellBoost: 0.3,
  negatedHeadingBoost: 0.3,
  quotedTermBoost: 0.3,
  queryWeights: DEFAULT_QUERY_WEIGHTS,
};

export interface HybridInit {
  chunks: Chunk[];
  bm25: BM25Index;
  vectorSearch?: VectorSearch;
  embeddings?: Embeddings;
  options?: Partial<HybridOptions>;
  /** Walks half the lexical postings in a worker thread (large indexes). */
  splitSearch?: SplitLexicalSearch | null;
  /** Defined term → chunks defining it, as built at ingest; without it, chunks are read per question. */
  definitions?: ReadonlyMap<string, readonly number[]> | null;
}

/** Why a retrieval could not run (e.g. index and chunks out of step). */
export class RetrievalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetrievalError';
  }
}

/** Documents a scope question is looked up in, at most. */
const MAX_SCOPED_DOCUMENTS = 8;

/** How a document is looked up: its full (and bare) titles, its number key, its "type|number" reference. */
interface DocumentKeys {
  titles: string[];
  number?: string;
  ref?: string;
}

export class HybridRetriever {
  readonly options: HybridOptions;
  private readonly chunks: Chunk[];
  private readonly bm25: BM25Index;
  private readonly vectorSearch?: VectorSearch;
  private readonly embeddings?: Embeddings;
  private readonly splitSearch: SplitLexicalSearch | null;
  private readonly definitions: ReadonlyMap<string, readonly number[]> | null;
  /** docNumberKey → chunk indices, and bare "type|number" → chunk indices. */
  private readonly byNumber = new Map<string, number[]>();
  private readonly byRef = new Map<string, number[]>();
  /**
   * Folded syllable sets of headings, computed once per chunk: chunks are immutable within an
   * index version, and recomputing the sets of every candidate was most of the cost of a query.
   * Bounded so memory stays flat. Whole chunks are read through the shared chunkIndexOf.
   */
  private readonly headingSets = new BoundedMap<number, Lookup>(20_000);
  private readonly headingWords = new BoundedMap<number, WeightedWords>(20_000);
  /** Folded full title → chunk indices of the documents carrying it. */
  private readonly byTitle = new Map<string, number[]>();
  /**
   * Rank of each title in byTitle, and the titles by their first word: a question is matched by
   * looking up the titles its words can start, not by scanning every document's title (tens of
   * thousands at 100k chunks, most starting with the same "Nghị định quy định …") nor every run
   * of its words up to the longest title's length.
   */
  private titleTable?: { rank: Map<string, number>; table: PhraseTable<{ phrase: string[]; title: string }> };
  /** Terms each chunk defines ("1. An ninh mạng là …"), read for the chunks a definition question can concern. */
  private readonly definedTerms = new BoundedMap<number, Set<string>>(20_000);

  constructor(init: HybridInit) {
    if (init.bm25.size !== init.chunks.length) {
      throw new RetrievalError(`BM25 index has ${init.bm25.size} entries for ${init.chunks.length} chunks`);
    }
    this.chunks = init.chunks;
    this.bm25 = init.bm25;
    this.vectorSearch = init.vectorSearch;
    this.embeddings = init.embeddings;
    this.splitSearch = init.splitSearch ?? null;
    this.definitions = init.definitions ?? null;
    this.options = { ...DEFAULT_HYBRID, ...init.options };
    // Title, type and number belong to the document: their keys are worked out once per
    // document, not once per chunk (1.7 s of index load at 100k chunks). Looked up by docId, a
    // string the chunks of a document share (its hash is computed once), and checked, so chunks
    // that share a docId but not a title (hand-made ones) still get their own keys.
    const perDoc = new Map<string, DocumentKeys & { of: Chunk }>();
    init.chunks.forEach((c, i) => {
      let d = perDoc.get(c.docId);
      if (!d || d.of.title !== c.title || d.of.type !== c.type || d.of.number !== c.number) {
        d = { of: c, ...this.documentKeys(c) };
        perDoc.set(c.docId, d);
      }
      for (const t of d.titles) push(this.byTitle, t, i);
      if (d.number !== undefined) push(this.byNumber, d.number, i);
      if (d.ref !== undefined) push(this.byRef, d.ref, i);
    });
  }

  private documentKeys(c: Chunk): DocumentKeys {
    const out: DocumentKeys = { titles: [] };
    const title = phrase(c.title ?? '');
    if (title.includes(' ')) out.titles.push(title);
    const type = phrase(c.type ?? '');
    if (type && title.startsWith(`${type} `)) {
      const bare = title.slice(type.length + 1);
      if (bare.split(' ').length >= this.options.bareTitleWords) out.titles.push(bare);
    }
    if (!c.number) return out;
    out.number = docNumberKey(c.number);
    const lead = c.number.match(/^\d+/)?.[0];
    if (lead) out.ref = `${fold(c.type)}|${Number(lead)}`;
    return out;
  }

  /** Chunk indices of the documents the query names ("221/KH-VKSTC", "kế hoạch 221"). */
  private referenced(q: AnalyzedQuery): Set<number> {
    const out = new Set<number>();
    for (const n of q.docNumbers) for (const i of this.byNumber.get(n) ?? []) out.add(i);
    for (const r of q.references) for (const i of this.byRef.get(`${fold(r.type)}|${Number(r.number)}`) ?? []) out.add(i);
    return out;
  }

  /** Chunk indices of the documents whose full title the question writes (abbreviations expanded). */
  private named(query: string): Set<number> {
    const out = new Set<number>();
    if (this.byTitle.size === 0) return out;
    const parts = [phrase(query)];
    for (const m of query.matchAll(/[\p{L}\p{N}]{2,8}/gu)) {
      const exp = expandAbbreviation(m[0].toUpperCase());
      if (exp) parts.push(phrase(exp));
    }
    const { rank, table } = this.titlesByFirstWord();
    const found = new Set<string>();
    for (const part of parts) {
      const words = part.split(' ');
      for (let i = 0; i < words.length; i++) table.forEachAt(words, i, (e) => found.add(e.title));
    }
    // In title order, as a scan of every title would give: ties downstream keep this order.
    for (const title of [...found].sort((a, b) => rank.get(a)! - rank.get(b)!)) for (const i of this.byTitle.get(title)!) out.add(i);
    return out;
  }

  private titlesByFirstWord(): NonNullable<HybridRetriever['titleTable']> {
    if (this.titleTable) return this.titleTable;
    const rank = new Map<string, number>();
    for (const title of this.byTitle.keys()) rank.set(title, rank.size);
    const table = new PhraseTable([...rank.keys()].map((title) => ({ phrase: title.split(' '), title })));
    return (this.titleTable = { rank, table });
  }

  /** Stops the retriever's worker once its searches in flight are answered (the index version is dropped). */
  retire(): void {
    this.splitSearch?.retire();
  }

  async retrieve(query: string, k = 8): Promise<Scored<Chunk>[]> {
    const o = this.options;
    const q = analyzeQuery(query, this.bm25.options.analyze, o.queryWeights);
    // With a split search, the worker walks its half of the postings while this thread searches the graph.
    const lexical = this.splitSearch?.begin(this.bm25.flatPlan(q.terms), o.candidates);
    let vec: { index: number; score: number }[] = [];
    if (o.vectorWeight > 0 && this.vectorSearch && this.embeddings) {
      const v = await this.embeddings.embedQuery(query);
      vec = (await this.vectorSearch(v, Math.min(o.candidates, this.chunks.length))).filter((h) => h.index >= 0 && h.index < this.chunks.length);
    }
    const bm = lexical ? this.bm25.hitsOf(await lexical.finish()) : this.bm25.search(q.terms, o.candidates);
    const refs = this.referenced(q);
    const pool = new Set<number>([...bm.map((h) => h.index), ...vec.map((h) => h.index)]);
    // Chunks of a named document compete even when the question's wording misses them
    // (its best-matching ones only, so a 500-chunk code does not flood the rerank).
    for (const i of this.bestOf(q, [...refs], o.candidates)) pool.add(i);
    const named = o.namedTitleBoost > 0 ? this.named(query) : new Set<number>();
    for (const i of this.bestOf(q, [...named], o.candidates)) pool.add(i);
    const defined = o.definitionBoost > 0 ? this.definitionsOf(query) : new Set<number>();
    for (const i of defined) pool.add(i);
    const scope = o.scopeBoost > 0 && (refs.size || named.size) ? scopeQuestion(query) : undefined;
    const scoped = scope ? this.scopeChunks(scope, new Set([...refs, ...named])) : new Set<number>();
    for (const i of scoped) pool.add(i);
    if (pool.size === 0) return [];
    const ids = [...pool];
    const fused = this.fuse(q, ids, bm, vec);
    const spans = o.quotedCellBoost > 0 || o.quotedTermBoost > 0 ? quotedSpans(query) : [];
    const cells = o.quotedCellBoost > 0 ? quotedCells(spans) : [];
    const inCell = (i: number) => cells.some((cell) => cell.test(this.chunks[i].text));
    const quoted = o.quotedTermBoost > 0 ? spans.map((span) => foldedSyllables(span)).filter((w) => w.some((t) => this.bm25.rarity(t) >= QUOTED_RARITY)) : [];
    const holdsQuoted = (i: number) => quoted.some((words) => chunkIndexOf(this.chunks[i]).hasPhrase(words));
    const negated = o.negatedHeadingBoost > 0 ? askedNegations(query) : [];
    const negates = (i: number) => headingNegates(this.chunks[i].heading ?? '', negated);
    let scored = ids.map((i, j) => ({
      index: i,
      score:
        fused[j] +
        (refs.has(i) ? o.referenceBoost : 0) +
        (named.has(i) ? o.namedTitleBoost : 0) +
        (defined.has(i) ? o.definitionBoost : 0) +
        (scoped.has(i) ? o.scopeBoost : 0) +
        (cells.length && inCell(i) ? o.quotedCellBoost : 0) +
        (negated.length && negates(i) ? o.negatedHeadingBoost : 0) +
        (quoted.length && holdsQuoted(i) ? o.quotedTermBoost : 0),
      coverage: 0,
    }));
    const asked = new Set([...q.content, ...q.implied]);
    const weighted = weighWords(q.content, this.bm25);
    // A heading adds at most this (recall and precision are shares): a chunk that stays below
    // the k-th best score even with it cannot reach the top k, and its heading is never read.
    const headingMax = Math.max(0, o.headingWeight) + Math.max(0, o.headingPrecisionWeight);
    const floor = o.coverageWeight > 0 ? -Infinity : kthScore(scored, k) - headingMax - 1e-9;
    for (const s of scored) {
      if (o.headingWeight <= 0 && o.headingPrecisionWeight <= 0) break;
      if (s.score < floor) continue;
      const h = this.chunks[s.index].heading;
      if (!h) continue;
      const recall = coverageWith(weighted, this.headingSets.getOrCreate(s.index, () => passageIndex(h).unigrams));
      s.score += o.headingWeight * recall;
      if (o.headingPrecisionWeight > 0 && recall > 0) {
        const p = precisionOf(this.headingWords.getOrCreate(s.index, () => weighWords(contentWords(h), this.bm25)), asked);
        // Scaled by the recall so a one-word heading the question happens to repeat gains little.
        s.score += o.headingPrecisionWeight * p * recall;
      }
    }
    if (o.coverageWeight > 0) {
      for (const s of scored) {
        s.coverage = this.coverageAt(weighted, s.index, q);
        s.score += o.coverageWeight * s.coverage;
      }
    }
    scored.sort((a, b) => b.score - a.score || a.index - b.index);
    scored = scored.slice(0, k);
    if (o.coverageWeight > 0) return scored.map((s) => ({ item: this.chunks[s.index], score: s.score, coverage: s.coverage }));
    // Not a rerank feature: computed when read. The abstention check reads the best hit's only,
    // and coverage needs the passage's whole index, which is most of what a cold question costs.
    const coverageAt = (index: number) => this.coverageAt(weighted, index, q);
    return scored.map((s) => lazyCoverage(this.chunks[s.index], s.score, () => coverageAt(s.index)));
  }

  /**
   * The chunks that say what each named document governs: its scope article among its first
   * chunks or, for a summary without one, its opening chunk when its heading states the subject.
   */
  private scopeChunks(scope: ScopeQuestion, indices: ReadonlySet<number>): Set<number> {
    const out = new Set<number>();
    // Per document: what answers, best first (the article asked for, the scope article, the subject line).
    const found = new Map<string, { left: number; named: boolean; best?: [number, number] }>();
    for (const i of [...indices].sort((a, b) => a - b)) {
      const c = this.chunks[i];
      let d = found.get(c.docId);
      if (!d) {
        // A question naming many documents ("Luật 2018") asks about none of them in particular.
        if (found.size === MAX_SCOPED_DOCUMENTS) break;
        found.set(c.docId, (d = { left: SCOPE_ARTICLE_WITHIN, named: namesOnly(scope.document, c) }));
      }
      if (!d.named || d.left-- <= 0) continue;
      const rank = scopeRank(c, scope.kind);
      if (rank !== undefined && (!d.best || rank < d.best[1])) d.best = [i, rank];
    }
    for (const d of found.values()) if (d.best) out.add(d.best[0]);
    return out;
  }

  /** Chunks that define the subject of a definition question ("X là gì?"), none for other questions. */
  private definitionsOf(query: string): Set<number> {
    const whole = definitionSubject(query);
    if (!whole) return new Set();
    // "Dấu thời gian trong giao dịch điện tử là gì?": the law defines "dấu thời gian"; the scope
    // the user adds is the law's own field. Only when nothing defines the whole subject.
    const head = SCOPED_SUBJECT.exec(whole)?.[1];
    const subject = head && !this.isDefined(whole) && this.isDefined(head) ? head : whole;
    const words = [...new Set(subject.split(' '))];
    // The chunks that define the subject and hold each of its words as the lexical index reads them.
    if (this.definitions) return new Set(this.bm25.docsWithAll(words, this.definitions.get(subject) ?? []));
    // Without the ingest's table (an older index version), only chunks holding every word of the
    // subject can define it: the postings say which.
    const out = new Set<number>();
    for (const i of this.bm25.docsWithAll(words)) {
      if (this.definedTerms.getOrCreate(i, () => definedIn(this.chunks[i])).has(subject)) out.add(i);
    }
    return out;
  }

  /** Whether the ingest's table knows a chunk defining the term (true without a table: the postings decide). */
  private isDefined(term: string): boolean {
    return this.definitions ? this.definitions.has(term) : true;
  }

  /**
   * IDF-weighted share of the query's content syllables present in the chunk (title, number,
   * heading, text; abbreviations expanded). 1 = every meaningful word of the question appears.
   */
  private coverageAt(weighted: WeightedWords, index: number, q: AnalyzedQuery): number {
    const have = chunkIndexOf(this.chunks[index]).unigrams;
    // A paraphrase ("trả tiền") is covered by a chunk that writes the field's word for it ("chi phí").
    return coverageWith(weighted, q.synonyms.length ? withAlternatives(have, q.synonyms) : have);
  }

  /** The n indices among `indices` with the best lexical score. */
  private bestOf(q: AnalyzedQuery, indices: number[], n: number): number[] {
    if (indices.length <= n) return indices;
    const scores = this.bm25.scoreDocs(q.terms, indices);
    return indices
      .map((i, j) => [i, scores[j]] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([i]) => i);
  }

  private fuse(q: AnalyzedQuery, ids: number[], bm: { index: number; score: number }[], vec: { index: number; score: number }[]): number[] {
    const o = this.options;
    const a = vec.length ? o.vectorWeight : 0;
    if (o.fusion === 'rrf') {
      const rank = (list: { index: number }[]) => new Map(list.map((h, r) => [h.index, r]));
      const rb = rank(bm);
      const rv = rank(vec);
      // Scaled so the best possible fused score is 1, comparable with the boosts.
      const norm = 1 / (o.rrfK + 1);
      return ids.map((i) => {
        const b = rb.has(i) ? 1 / (o.rrfK + 1 + rb.get(i)!) : 0;
        const v = rv.has(i) ? 1 / (o.rrfK + 1 + rv.get(i)!) : 0;
        return ((1 - a) * b + a * v) / norm;
      });
    }
    // The lexical ranker already scored its own hits (the same floats scoreDocs gives): only
    // the others are looked up, each a binary search per query term in long lists at 100k.
    const known = new Map(bm.map((h) => [h.index, h.score]));
    const others = ids.filter((i) => !known.has(i));
    const looked = this.bm25.scoreDocs(q.terms, others);
    others.forEach((i, j) => known.set(i, looked[j]));
    const lex = ids.map((i) => known.get(i)!);
    let top = 0;
    for (const s of lex) top = Math.max(top, s);
    const vs = new Map(vec.map((h) => [h.index, h.score]));
    const vTop = vec.length ? Math.max(...vec.map((h) => h.score)) : 1;
    const vFloor = vec.length ? Math.min(...vec.map((h) => h.score)) : 0;
    return ids.map((i, j) => (1 - a) * (top > 0 ? lex[j] / top : 0) + (a * (vs.get(i) ?? vFloor)) / (vTop || 1));
  }

  /** A LangChain retriever over this one, for LLM chains. */
  asLangChainRetriever(k = 8): BaseRetriever {
    return new HybridLangChainRetriever(this, k);
  }
}

/** The k-th best score (-Infinity when there are k or fewer). */
function kthScore(scored: ReadonlyArray<{ score: number }>, k: number): number {
  if (scored.length <= k || k <= 0) return -Infinity;
  return scored
    .map((s) => s.score)
    .sort((a, b) => b - a)[k - 1];
}

/** A hit whose coverage is computed on first read, then kept. */
function lazyCoverage(item: Chunk, score: number, compute: () => number): Scored<Chunk> {
  let coverage: number | undefined;
  return {
    item,
    score,
    get coverage() {
      return (coverage ??= compute());
    },
  };
}

/** Words with their IDF weights, computed once (per query, or per heading: the index is immutable). */
interface WeightedWords {
  words: string[];
  weights: Float64Array;
  total: number;
}

function weighWords(words: string[], bm25: BM25Index): WeightedWords {
  // Unknown terms weigh like the rarest known ones: a word absent from the whole index is a miss.
  const weights = Float64Array.from(words, (t) => bm25.rarity(t));
  return { words, weights, total: weights.reduce((a, b) => a + b, 0) };
}

/** IDF-weighted share of the words present in `have`. */
function coverageWith(w: WeightedWords, have: Lookup): number {
  if (w.total <= 0) return 0;
  let hit = 0;
  for (let i = 0; i < w.words.length; i++) if (have.has(w.words[i])) hit += w.weights[i];
  return hit / w.total;
}

/**
 * IDF-weighted share of `words` (a heading's or title's content words) that the question
 * contains: 1 when the question repeats every rare word of the heading.
 */
function precisionOf(heading: WeightedWords, asked: Lookup): number {
  return coverageWith(heading, asked);
}

/** Folded content syllables of a heading: no stop syllables or numbers ("Điều 12."). */
function contentWords(text: string): string[] {
  return [...syllableSet(text)].filter((t) => !STOP_SYLLABLES.has(t) && !/^\d/.test(t));
}

/** Folded words of a text joined by single spaces, for phrase containment. */
function phrase(text: string): string {
  return foldedSyllables(text).join(' ');
}

/**
 * Folded subject of a definition question: "Theo Luật X, an ninh mạng được hiểu là gì?" →
 * "an ninh mang"; "thế nào là khiếu nại?" → "khieu nai"; null for other questions.
 */
export function definitionSubject(query: string): string | null {
  const q = fold(withoutSource(query)).toLowerCase().replace(/[?!.…]+\s*$/u, '').trim();
  const m =
    /(?:^|[,:;]\s*)([^,:;]+?)\s+(?:duoc hieu la|duoc goi la|co nghia la|nghia la|la)\s+gi$/u.exec(q) ??
    /(?:^|[,:;]\s*)(?:the nao|the nao duoc (?:goi|hieu|coi)) la\s+([^,:;]+)$/u.exec(q) ??
    // "Tấn công mạng được định nghĩa như thế nào?", "… được hiểu ra sao?" (not "được quy định thế nào": that asks the rules).
    /(?:^|[,:;]\s*)([^,:;]+?)\s+(?:duoc dinh nghia|duoc hieu|duoc giai thich|co nghia)\s+(?:(?:nhu )?the nao|ra sao|nhu nao|la gi)$/u.exec(q) ??
    /(?:^|[,:;]\s*)(?:khai niem|dinh nghia)\s+([^,:;]+)$/u.exec(q) ??
    // "'Tiếp cận thông tin' gồm những việc gì?": a term the law defines as the acts it is ("là việc đọc, xem, nghe …").
    /(?:^|[,:;]\s*)([^,:;]+?)\s+(?:bao )?gom (?:nhung |cac )?(?:viec|hoat dong|hanh vi) (?:gi|nao)$/u.exec(q);
  if (!m) return null;
  // "Luật An ninh mạng định nghĩa gián điệp mạng là gì?": what the law is said to define comes after the verb.
  const words = m[1]
    .replace(/^(?:.*\s)?(?:dinh nghia|giai thich)\s+/u, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.length >= 1 && words.length <= 8 ? words.join(' ') : null;
}

/**
 * A term the question quotes, as a whole table cell: "| Quy định |". A table that lists the
 * quoted name in a cell of its own is about that very thing (its abbreviation, its form), where
 * running text only uses the word.
 */
function quotedCells(spans: readonly string[]): RegExp[] {
  return spans.map((span) => new RegExp(`\\|\\s*${escapeRegExp(span).replace(/ /g, '\\s+')}\\s*\\|`, 'iu'));
}

/**
 * A defined term followed by the field it is asked in: "dau thoi gian | trong giao dich dien tu". Not
 * "tại" nor "thuộc": folded, "tai" is also "tài" (tài khoản, tài liệu), and "thông tin thuộc bí mật nhà
 * nước" is a term of its own.
 */
const SCOPED_SUBJECT = /^(.+?) (?:trong|theo|doi voi) .+$/u;

const CAPS = /(?<![\p{L}\p{N}])\p{Lu}{2,8}(?![\p{L}\p{N}])/gu;

/** Folded syllables of a text plus the syllables of the abbreviations it writes (memoised folds: cheap per chunk). */
function syllableSet(text: string): Set<string> {
  const set = new Set<string>();
  for (const w of wordsOf(text)) set.add(foldToken(w));
  for (const m of text.matchAll(CAPS)) {
    const exp = expandAbbreviation(m[0]);
    if (exp) for (const t of exp.split(' ')) set.add(t);
  }
  return set;
}

/** The part of LangChain's HNSWLib (or any VectorStore) the hybrid retriever needs. */
export interface VectorStoreLike {
  similaritySearchVectorWithScore(query: number[], k: number): Promise<[DocumentInterface, number][]>;
}

/**
 * A VectorSearch over a LangChain vector store. HNSWLib in cosine space returns a distance
 * (1 − cos), hence `distance: true` by default; `indexOf` maps a stored document back to its
 * chunk index (e.g. from `metadata.index`, or a chunk-id → index map).
 */
export function vectorSearchFromStore(
  store: VectorStoreLike,
  indexOf: (doc: DocumentInterface) => number | undefined,
  distance = true,
): VectorSearch {
  return async (vector, k) => {
    const out: { index: number; score: number }[] = [];
    for (const [doc, s] of await store.similaritySearchVectorWithScore(vector, k)) {
      const index = indexOf(doc);
      if (index !== undefined) out.push({ index, score: distance ? 1 - s : s });
    }
    return out;
  };
}

function push<V>(m: Map<string, V[]>, key: string, v: V): void {
  const a = m.get(key);
  if (a) a.push(v);
  else m.set(key, [v]);
}

class HybridLangChainRetriever extends BaseRetriever {
  lc_namespace = ['vks-assistant', 'retrievers'];

  constructor(
    private readonly hybrid: HybridRetriever,
    private readonly k: number,
  ) {
    super();
  }

  async _getRelevantDocuments(query: string): Promise<Document[]> {
    const hits = await this.hybrid.retrieve(query, this.k);
    return hits.map(
      (h) =>
        new Document({
          pageContent: h.item.heading ? `${h.item.heading}\n${h.item.text}` : h.item.text,
          metadata: { ...h.item, text: undefined, score: h.score, coverage: h.coverage },
          id: h.item.id,
        }),
    );
  }
}
