/**
 * The assistant the service and the CLI talk to.
 *
 *   guard(input) → rewrite(history) → guard(standalone) → retrieve → guard(passages)
 *   → compose (extractive, or the LLM chain when configured) → guard(output)
 *
 * The loaded index version lives in one immutable snapshot object; `reload()`
 * builds a new snapshot and swaps the reference, so a question already being
 * answered finishes on the version it started with.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from './config.js';
import type { Assistant, AskOptions, AssistantReply, Health } from './assistant.js';
import type { Chunk, Citation, Scored, Turn } from './types.js';
import { checkInput, checkOutput, passageIsClassified, type GuardCategory, type GuardVerdict } from './guard/index.js';
import { RefusalAudit } from './refusal-audit.js';
import { BoundedMap, memoize } from './memo.js';
import { refusalText } from '../prompts/guard.js';
import { HybridRetriever, type HybridOptions } from './retrieval/hybrid.js';
import { SplitLexicalSearch } from './retrieval/split-search.js';
import { ABSTAIN_POOL, composeExtractive, type ComposeOptions } from './answer/compose.js';
import { smallTalk, withoutSmallTalk } from './answer/small-talk.js';
import { SMALL_TALK_TEXT } from '../prompts/small-talk.js';
import type { Particulars } from './answer/issuer.js';
import { isFollowUp, rewriteFollowUp, withoutPreamble } from './answer/rewrite.js';
import { answerInParts, questionParts } from './answer/parts.js';
import { withoutRepealed } from './answer/repealed.js';
import { withConversationPrior } from './retrieval/conversation-prior.js';
import { expandShorthand } from './shorthand.js';
import { correctSpelling } from './answer/spelling.js';
import { composeWithLlm, rewriteWithLlm } from './answer/llm.js';
import { createChatModel } from './answer/providers.js';
import { embedderLoader } from './embedders.js';
import { loadIndexVersion, type EmbedderLoader, type LoadedIndex } from '../ingest/index-version.js';
// Loaded with the service, not on its first index open: index-version imports LangChain's HNSWLib
// only when a version is opened (the ingest never needs it), and an open should not pay for loading it.
import '@langchain/community/vectorstores/hnswlib';
import { readCurrentVersion, versionDir } from '../ingest/store.js';
import { docNumberKey, findDocNumbers } from './text.js';

export interface RuntimeAssistant extends Assistant {
  /** Re-open the current index version (after a re-ingest); in-flight asks finish on the old one. */
  reload(): Promise<void>;
}

/** What one index version needs at question time. */
interface Snapshot {
  version: string;
  index: LoadedIndex;
  retriever: HybridRetriever;
  /** docId → name of the document that replaced it. */
  supersededBy: Map<string, string>;
  /** Extractive answers of this version by standalone question: deterministic, so safe to reuse. */
  answers: BoundedMap<string, CachedAnswer>;
  /** Titles of the documents indexed: a law a question names that is none of them is not here. */
  titles: string[];
  /** Their numbers (docNumberKey): a document a question numbers that is none of them is not here either. */
  numbers: Set<string>;
  /** Each indexed document's particulars (who issued it, when), by docId. */
  particulars: Map<string, Particulars>;
}

type CachedAnswer = Pick<AssistantReply, 'text' | 'abstained' | 'citations'>;

/**
 * Input verdicts remembered, by message. The guard is a pure function of the text and costs
 * as much as a cached answer, and a service sees the same questions (and the same attacks)
 * again and again; refused messages are never answer-cached, so without this each repeat
 * would be analysed anew. Bounded: a message may be a few thousand characters.
 */
const VERDICTS_KEPT = 2000;

export interface RuntimeOptions {
  /** openAssistant defaults it to the configured provider (or none). Tests pass LangChain fake models. */
  chatModel?: BaseChatModel | null;
  embedderLoader?: EmbedderLoader;
  audit?: RefusalAudit;
  /** How many passages reach the composer. */
  topK?: number;
}

export class AssistantRuntime implements RuntimeAssistant {
  private snapshot: Snapshot | null = null;
  private readonly chatModel: BaseChatModel | null;
  private readonly loader: EmbedderLoader;
  private readonly audit: RefusalAudit;
  private readonly topK: number;
  private readonly checkInput: (message: string) => GuardVerdict = memoize(checkInput, VERDICTS_KEPT);

