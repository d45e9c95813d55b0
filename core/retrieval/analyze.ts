/**
 * Vietnamese text analysis shared by the lexical index, the local embeddings and the query side.
 *
 * Every term is folded (no diacritics, lower case) because users type "ke hoach" as often as
 * "kế hoạch". Vietnamese words are one to four syllables, so adjacent-syllable bigrams stand in
 * for a word segmenter ("kiểm sát", "chuyển đổi số"); bigrams never cross punctuation.
 * Document numbers and dates become single terms so "221/KH-VKSTC" is not three weak syllables.
 */
import { type BareReference, detach, docNumberKey, findBareReferences, findDates, findDocNumbers, fold, isUnaccented, lower } from '../text.js';
import { expandAbbreviation } from './abbreviations.js';
import { findSynonyms, type SynonymMatch } from './thesaurus.js';

export interface AnalyzeOptions {
  /** Add adjacent-syllable bigrams ("kiem_sat"). Default true. */
  bigrams?: boolean;
  /** Add adjacent-syllable trigrams ("chuyen_doi_so"). Default false. */
  trigrams?: boolean;
  /** Also emit accented syllables ("~kiểm") where they differ from the folded form. Default false. */
  accented?: boolean;
  /** Append expansions of field abbreviations (KSV → kiem sat vien). Default true. */
  expand?: boolean;
}

export const DEFAULT_ANALYZE: Required<AnalyzeOptions> = { bigrams: true, trigrams: false, accented: false, expand: true };

/** Prefixes keep the special term kinds apart from syllables in one vocabulary. */
export const BIGRAM_SEP = '_';
export const DOCNUM_PREFIX = '#';
export const DATE_PREFIX = '@';
export const ACCENT_PREFIX = '~';

/**
 * Function syllables that carry little meaning on their own (folded). They stay in the
 * index (bigrams need them) but are down-weighted in queries: in one typed with diacritics, only
 * where written as the function word (WRITTEN_FUNCTION).
 */
export const STOP_SYLLABLES: ReadonlySet<string> = new Set(
  (
    'va cua la cac nhung duoc co trong theo cho voi ve nay do thi ma mot nhu khi de tai tu den hoac neu bi da se dang ' +
    'nao gi bao nhieu khong phai hay ai dau sao the nhu vay thuoc tren duoi sau truoc nguoi viec cung con rat ' +
    'cac moi tung tat ca chi nhat hon qua lai ra vao len xuong nua roi van dieu khoan diem'
  ).split(' '),
);

/**
 * The function words of STOP_SYLLABLES as written with their diacritics: in a question typed with
 * them, "dấu" (con dấu) is no "đâu", "tụng" (tố tụng) no "từng", "cơ" (cơ quan) no "có". A syllable
 * written bare ("con", "duoc") may be either, as in a question typed without accents.
 */
const WRITTEN_FUNCTION: ReadonlySet<string> = new Set(
  (
    'và của là lá các những nhưng được có trong theo cho với về này nay đó do thì mà một như khi để tại từ đến hoặc nếu bị đã sẽ đang đằng ' +
    'nào gì bao nhiêu nhiều không phải hay hãy ai đâu sao thế thể vậy thuộc trên dưới sau trước người việc cũng còn rất ' +
    'mọi mỗi mới từng tất cả chỉ nhất hơn qua quá lại ra vào lên xuống nữa rồi vẫn điều khoản điểm'
  ).split(' '),
);

/** Plural markers a question puts between a verb and its noun ("có những quyền", "gồm các bước"). */
export const PLURAL: ReadonlySet<string> = new Set(['nhung', 'cac']);

/**
 * `fold` of one token, memoised: `fold` normalises twice per call, and a corpus has only a few
 * tens of thousands of distinct tokens, so the cache makes analysis several times faster.
 */
const foldCache = new Map<string, string>();
const FOLD_CACHE_MAX = 200_000;
export function foldToken(t: string): string {
  let f = foldCache.get(t);
  if (f === undefined) {
    f = fold(t);
    if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
    // Detached: a token is a cut of its passage, and a kept cut keeps the whole passage.
    foldCache.set(detach(t), f);
  }
  return f;
}

/** Abbreviations are written in capitals: skip the lookup for every other token. */
function mayBeAbbreviation(t: string): boolean {
  return t.length >= 2 && t.length <= 8 && t === t.toUpperCase() && t !== t.toLowerCase();
}

/** What document analysis needs of one raw token (case and diacritics as written). */
interface TokenInfo {
  folded: string;
  /** `lower` of the token: its accented syllable, when it has a letter. */
  lower: string;
  hasLetter: boolean;
  /** The folded syllables of its expansion when it is a field abbreviation written in capitals. */
  expansion: string[] | null;
}