  constructor(
    private readonly cfg: Config,
    private readonly indexDir: string,
    opts: RuntimeOptions = {},
  ) {
    this.chatModel = opts.chatModel ?? null;
    this.loader = opts.embedderLoader ?? embedderLoader(cfg);
    this.audit = opts.audit ?? new RefusalAudit({ file: cfg.REFUSAL_AUDIT_FILE, salt: cfg.AUDIT_SALT });
    this.topK = opts.topK ?? 6;
  }

  get version(): string | null {
    return this.snapshot?.version ?? null;
  }

  private reloads: Promise<void> = Promise.resolve();

  reload(): Promise<void> {
    // One at a time: two overlapping reloads (a version message and a poll) would each open the
    // new version, and the one overwritten would keep its search worker and index in memory.
    const next = this.reloads.then(() => this.reloadNow());
    this.reloads = next.catch(() => undefined);
    return next;
  }

  private async reloadNow(): Promise<void> {
    const version = await readCurrentVersion(this.indexDir);
    const previous = this.snapshot;
    if (version && version === previous?.version) return;
    this.snapshot = version ? await openSnapshot(this.indexDir, version, this.loader, this.cfg) : null;
    // Asks already running on the old version finish first; its search worker then stops.
    previous?.retriever.retire();
  }

  health(): Health {
    const s = this.snapshot;
    return {
      loaded: !!s,
      documents: s?.index.manifest.documentCount ?? 0,
      chunks: s?.index.chunks.length ?? 0,
      version: s?.version ?? null,
    };
  }

  async ask(question: string, options: AskOptions = {}): Promise<AssistantReply> {
    const started = performance.now();
    const id = randomUUID();
    const snapshot = this.snapshot;
    const reply = (r: Omit<AssistantReply, 'id' | 'ms'>): AssistantReply => ({ ...r, id, ms: Math.round((performance.now() - started) * 100) / 100 });
    // A refused turn keeps no standalone question: nothing of it flows into later turns.
    const refuse = async (category: GuardCategory) => {
      await this.audit.record({ userId: options.userId, conversationId: options.conversationId, channel: options.channel, category });
      return reply({ text: refusalText(category), refused: true, abstained: false, citations: [], standalone: '' });
    };

    const verdict = this.checkInput(question);
    const history = (options.history ?? []).filter((t) => t.standalone !== '');
    // "Thế còn tài liệu độ Tuyệt mật?" after a question on how long a level is protected asks that
    // rule of another level: a follow-up that names material and nothing else is judged completed.
    const deferred = !verdict.allowed && verdict.bare === true && isFollowUp(question, history);
    if (!verdict.allowed && !deferred) return refuse(verdict.category);
    // "Xin chào", "cảm ơn", "bạn là ai?": a reply of its own, and nothing that later turns follow up on.
    const talk = verdict.allowed ? smallTalk(question) : undefined;
    if (talk) return reply({ text: SMALL_TALK_TEXT[talk], refused: false, abstained: true, citations: [], standalone: '' });
    // Chat shorthand ("bn", "đc", "ko", "nd30") written out and mistyped words corrected ("mạg"): the analysis reads words.
    const written = correctSpelling(expandShorthand(withoutSmallTalk(question)));
    const standalone = this.chatModel
      ? await rewriteWithLlm(this.chatModel, written, history, { timeoutMs: this.cfg.LLM_TIMEOUT_MS })
      : rewriteFollowUp(withoutPreamble(written), history);
    if (standalone !== question || deferred) {
      const again = standalone === question ? verdict : this.checkInput(standalone);
      if (!again.allowed) return refuse(again.category);
    }
    if (!snapshot) {
      const composed = composeExtractive(standalone, []);
      return reply({ text: composed.text, refused: false, abstained: true, citations: [], standalone });
    }

    // Only the extractive answer is a pure function of the question and the index version.
    const cacheKey = this.chatModel ? null : answerKey(standalone, history);
    const cached = cacheKey === null ? undefined : snapshot.answers.get(cacheKey);
    if (cached) return reply({ ...cached, citations: cached.citations.map((c) => ({ ...c })), refused: false, standalone });

    // "… do ai bổ nhiệm và nhiệm kỳ mấy năm?": each half asked on its own, the second as a follow-up of
    // the first, adds to the whole's answer, which is cached only once complete.
    const parts = this.chatModel ? undefined : questionParts(standalone);
    let answer = await this.answerOne(snapshot, standalone, history, {}, !parts);
    if (!answer) return refuse('classified-content');
    if (parts) {
      const ask = (q: string, quoted: ReadonlySet<string>) => this.answerOne(snapshot, q, history, { quoted, maxUnits: 1 }, false);
      answer = await answerInParts(answer, parts, ask, (q) => this.checkInput(q).allowed);
      if (cacheKey !== null) snapshot.answers.set(cacheKey, answer);
    }
    return reply({ ...answer, citations: answer.citations.map((c) => ({ ...c })), refused: false, standalone });
  }

  /**
   * The answer to one standalone question (ask() has looked it up in the cache already), or null
   * when the output guard stops it. Cached when extractive and `cache` (a half's answer, one piece
   * and none another answer quotes, is not the question's own answer).
   */
  private async answerOne(snapshot: Snapshot, standalone: string, history: Turn[], compose: Partial<Pick<ComposeOptions, 'quoted' | 'maxUnits'>>, cache: boolean): Promise<CachedAnswer | null> {
    const cacheKey = this.chatModel || !cache ? null : answerKey(standalone, history);

    const raw = await snapshot.retriever.retrieve(standalone, this.topK * 2);
    // The extractive composer reranks this pool by its pieces; the LLM reads the best topK.
    // In a conversation, what the last answer cited is a little likelier to hold this one too; a
    // replacement still comes before what it replaced, however recently that was cited.
    let hits = withoutRepealed(preferInForce(withConversationPrior(raw, history), snapshot.supersededBy, standalone), standalone).slice(0, this.topK * 2);

    const superseded = (docId: string) => snapshot.supersededBy.get(docId);
    // Corpus rarity of a folded syllable: one the corpus never holds is the rarest of all.
    const lexical = snapshot.index.lexical;
    const termWeight = (t: string) => lexical.rarity(t);
    // Accents tell "thuế" from "thuê": only an index that kept them can say which the corpus holds.
    const abstain = { knownTitles: snapshot.titles, knownNumbers: snapshot.numbers, ...(lexical.accentAware ? { accentedIdf: (s: string) => lexical.idfOfAccented(s) } : {}) };
    const particularsOf = (docId: string) => snapshot.particulars.get(docId);
    // The passage guard reads only what an answer rests on: the passages it quotes, or those its
    // abstention weighed. A flagged passage is dropped and the answer composed again without it.
    const options = { superseded, termWeight, abstain, particularsOf, ...compose };
    let composed = composeExtractive(standalone, hits, options);
    for (;;) {
      const read = composed.abstained ? hits.slice(0, ABSTAIN_POOL) : composed.used;
      const flagged = new Set(read.filter((h) => chunkIsClassified(h.item)));
      if (!flagged.size) break;
      hits = hits.filter((h) => !flagged.has(h));
      composed = composeExtractive(standalone, hits, options);
    }
    if (this.chatModel && !composed.abstained) {
      const context = hits.filter((h) => !chunkIsClassified(h.item)).slice(0, this.topK);
      composed = await composeWithLlm(this.chatModel, standalone, context, { timeoutMs: this.cfg.LLM_TIMEOUT_MS, history });
    }
    if (!checkOutput(composed.text)) return null;
    const answer: CachedAnswer = { text: composed.text, abstained: composed.abstained, citations: markSuperseded(composed.citations, snapshot.supersededBy) };
    if (cacheKey !== null) snapshot.answers.set(cacheKey, answer);
    return answer;
  }
}

/** The cache key of a standalone question: NFC, spaces collapsed. */
function answerKey(standalone: string, history: readonly Turn[]): string {
  const key = standalone.normalize('NFC').replace(/\s+/g, ' ').trim();
  // The conversation prior makes the answer depend on what the last turn cited as well.
  const cited = history.at(-1)?.cited;
  return cited?.length ? `${key}\u0000${cited.join('|')}` : key;
}

/** Chunks are immutable within a version: the passage guard's verdict is computed once per chunk. */
const classifiedVerdicts = new WeakMap<Chunk, boolean>();
function chunkIsClassified(chunk: Chunk): boolean {
  let v = classifiedVerdicts.get(chunk);
  if (v === undefined) classifiedVerdicts.set(chunk, (v = passageIsClassified(chunk.text)));
  return v;
}