/**
 * TokenInfo by raw token, memoised like `foldToken`: a corpus repeats a few tens of thousands of
 * tokens, and folding, lower-casing and the abbreviation check of each occurrence were a third of
 * the lexical index build.
 */
const tokenInfos = new Map<string, TokenInfo>();
function tokenInfo(t: string): TokenInfo {
  let info = tokenInfos.get(t);
  if (info === undefined) {
    const exp = mayBeAbbreviation(t) ? expandAbbreviation(t) : undefined;
    // Key and lower-cased form detached, as in foldToken (lower-casing may give back the cut itself).
    info = { folded: foldToken(t), lower: detach(lower(t)), hasLetter: /\p{L}/u.test(t), expansion: exp ? exp.split(' ') : null };
    if (tokenInfos.size >= FOLD_CACHE_MAX) tokenInfos.clear();
    tokenInfos.set(detach(t), info);
  }
  return info;
}

/**
 * "a_b" for two folded syllables, the same string each time: building it anew for every
 * occurrence (and hashing the new string to look it up) was most of the index build's own time.
 */
const bigrams = new Map<string, Map<string, string>>();
let bigramCount = 0;
function bigramOf(a: string, b: string): string {
  let byNext = bigrams.get(a);
  if (byNext === undefined) {
    if (bigramCount >= FOLD_CACHE_MAX) {
      bigrams.clear();
      bigramCount = 0;
    }
    byNext = new Map();
    bigrams.set(a, byNext);
  }
  let bi = byNext.get(b);
  if (bi === undefined) {
    bi = a + BIGRAM_SEP + b;
    byNext.set(b, bi);
    bigramCount++;
  }
  return bi;
}

const TOKEN_OR_PUNCT = /[\p{L}\p{N}]+|[^\p{L}\p{N}\s]+/gu;
const IS_WORD = /^[\p{L}\p{N}]/u;