/** One index version opened for questions: its chunks, lexical index and the hybrid retriever over them. */
export async function openRetriever(
  indexDir: string,
  version: string,
  loader: EmbedderLoader,
  /** Chunks from which the lexical search is split over two threads (0 = never). */
  splitMinChunks = 0,
  options: Partial<HybridOptions> = {},
): Promise<{ index: LoadedIndex; retriever: HybridRetriever }> {
  const index = await loadIndexVersion(versionDir(indexDir, version), null);
  const embedder = await loader(index.embedderState, index.manifest);
  // Queries go straight to the graph (searchKnn); the store's own embeddings are never called.
  const vs = index.vectorStore;
  const retriever = new HybridRetriever({
    chunks: index.chunks,
    bm25: index.lexical,
    splitSearch: splitMinChunks > 0 ? SplitLexicalSearch.over(index.lexical, splitMinChunks) : null,
    definitions: index.definitions,
    options,
    embeddings: embedder as unknown as Embeddings,
    vectorSearch: async (vector: number[], k: number) => {
      if (!vs) return [];
      const res = vs.index.searchKnn(vector, Math.min(k, vs.index.getCurrentCount()));
      return res.neighbors.map((i, j) => ({ index: i, score: 1 - res.distances[j] }));
    },
  });
  return { index, retriever };
}

async function openSnapshot(indexDir: string, version: string, loader: EmbedderLoader, cfg: Config): Promise<Snapshot> {
  const options = cfg.RETRIEVAL_VECTOR_WEIGHT === undefined ? {} : { vectorWeight: cfg.RETRIEVAL_VECTOR_WEIGHT };
  const { index, retriever } = await openRetriever(indexDir, version, loader, cfg.SEARCH_SPLIT_MIN_CHUNKS, options);
  const supersededBy = new Map<string, string>();
  for (const f of Object.values(index.manifest.files)) if (f.meta && f.supersededBy) supersededBy.set(f.meta.docId, f.supersededBy);
  const indexed = Object.values(index.manifest.files).filter((f) => f.status === 'indexed' && f.meta);
  const titles = indexed.flatMap((f) => (f.meta!.title ? [f.meta!.title] : []));
  const numbers = new Set(indexed.flatMap((f) => (f.meta!.number ? [docNumberKey(f.meta!.number)] : [])));
  const particulars = new Map(indexed.map((f) => [f.meta!.docId, { issuer: f.meta!.issuer, date: f.meta!.date }]));
  return { version, index, retriever, supersededBy, answers: new BoundedMap<string, CachedAnswer>(cfg.ANSWER_CACHE_SIZE, true), titles, numbers, particulars };
}

/**
 * Superseded documents sink below documents in force, unless the question names
 * the old document's number (someone asking about the old rule gets it).
 */
function preferInForce(hits: Scored<Chunk>[], supersededBy: Map<string, string>, question: string): Scored<Chunk>[] {
  if (!supersededBy.size) return hits;
  const asked = new Set(findDocNumbers(question).map(docNumberKey));
  const rank = (h: Scored<Chunk>) => (supersededBy.has(h.item.docId) && !(h.item.number && asked.has(docNumberKey(h.item.number))) ? 1 : 0);
  return hits
    .map((h, i) => ({ h, i }))
    .sort((a, b) => rank(a.h) - rank(b.h) || a.i - b.i)
    .map((x) => x.h);
}

function markSuperseded(citations: Citation[], supersededBy: Map<string, string>): Citation[] {
  return citations.map((c) => (supersededBy.has(c.source) ? { ...c, superseded: supersededBy.get(c.source) } : c));
}

/** Opens the assistant over the configured index (which may not exist yet: it then abstains). */
export async function openAssistant(cfg: Config, opts: RuntimeOptions & { indexDir?: string } = {}): Promise<RuntimeAssistant> {
  const chatModel = opts.chatModel === undefined ? await createChatModel(cfg) : opts.chatModel;
  const rt = new AssistantRuntime(cfg, path.resolve(opts.indexDir ?? cfg.INDEX_DIR), { ...opts, chatModel });
  await rt.reload();
  return rt;
}