/** Raw tokens of a text (NFC, case kept), grouped in punctuation-free segments; one regex pass. */
function segments(text: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const m of text.normalize('NFC').matchAll(TOKEN_OR_PUNCT)) {
    const t = m[0];
    if (IS_WORD.test(t)) cur.push(t);
    else if (cur.length) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Question words: they ask for the answer and are not in it. A passage that happens to write
 * "như thế nào" ("… cần phải xử lý như thế nào") must not outrank the one that answers, so a
 * question's words are searched as single words, and no n-gram joins them to each other or to
 * their neighbours.
 */
const QUESTION_WORDS: readonly string[][] = [
  'như thế nào', 'thế nào', 'ra sao', 'là gì', 'khi nào', 'lúc nào', 'bao giờ', 'ở đâu', 'tại sao', 'vì sao',
  'làm sao', 'bao nhiêu', 'bao lâu', 'những gì', 'những nào', 'cái gì', 'phải không', 'hay không', 'được không',
  'có không', 'hay chưa', 'gì', 'nào',
].map((p) => p.split(' '));
const QUESTION_WORDS_FOLDED = QUESTION_WORDS.map((p) => p.map((w) => fold(w)));

/** The segment cut around its question words, each left as a segment of its own. */
function isolateQuestionWords(seg: string[], unaccented: boolean): string[][] {
  const words = seg.map((t) => (unaccented ? foldToken(t) : lower(t)));
  const phrases = unaccented ? QUESTION_WORDS_FOLDED : QUESTION_WORDS;
  const out: string[][] = [];
  let cur: string[] = [];
  for (let i = 0; i < seg.length; ) {
    const hit = phrases.find((p) => p.every((w, j) => words[i + j] === w));
    if (hit) {
      if (cur.length) out.push(cur);
      cur = [];
      for (let j = 0; j < hit.length; j++) out.push([seg[i + j]]);
      i += hit.length;
      continue;
    }
    cur.push(seg[i++]);
  }
  if (cur.length) out.push(cur);
  return out;
}

function pushSegment(out: string[], folded: string[], bigrams: boolean, trigrams = false): void {
  for (let i = 0; i < folded.length; i++) {
    out.push(folded[i]);
    if (bigrams && i + 1 < folded.length) out.push(bigramOf(folded[i], folded[i + 1]));
    if (trigrams && i + 2 < folded.length) out.push(folded[i] + BIGRAM_SEP + folded[i + 1] + BIGRAM_SEP + folded[i + 2]);
  }
}

/**
 * Distinct lower-cased syllables of a text with their diacritics kept ("thuế", "thuê"): the
 * folded index cannot tell them apart, and out-of-scope detection needs to.
 */
export function accentedSyllables(text: string): Set<string> {
  const out = new Set<string>();
  for (const seg of segments(text)) {
    for (const t of seg) {
      const x = tokenInfo(t);
      if (x.hasLetter) out.add(x.lower);
    }
  }
  return out;
}

/**
 * Index terms of a document text (with repetition, so term frequencies can be counted). With
 * `syllables`, also adds the text's `accentedSyllables` to it, from the same pass over the text.
 */
export function analyzeText(text: string, options: AnalyzeOptions = {}, syllables?: Set<string>): string[] {
  const o = options === DEFAULT_ANALYZE ? DEFAULT_ANALYZE : { ...DEFAULT_ANALYZE, ...options };
  const out: string[] = [];
  for (const seg of segments(text)) {
    const infos = seg.map(tokenInfo);
    const folded = infos.map((x) => x.folded);
    pushSegment(out, folded, o.bigrams, o.trigrams);
    if (o.accented) {
      for (const x of infos) if (x.lower !== x.folded) out.push(ACCENT_PREFIX + x.lower);
    }
    if (o.expand) {
      for (const x of infos) if (x.expansion) pushSegment(out, x.expansion, o.bigrams);
    }
    if (syllables) for (const x of infos) if (x.hasLetter) syllables.add(x.lower);
  }
  // A document number always has a slash: most passages have none, and the regex is slow.
  if (text.includes('/')) for (const n of findDocNumbers(text)) out.push(DOCNUM_PREFIX + docNumberKey(n));
  for (const d of findDates(text)) out.push(DATE_PREFIX + d);
  return out;
}

export interface QueryTerm {
  term: string;
  weight: number;
}

export interface QueryWeights {
  /** Weight of a content syllable. */
  unigram: number;
  /** Weight of a stop syllable (0 drops it). */
  stop: number;
  /** Weight of a bigram. */
  bigram: number;
  /** Weight of a bigram made of two stop syllables. */
  stopBigram: number;
  /** Weight of a syllable trigram (when the index has them). */
  trigram: number;
  /** Weight of an accented syllable (only for accented queries). */
  accented: number;
  /** Weight of a document number or date term. */
  special: number;
  /** Weight of the terms a question type implies (a "how long" question asks for a "thời hạn"). */
  implied: number;
  /** Share of its usual weight a term of a thesaurus alternative ("chi phí" for "trả tiền") gets; 0 turns the thesaurus off. */
  synonym: number;
}

export const DEFAULT_QUERY_WEIGHTS: QueryWeights = { unigram: 1, stop: 0.3, bigram: 0.8, stopBigram: 0.4, trigram: 0.4, accented: 0.3, special: 2, implied: 0.3, synonym: 0.5 };

export interface AnalyzedQuery {
  /** Weighted, de-duplicated terms for the lexical index (weights add up on repetition). */
  terms: QueryTerm[];
  /** Folded content syllables (stop syllables removed, abbreviations expanded): for coverage. */
  content: string[];
  /** Document numbers written in the query, as keys ("221/KH-VKSTC"). */
  docNumbers: string[];
  /** Bare references ("kế hoạch 221"). */
  references: BareReference[];
  /** Dates, ISO. */
  dates: string[];
  /** True when the user typed without diacritics. */
  unaccented: boolean;
  /** Folded syllables the question's type implies ("thoi", "han" for a how-long question). */
  implied: string[];
  /** Thesaurus phrases the question writes, with the field's words for them. */
  synonyms: SynonymMatch[];
}

/**
 * Question types and the word legal texts use for what they ask: a length of time ("bao lâu",
 * "mấy ngày", "tối đa bao nhiêu tháng") is set by a "thời hạn" article; a means ("bằng cách nào")
 * by a "hình thức" article.
 */
const IMPLIED: [RegExp, string[]][] = [
  [/\b(bao lau|(may|bao nhieu) (ngay|thang|nam|gio)( lam viec)?|toi da (bao nhieu|may))\b/u, ['thoi', 'han']],
  [/\b(bang|theo) (cach|hinh thuc|phuong thuc) nao\b/u, ['hinh', 'thuc']],
  // How long one has to complain or sue: the laws set a "thời hiệu" for that, not a "thời hạn".
  [/\b(khieu nai|khoi kien)\b.*\b(bao lau|(may|bao nhieu) (ngay|thang))\b|\b(bao lau|(may|bao nhieu) (ngay|thang))\b.*\b(khieu nai|khoi kien)\b/u, ['thoi', 'hieu']],
];

/** Folded index terms (syllables and their bigram) a question's type implies without writing them. */
export function impliedTerms(foldedQuery: string): string[] {
  const out: string[] = [];
  for (const [cue, [a, b]] of IMPLIED) if (cue.test(foldedQuery)) out.push(a, b, `${a}${BIGRAM_SEP}${b}`);
  return out;
}

export function analyzeQuery(
  query: string,
  options: AnalyzeOptions = {},
  weights: QueryWeights = DEFAULT_QUERY_WEIGHTS,
): AnalyzedQuery {
  const o = { ...DEFAULT_ANALYZE, ...options };
  const acc = new Map<string, number>();
  const add = (term: string, w: number) => {
    if (w > 0) acc.set(term, (acc.get(term) ?? 0) + w);
  };
  const content: string[] = [];
  // An abbreviation counts for coverage through its expansion, not as an extra rare word.
  const abbreviations = new Set<string>();
  // `share` < 1 for words the question does not write (a thesaurus alternative): found, they
  // help; missing, they are not part of what the coverage expects.
  const addSegment = (folded: string[], share = 1, written?: readonly string[]) => {
    // Each syllable's stop-ness once (a bigram and a skip-bigram read it again). A syllable typed bare
    // ("duoc" in "… theo Điều 173 la bao lau") is read folded, as in a question typed without accents.
    const stops = folded.map((t, i) => {
      if (!STOP_SYLLABLES.has(t)) return false;
      const w = written && lower(written[i]);
      return !w || w === t || WRITTEN_FUNCTION.has(w);
    });
    for (let i = 0; i < folded.length; i++) {
      const t = folded[i];
      const stop = stops[i];
      add(t, share * (stop ? weights.stop : weights.unigram));
      if (share === 1 && !stop && !abbreviations.has(t)) content.push(t);
      if (o.bigrams && i + 1 < folded.length) {
        const bothStop = stop && stops[i + 1];
        add(t + BIGRAM_SEP + folded[i + 1], share * (bothStop ? weights.stopBigram : weights.bigram));
        // "có những quyền gì" asks what "có quyền" says: the plural marker the question adds is not in the text.
        const next = folded[i + 2];
        if (PLURAL.has(folded[i + 1]) && next !== undefined && !stops[i + 2]) add(t + BIGRAM_SEP + next, share * weights.bigram);
      }
      if (o.trigrams && i + 2 < folded.length) add(folded.slice(i, i + 3).join(BIGRAM_SEP), share * weights.trigram);
    }
  };
  const unaccented = isUnaccented(query);
  const written = segments(query);
  const segs = written.flatMap((seg) => isolateQuestionWords(seg, unaccented));
  const synonyms: SynonymMatch[] = [];
  if (o.expand) for (const seg of segs) for (const t of seg) if (expandAbbreviation(t.toUpperCase())) abbreviations.add(foldToken(t));
  for (const seg of segs) {
    const folded = seg.map(foldToken);
    addSegment(folded, 1, unaccented ? undefined : seg);
    // Weight 0 turns the thesaurus off, coverage included.
    if (weights.synonym > 0) {
      for (const m of findSynonyms(folded)) {
        synonyms.push(m);
        for (const alt of m.alternatives) addSegment(alt, weights.synonym);
      }
    }
    if (o.accented && !unaccented) {
      for (const t of seg) {
        const l = lower(t);
        if (l !== foldToken(t)) add(ACCENT_PREFIX + l, weights.accented);
      }
    }
    if (o.expand) {
      for (const t of seg) {
        // In a query a lone "ksv" or "kh" is an abbreviation: users do not type capitals.
        const exp = expandAbbreviation(t.toUpperCase());
        if (exp) addSegment(exp.split(' '));
      }
    }
  }
  // What the question words ask for ("bao lâu" → "thời hạn") is read before they are cut apart.
  const implied = weights.implied > 0 ? impliedTerms(written.map((seg) => seg.map(foldToken).join(' ')).join(' | ')) : [];
  for (const t of implied) add(t, weights.implied);
  const docNumbers = [...new Set(findDocNumbers(query).map(docNumberKey))];
  for (const n of docNumbers) add(DOCNUM_PREFIX + n, weights.special);
  const dates = [...new Set(findDates(query))];
  for (const d of dates) add(DATE_PREFIX + d, weights.special);
  const references = findBareReferences(query);
  // Numbers that name a document are matched by the reference boost, not by coverage.
  const refNumbers = new Set([...references.map((r) => r.number), ...docNumbers.map((n) => n.split('/')[0])]);
  return {
    terms: [...acc].map(([term, weight]) => ({ term, weight })),
    content: [...new Set(content)].filter((t) => !refNumbers.has(t)),
    docNumbers,
    references,
    dates,
    unaccented,
    implied: implied.filter((t) => !t.includes(BIGRAM_SEP)),
    synonyms,
  };
}
