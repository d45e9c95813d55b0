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
import { docNumberKey, findBareReferences, findDocNumbers, fold, isUnaccented, nfc, otherTonePlacement, storyEnd } from '../text.js';
import { chunkIndexOf, chunkMatchText, hasAcronym, phraseSyllables, type Lookup, type PassageIndex, type TermIndex, wordLookup } from '../retrieval/passage-index.js';
import { contentBigrams, contentTerms, matchTerms, questionTerms, rawTokens, settingLength, tokens, toldStory, withUnigrams, type MatchTerm, type QueryTerm } from './terms.js';
import { chunkReferredSyllables } from './references.js';
import { memoize } from '../memo.js';
import { provincesNamed } from './places.js';
import { isKnownSyllable } from './known-syllables.js';
import { distance } from 'fastest-levenshtein';
import { expandAbbreviation } from '../retrieval/abbreviations.js';
import { questionSynonyms, withSynonyms } from './synonyms.js';

export interface AbstainOptions {
  /** Below this retriever coverage of the best hit, abstain (when the retriever reports coverage). */
  minCoverage: number;
  /** Below this share of the question's (weighted) words found in one passage, abstain. */
  minTermMatch: number;
  /**
   * From this share of the question's words found in one passage, low retriever coverage is
   * not a reason to abstain: the term match reads abbreviations and acronyms the coverage does not.
   */
  trustTermMatch: number;
  /**
   * A paraphrase shares few words with its passage: from this retriever coverage, a term match
   * down to `minTermMatchCovered` is enough (both signals must still agree the topic is there).
   */
  trustCoverage: number;
  minTermMatchCovered: number;
  /** A missing topic compound decides only when the term match is below this too. */
  topicCheckBelow: number;
  /** How many of the best hits are examined. */
  topK: number;
  /** Abstain when the best hit's score is below this (0 disables: scores are retriever-specific). */
  minScore: number;
  /**
   * Optional rarity weight of a folded syllable (e.g. the index's IDF): rare words then
   * count more than "cơ quan" or "nhà nước". Without it every content syllable weighs 1.
   */
  termWeight?: (folded: string) => number;
  /**
   * Corpus rarity (IDF) of a syllable with its diacritics, 0 when no document holds it. With it,
   * a rare question word the hits hold only as a look-alike ("thuế" in a question, "thuê" in the
   * passages) is missing, however well its folded form matched.
   */
  accentedIdf?: (syllable: string) => number;
  /** From this accented IDF, a question word the hits hold only as a look-alike decides the topic is absent. */
  falseFriendIdf: number;
  /**
   * Titles of the documents in the knowledge base. With them, a law the question names by title
   * ("Bộ luật Hình sự", "Luật Tố tụng hành chính") that none of them is means the answer is not here.
   */
  knownTitles?: readonly string[];
  /**
   * Numbers of the documents in the knowledge base, as docNumberKey gives them. With them, a full
   * number the question writes ("Luật … số 117/2025/QH15") that none of them carries is a document
   * not held, though a passage may mention it ("… được thay thế bởi Luật số 117/2025/QH15").
   */
  knownNumbers?: ReadonlySet<string>;
}

export const DEFAULT_ABSTAIN: AbstainOptions = {
  minCoverage: 0.3,
  minTermMatch: 0.6,
  // A question typed without accents, or with the asker's own words for the means ("nói miệng"), is
  // covered less by the retriever's count, which weighs every word alike; seven tenths of its words in
  // one passage is the topic there (0.9 withheld 3 right answers of the studied sets, and 0.7 answers
  // no more of their 240 off-topic questions).
  trustTermMatch: 0.7,
  trustCoverage: 0.7,
  minTermMatchCovered: 0.5,
  topicCheckBelow: 0.7,
  topK: 3,
  minScore: 0,
  falseFriendIdf: 5,
};

export type AbstainReason =
  | 'no-hits'
  | 'missing-count'
  | 'missing-number'
  | 'missing-name'
  | 'missing-value'
  | 'unknown-year'
  | 'unknown-place'
  | 'unknown-title'
  | 'other-branch'
  | 'missing-subject'
  | 'low-score'
  | 'low-coverage'
  | 'missing-terms'
  | 'missing-topic'
  | 'false-friend'
  | 'unknown-document'
  | 'empty-question';

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

/**
 * Share (0..1) of the question's weighted content syllables "found" in a passage. A syllable
 * counts when it forms, with a neighbouring question syllable, a two-syllable word that
 * also occurs in the passage; a syllable with no content neighbour counts when it occurs
 * alone. This is what keeps "thời tiết" from matching "thời hạn ... chi tiết".
 */
export function termMatch(
  terms: ReadonlyArray<QueryTerm | MatchTerm>,
  idx: TermIndex | PassageIndex,
  weight: (t: string) => number = () => 1,
): number {
  if (!terms.length) return 0;
  const checks = checksOf(terms);
  let total = 0;
  let found = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const c = checks[i];
    const w = t.weight * weight(t.term);
    total += w;
    if (c.acronym !== undefined) {
      if ('initials' in idx ? hasAcronym(c.acronym, idx) : idx.unigrams.has(t.term)) found += w;
      continue;
    }
    // Every bigram or trigram holding the syllable holds it as a syllable too: absent, nothing can match.
    if (!idx.unigrams.has(t.term)) continue;
    if (c.alone || c.loneOk) {
      found += w;
      continue;
    }
    let ok = false;
    if ('trigrams' in idx) for (const k of c.trigrams) if ((ok = idx.trigrams.has(k))) break;
    if (!ok) for (const k of c.bigrams) if ((ok = idx.bigrams.has(k))) break;
    if (ok) found += w;
  }
  return total > 0 ? found / total : 0;
}

/** How one question syllable may be found, independent of the passage (built once per question). */
interface TermCheck {
  acronym?: string;
  /** No content neighbour: the syllable alone is enough. */
  alone: boolean;
  /** Next to weak (maybe-function) neighbours only: the syllable may stand alone. */
  loneOk: boolean;
  /** The two- and three-syllable words of the question holding it. */
  bigrams: string[];
  trigrams: string[];
}

const YEAR = /^(19|20)\d\d$/;

const compiledChecks = new WeakMap<ReadonlyArray<QueryTerm | MatchTerm>, TermCheck[]>();

function checksOf(terms: ReadonlyArray<QueryTerm | MatchTerm>): TermCheck[] {
  let checks = compiledChecks.get(terms);
  if (checks) return checks;
  // An acronym is a word of its own: it forms no two-syllable word with its neighbours. Nor does a
  // year ("luật giao dịch điện tử 2023 bắt đầu …"): it is found wherever the passage writes it.
  const word = (t: QueryTerm | MatchTerm | undefined) => (t && !('acronym' in t && t.acronym) && !YEAR.test(t.term) ? t : undefined);
  checks = terms.map((t, i): TermCheck => {
    if ('acronym' in t && t.acronym) return { acronym: t.acronym, alone: false, loneOk: false, bigrams: [], trigrams: [] };
    if (YEAR.test(t.term)) return { alone: true, loneOk: true, bigrams: [], trigrams: [] };
    const prev = i > 0 && terms[i - 1].pos === t.pos - 1 ? word(terms[i - 1]) : undefined;
    const next = i + 1 < terms.length && terms[i + 1].pos === t.pos + 1 ? word(terms[i + 1]) : undefined;
    const next2 = next && i + 2 < terms.length && terms[i + 2].pos === t.pos + 2 ? word(terms[i + 2]) : undefined;
    const prev2 = prev && i > 1 && terms[i - 2].pos === t.pos - 2 ? word(terms[i - 2]) : undefined;
    const trigrams: string[] = [];
    for (const [a, b, c] of [
      [t, next, next2],
      [prev, t, next],
      [prev2, prev, t],
    ]) {
      if (a && b && c) trigrams.push(`${a.term} ${b.term} ${c.term}`);
    }
    const bigrams: string[] = [];
    if (prev) bigrams.push(`${prev.term} ${t.term}`);
    if (next) bigrams.push(`${t.term} ${next.term}`);
    return {
      alone: !prev && !next,
      loneOk: [prev, next].every((n) => !n || n.weight < 1) && t.weight === 1,
      bigrams,
      trigrams,
    };
  });
  compiledChecks.set(terms, checks);
  return checks;
}

/**
 * The procuracy's own name ("Viện kiểm sát", "ngành Kiểm sát nhân dân", "VKSND tối cao"): the
 * assistant serves it, so "Ai được ký số văn bản của Viện kiểm sát?" says where the asker works,
 * not a topic the passages must name (a guide for its staff rarely writes it).
 */
const HOME_INSTITUTION = new Set(['vien', 'kiem', 'sat', 'nhan', 'dan', 'nganh', 'toi', 'cao', 'vksnd', 'vks', 'vkstc', 'vksndtc']);

/**
 * "Thủ tục … làm thế nào?", "quy trình", "các bước": the question asks for a procedure, which a law
 * lays down without naming it so. Such words alone are no topic the passages lack.
 */
const PROCEDURE_FRAME = /^(?:(?:thu tuc|quy trinh|trinh tu|cac buoc|buoc|cach thuc|huong dan)(?: |$))+$/;

/**
 * Share of a question's words a missing compound must weigh to be its topic. "Đăng ký kết hôn cần
 * những giấy tờ gì?" is a third "kết hôn"; in a long question a compound that weighs less is a
 * detail told in the asker's words ("kéo dài" for the law's "không quá", "hạn chót", "lúc 11 giờ
 * đêm"), and the term match over the rest decides. On the studied sets, checking every compound
 * withheld 15 right answers and held back 2 off-topic questions that the composer's own checks let
 * through. The cost: a long off-topic question framed in the field's words ("Người bị tạm giữ có được
 * kết hôn … trong thời gian bị tạm giữ không?") is left to those checks and the term match.
 */
const TOPIC_SHARE = 1 / 3;

/**
 * A compound of the question (two or more adjacent content syllables) that the best passage
 * lacks entirely, one of whose syllables occurs in none of the retrieved passages, and that weighs
 * at least TOPIC_SHARE of the question: the question's topic ("kết hôn", "ly hôn") is not in the
 * knowledge base, whatever generic words ("đăng ký", "giấy tờ") the passages share with it.
 * Returns the missing compound, if any.
 */
export function missingTopic(terms: readonly MatchTerm[], best: PassageIndex, all: { unigrams: Lookup }): string | undefined {
  const found = terms.map((t, i) => termMatch(terms.slice(Math.max(0, i - 1), i + 2), best) >= 1 || isFound(terms, i, best));
  // Each word once, and not the procuracy's own name: "Kiểm sát viên có được ly hôn …" is no longer
  // a question for naming where the asker works. A hair under the share: two words of six are a third.
  const distinct = new Map<string, number>();
  for (const t of terms) if (!HOME_INSTITUTION.has(t.term)) distinct.set(t.term, Math.max(distinct.get(t.term) ?? 0, t.weight));
  const least = [...distinct.values()].reduce((s, w) => s + w, 0) * TOPIC_SHARE - 1e-9;
  let run: MatchTerm[] = [];
  const check = (): string | undefined => {
    if (run.length < 2 || run.every((t) => HOME_INSTITUTION.has(t.term)) || PROCEDURE_FRAME.test(run.map((t) => t.term).join(' '))) return undefined;
    if (run.reduce((s, t) => s + t.weight, 0) < least) return undefined;
    return run.some((t) => !all.unigrams.has(t.term)) ? run.map((t) => t.term).join(' ') : undefined;
  };
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const adjacent = run.length && run[run.length - 1].pos === t.pos - 1;
    if (!found[i] && t.weight === 1 && !t.acronym) {
      if (!adjacent) {
        const m = check();
        if (m) return m;
        run = [];
      }
      run.push(t);
    } else {
      const m = check();
      if (m) return m;
      run = [];
    }
  }
  return check();
}

/** Is the i-th question term found in the passage (alone, or in a two-syllable word with a neighbour)? */
function isFound(terms: readonly MatchTerm[], i: number, idx: PassageIndex): boolean {
  const t = terms[i];
  const total = terms.reduce((s, x) => s + x.weight, 0);
  const without = terms.filter((_, j) => j !== i);
  const rest = without.reduce((s, x) => s + x.weight, 0);
  return termMatch(terms, idx) * total - (rest ? termMatch(without, idx) * rest : 0) > 1e-9;
}

/** Lower-cased NFC words of a chunk with their diacritics, once per chunk. */
const chunkAccentedOf = memoize((c: Chunk): Lookup => wordLookup(tokens(chunkMatchText(c))));

/** The folded forms of the words a chunk writes (not of abbreviation expansions), once per chunk. */
const chunkWrittenFoldedOf = memoize((c: Chunk): Lookup => wordLookup(tokens(chunkMatchText(c)).map((t) => fold(t))));

/**
 * A rare accented content word of the question that the hits hold only folded, as another word
 * ("thuế" vs "thuê", "đèn" vs "đen"): the hits matched a look-alike, not the question's topic.
 * Words typed without accents say nothing here (their accents are unknown).
 */
export function falseFriend(
  question: string,
  hits: Scored<Chunk>[],
  accentedIdf: (syllable: string) => number,
  minIdf: number,
): string | undefined {
  const content = new Set(contentTerms(question).filter((t) => t.weight === 1).map((t) => t.pos));
  const words = tokens(question);
  // A story before the question ("… lá đơn …, cả bị can lẫn người nhà …") tells the case in
  // everyday words, rare in law and no topic: only the question sentence's words are read.
  const from = settingLength(question);
  const raw = rawTokens(question);
  // A hit's words are read only when the hits before it lack the word (usually the first has it).
  const sets: Lookup[] = [];
  const holds = (w: string) => hits.some((h, j) => (sets[j] ??= chunkAccentedOf(h.item)).has(w));
  // An everyday phrase the thesaurus knows ("tin nhắn" for "thông điệp dữ liệu") is a paraphrase, not a look-alike.
  // Worked out only for a word that would be a look-alike: most questions have none.
  let paraphrased: Set<number> | undefined;
  const paraphrase = (i: number) => {
    const written = (alt: string[]) => hits.some((h) => chunkIndexOf(h.item).hasPhrase(alt));
    paraphrased ??= new Set(questionSynonyms(question).flatMap((m) => (m.alternatives.some(written) ? m.phrase.map((_, k) => m.start + k) : [])));
    return paraphrased.has(i);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (i < from || !content.has(i) || fold(w) === w || /\d/.test(w)) continue;
    // Acronyms ("CĐS") are matched by initials, not as words.
    if (raw.length === words.length && raw[i].length > 1 && raw[i] === raw[i].toUpperCase()) continue;
    // Nor is a proper name ("tỉnh Bình Dương"): capitalised inside the sentence, it names a place or a
    // person, whose accents say nothing about the topic (a place a fact is asked of: unknownPlace).
    if (raw.length === words.length && i > 0 && /^\p{Lu}/u.test(raw[i])) continue;
    // "ma túy" where the law writes "ma tuý": the tone on the other vowel is the same word.
    const other = otherTonePlacement(w);
    if (holds(w) || (other && holds(other))) continue;
    // Absent with its accents, but written with other accents: a look-alike word matched it.
    // (A match through an abbreviation's expansion, "QĐ" → quyết định, is no look-alike.)
    if (!hits.some((h) => chunkWrittenFoldedOf(h.item).has(fold(w)))) continue;
    const idf = accentedIdf(w);
    // Never written in the index nor in a large body of legal text: a tone typo ("xữ lý"), whose
    // folded form the hits rightly matched, rather than a word of another meaning.
    if (idf === 0 && !isKnownSyllable(w)) continue;
    if ((idf === 0 || idf >= minIdf) && !paraphrase(i)) return w;
  }
  return undefined;
}

/** The document numbers a chunk carries or writes, as keys, once per chunk. */
const chunkNumbersOf = memoize((c: Chunk) => {
  const text = chunkMatchText(c);
  return { key: docNumberKey(text), heads: findDocNumbers(text).map((n) => docNumberKey(n).split('/')[0]) };
});

/**
 * Document numbers ("30/2020/NĐ-CP", "kế hoạch 221") the question names and no hit carries; with
 * `known` (the numbers of the documents held, as docNumberKey gives them), also full numbers that
 * none of them is, though a passage may mention them.
 */
export function unknownDocuments(question: string, hits: Scored<Chunk>[], known?: ReadonlySet<string>): string[] {
  const numbers = new Set(hits.map((h) => h.item.number).filter((n): n is string => !!n).map(docNumberKey));
  const missing: string[] = [];
  const full = findDocNumbers(question);
  for (const n of full) {
    const key = docNumberKey(n);
    if (!numbers.has(key) && !hits.some((h) => chunkNumbersOf(h.item).key.includes(key))) missing.push(n);
  }
  const written = full.map((n) => docNumberKey(n).split('/')[0]);
  for (const ref of findBareReferences(question)) {
    // "Nghị định 100/2019/NĐ-CP" is one reference, already checked in full.
    if (written.includes(ref.number)) continue;
    // Years ("luật 2018") are not document numbers; a bare number must head some hit's number.
    if (/^(19|20)\d\d$/.test(ref.number)) continue;
    const headed = [...numbers].some((k) => k.split('/')[0] === ref.number);
    const typed = hits.some((h) => fold(h.item.type) === fold(ref.type) && fold(h.item.title).includes(ref.number));
    // News items and reports cite plans by number ("Kế hoạch số 221/KH-VKSTC") in their text.
    const mentioned = hits.some((h) => chunkNumbersOf(h.item).heads.includes(ref.number));
    if (!headed && !typed && !mentioned) missing.push(`${ref.type} ${ref.number}`);
  }
  if (known?.size) for (const n of full) if (!known.has(docNumberKey(n)) && !missing.includes(n)) missing.push(n);
  return missing;
}

/** A year (1900–2099) the question names and none of the passages writes. */
export function unknownYear(question: string, hits: Scored<Chunk>[]): string | undefined {
  let about: ((h: Scored<Chunk>) => boolean) | undefined;
  // A year in the story told before the question ("Bị hại sinh năm 2008, không rõ ngày sinh. Vậy …?"),
  // or a birth year anywhere, is a fact of the case, not the date of a document or an event asked about.
  const asked = fold(question.slice(storyEnd(question))).replace(/\bsinh (?:vao )?(?:nam )?(?:19|20)\d\d\b/g, ' ');
  for (const m of asked.matchAll(/(?<![\p{L}\p{N}/.-])((?:19|20)\d\d)(?![\p{L}\p{N}])/gu)) {
    // The year must be written by a passage about the question (half of it), not by any
    // passage retrieved: "… đến năm 2025" in a news item is no date of a 2025 exam.
    about ??= aboutQuestion(question);
    if (!hits.some((h) => chunkIndexOf(h.item).unigrams.has(m[1]) && about!(h))) return m[1];
  }
  return undefined;
}

/** Does a hit match half of the question (its words, and their pairs as written: termMatch)? */
function aboutQuestion(question: string): (h: Scored<Chunk>) => boolean {
  const terms = matchTerms(question).filter((t) => !/^\d+$/.test(t.term));
  return (h) => termMatch(terms, chunkIndexOf(h.item)) >= 0.5;
}

/** An administrative unit and the capitalised name after it: "tỉnh An Giang", "TP. Hồ Chí Minh", "huyện Mỹ Tú". */
const PLACE = /(?<![\p{L}])(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|phường)\s+((?:\p{Lu}[\p{Ll}]*\s*){1,4})/gu;

/** What only a place's own records say: how many, when, who, what it achieved. */
const ASKS_LOCAL_FACT = /\b(bao nhieu|may|ngay nao|khi nao|nam nao|la ai|ai la|ai dang|ket qua|dat duoc|da lam|thanh tich)\b/;

/** A question about the whole sector or country ("toàn ngành", "cả nước"), folded. */
const NATIONWIDE = /\b(toan nganh|ca nganh|toan quoc|ca nuoc|tren toan quoc|trong ca nuoc)\b/;

/**
 * "Năm 2023 toàn ngành Kiểm sát đã thụ lý bao nhiêu vụ án?" answered only by pieces of a section on
 * one province ("Triển khai tại VKSND tỉnh Sóc Trăng"): one province's figures are not the sector's.
 * When every piece quoted comes from a section on a province, the first one's (to name in logs).
 */
export function provinceOnly(question: string, quoted: readonly Chunk[]): string | undefined {
  const f = fold(question).toLowerCase();
  if (!NATIONWIDE.test(f) || !ASKS_LOCAL_FACT.test(f) || !quoted.length) return undefined;
  let place: string | undefined;
  for (const c of quoted) {
    const m = [...nfc(`${c.heading ?? ''} ${c.locator ?? ''}`).matchAll(PLACE)][0];
    if (!m) return undefined;
    place ??= m[1].trim();
  }
  return place;
}

/**
 * A place the question names ("VKSND tỉnh An Giang đã số hóa bao nhiêu …") that none of the passages
 * writes, when it asks a fact of that place: the passages tell another's. How a procedure goes is
 * the same everywhere, so a question on that naming a place is not one.
 */
export function unknownPlace(question: string, hits: Scored<Chunk>[]): string | undefined {
  if (!ASKS_LOCAL_FACT.test(fold(question).toLowerCase())) return undefined;
  // As for a year: the place must be written by a passage about the question, not by any passage
  // retrieved ("thành phố Hà Nội" in an article on where a ministry sits tells nothing of Hà Nội's records).
  let about: ((h: Scored<Chunk>) => boolean) | undefined;
  const written = (name: string[]) => hits.some((h) => chunkIndexOf(h.item).hasPhrase(name) && (about ??= aboutQuestion(question))(h));
  for (const m of nfc(question).matchAll(PLACE)) {
    const name = phraseSyllables(m[1]);
    if (name.length && !written(name)) return m[1].trim();
  }
  // Typed without capitals or accents, a province is known by its name.
  for (const p of provincesNamed(question)) {
    if (!written(p.split(' '))) return p;
  }
  return undefined;
}

/** Words that end a law's name in a question: verbs, question words, prepositions ("do … ban hành"), years, demonstratives. */
const TITLE_STOP_WORDS =
  'có là quy thì như gì nào bao được bị phải cho áp nếu gồm để khi cần sẽ đã đang về theo tại trong đối không chưa hay hoặc và mà còn vậy thế sao ra năm số này đó ấy kia trên mới cũ hiện sửa cũng đều chỉ nói do';
/**
 * "Luật giới hạn / yêu cầu / cấm / bắt buộc / dành …" right after "Luật" is the law (the one asked about) doing
 * something, not a title ("Luật giới hạn số lượng Kiểm sát viên …"): no law's name starts with these verbs,
 * though some hold one of their syllables further on ("Luật Bình đẳng giới", "Luật Biên giới quốc gia").
 */
const LAW_VERBS = new Set('giới yêu cấm nghiêm bắt dành hướng trao'.split(' '));
const LAW_VERBS_FOLDED = new Set([...LAW_VERBS].map((w) => fold(w)));
/** Those verbs whole, which end a name wherever they stand ("Luật Giao thông đường bộ giới hạn tốc độ …"), folded. */
const LAW_VERB_PAIRS = new Set(['gioi han', 'yeu cau', 'bat buoc', 'nghiem cam', 'danh cho', 'huong dan', 'trao quyen']);
/** Accented, read on an accented question ("cán bộ" is no "cần"); folded, on one typed without accents. */
const TITLE_STOP = new Set(TITLE_STOP_WORDS.split(' '));
const TITLE_STOP_FOLDED = new Set(TITLE_STOP_WORDS.split(' ').map((w) => fold(w)));
/**
 * Typed without accents, a stop word may be the first syllable of a word a title holds: "can bo"
 * is "cán bộ" (Luật Cán bộ, công chức), not "cần"; "co quan" is "cơ quan", not "có"; "do luong"
 * is "đo lường" (Luật Đo lường).
 */
const FOLDED_COMPOUNDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['can', new Set(['bo'])],
  ['co', new Set(['quan', 'so', 'yeu', 'che'])],
  ['the', new Set(['duc', 'thao', 'thuc'])],
  ['do', new Set(['luong'])],
]);
/** "luật sư", "luật gia", "luật định", "luật pháp", "luật chuyên ngành", "luật khác": not a law's name. */
const NOT_A_TITLE = new Set('su gia le dinh phap hoa khoa chuyen khac lien doi noi ghi bat moi hien'.split(' '));

/**
 * The laws a question names by title, folded ("bo luat hinh su", "luat to tung hanh chinh"):
 * "Luật" or "Bộ luật" and the words after it up to a verb, a question word, a number or a comma.
 */
export function namedLaws(question: string): string[] {
  return lawNames(question).map((n) => n.key);
}

/** namedLaws with each name as the question wrote it ("Bộ luật Hình sự"), for telling the user. */
function lawNames(question: string): { key: string; written: string; whole: boolean }[] {
  const written = [...nfc(question).matchAll(/[\p{L}\p{N}]+|[,;:?!.()]/gu)].map((m) => m[0]);
  const raw = written.map((w) => w.toLowerCase());
  const words = raw.map((w) => fold(w));
  const stop = isUnaccented(question)
    ? (j: number) => TITLE_STOP_FOLDED.has(words[j]) && !FOLDED_COMPOUNDS.get(words[j])?.has(words[j + 1])
    : (j: number) => TITLE_STOP.has(raw[j]);
  const out: { key: string; written: string; whole: boolean }[] = [];
  for (let i = 0; i < words.length; i++) {
    // "pháp luật", "điều luật", "kỷ luật", "quy luật", "trái luật" name no law; "Đại học Luật Hà Nội", "khoa Luật" a school.
    if (words[i] !== 'luat' || ['phap', 'dieu', 'dao', 'ky', 'quy', 'trai', 'hoc', 'khoa', 'truong', 'nganh', 'cu'].includes(words[i - 1] ?? '')) continue;
    const type = words[i - 1] === 'bo' ? 'bo luat' : 'luat';
    const name: string[] = [];
    for (let j = i + 1; j < words.length && name.length < 8; j++) {
      const w = words[j];
      if (!/^\p{L}+$/u.test(w) || stop(j)) break;
      if (!name.length && (isUnaccented(question) ? LAW_VERBS_FOLDED.has(w) : LAW_VERBS.has(raw[j]))) break;
      if (LAW_VERB_PAIRS.has(`${w} ${words[j + 1] ?? ''}`)) break;
      name.push(w);
    }
    if (!name.length || NOT_A_TITLE.has(name[0])) continue;
    const from = type === 'bo luat' ? i - 1 : i;
    // A name cut at "và" or ", chống" goes on ("Luật Hôn nhân và gia đình", "Luật Phòng, chống ma túy"),
    // and one not written as a title ("luật quốc tế") may be no title at all: neither is told back as a name.
    const next = words[i + 1 + name.length];
    const goesOn = next === 'va' || (next === ',' && words[i + 2 + name.length] === 'chong');
    const whole = !goesOn && /^\p{Lu}/u.test(written[from]);
    out.push({ key: `${type} ${name.join(' ')}`, written: written.slice(from, i + 1 + name.length).join(' '), whole });
  }
  // A code named by its abbreviation ("Theo BLTTDS 2015, …"): the law it stands for.
  for (const w of written) {
    const law = w.length >= 3 && w === w.toUpperCase() ? expandAbbreviation(w) : undefined;
    if (law && /^(?:bo )?luat /.test(law)) out.push({ key: law, written: w, whole: true });
  }
  return out;
}

/** A law's title as names are matched against it: its syllables spaced, and the initials of its name. */
interface LawTitle {
  spaced: string;
  initials: string;
}

/** The law titles of a title list, worked out once per list (the runtime passes one per index version). */
const lawTitlesOf = new WeakMap<readonly string[], LawTitle[]>();

function lawTitles(titles: readonly string[]): LawTitle[] {
  let out = lawTitlesOf.get(titles);
  if (out) return out;
  out = titles.flatMap((t) => {
    const syllables = phraseSyllables(t);
    if (!/^(?:bo )?luat /.test(syllables.join(' '))) return [];
    const name = syllables.slice(syllables[0] === 'bo' ? 2 : 1);
    return [{ spaced: ` ${syllables.join(' ')} `, initials: name.map((w) => w[0]).join('') }];
  });
  lawTitlesOf.set(titles, out);
  return out;
}

/** Is the named law one of the titles (its words in one of them, or its acronym their initials)? */
function knownLaw(named: string, titles: readonly LawTitle[]): boolean {
  const spaced = ` ${phraseSyllables(named).join(' ')} `;
  const [, acronym] = /^(?:bo )?luat (\p{L}+)$/u.exec(named) ?? [];
  // Part of a title ("Luật Tổ chức Viện kiểm sát"), or a whole title and the question's next words
  // ("Luật An ninh mạng định nghĩa …": nothing says where a name ends but the titles themselves),
  // or, for "Luật BVBMNN" and "Bộ luật TTHS", the initials of the title's words after its type.
  return titles.some((t) => t.spaced.includes(spaced) || spaced.startsWith(t.spaced) || (!!acronym && acronym.length >= 3 && t.initials === acronym) || misspells(spaced, t.spaced));
}

/**
 * Is `named` a run of the title's words but for one typed one letter wrong ("Luật An ninh mạg")?
 * Only a word of three letters or more: "an" for "ai" may be another law.
 */
function misspells(named: string, title: string): boolean {
  const n = named.trim().split(' ');
  const t = title.trim().split(' ');
  for (let start = 0; start + n.length <= t.length; start++) {
    let wrong = 0;
    for (let k = 0; k < n.length && wrong < 2; k++) {
      const a = n[k];
      const b = t[start + k];
      if (a !== b) wrong += a.length >= 3 && b.length >= 3 && distance(a, b) === 1 ? 1 : 2;
    }
    if (wrong === 1) return true;
  }
  return false;
}

/**
 * A law the question names that is not in the knowledge base: as the question wrote it, when that
 * is a whole title ("Bộ luật Hình sự"); `named: false` when it may be cut short or no title at all.
 */
export function unknownTitle(question: string, titles: readonly string[]): { written: string; named: boolean } | undefined {
  const laws = lawTitles(titles);
  if (!laws.length) return undefined;
  const law = lawNames(question).find((n) => !knownLaw(n.key, laws));
  return law && { written: law.written, named: law.whole };
}

/**
 * Kinds of document a question may name as its source ("Thông tư của Bộ Công an quy định …", "theo
 * thông tư nào"): when no document held is of that kind and no passage retrieved even mentions one,
 * the answer is in a text the knowledge base does not hold.
 */
const SOURCE_TYPES = ['thong tu', 'phap lenh'];
const TYPES = `(${SOURCE_TYPES.join('|')})`;
const NAMED_AS_SOURCE = new RegExp(`\\b(?:theo|kem theo|tai) ${TYPES}\\b(?!\\s*(?:,|va |hoac |hay ))|^${TYPES} (?:cua|so|nao)\\b`);

function unheldType(question: string, titles: readonly string[], hits: Scored<Chunk>[]): boolean {
  const m = NAMED_AS_SOURCE.exec(fold(question).toLowerCase());
  if (!m) return false;
  const type = m[1] ?? m[2];
  if (titles.some((t) => fold(t).toLowerCase().startsWith(type))) return false;
  return !hits.some((h) => fold(h.item.text).toLowerCase().includes(type));
}

/**
 * The penalty of a named crime ("Tội đưa hối lộ có khung hình phạt cao nhất là bao nhiêu năm tù?",
 * "bị khởi tố về tội cố ý gây thương tích, có thể bị tuyên bao nhiêu năm tù?"): crimes and their
 * penalties are set by the Penal Code alone, whatever procedure law names the crime. Not a procedure
 * asked of a class of crimes ("tội có mức cao nhất của khung là … thì …", "tội mà khung hình phạt …"),
 * though "tội cố ý …" folds to the same "co".
 */
const PENAL_CODE = 'Bộ luật Hình sự';
const PENAL_CODE_KEY = 'bo luat hinh su';
const CRIME_PENALTY = /\btoi (?!(?:co(?! y\b)|ma|pham|nay|do|gi|danh|ac|nhe|nang|rat|dac)\b)(?:\S+ ){1,16}?(?:co )?(?:khung hinh phat|hinh phat|muc an|phat tu|bi (?:tuyen|phat|xu|ket an)|tuyen|an)(?: \S+){0,4}? (?:bao nhieu|may|gi|nao|la gi)(?: nam(?: tu)?)?(?: (?:vay|a|nhi|the))?$/;

function asksCrimePenalty(question: string): boolean {
  // Typed with accents, the crime is written "tội": "Tôi để lộ …" (I) folds to the same "toi".
  if (!isUnaccented(question) && !/(?:^|[^\p{L}])tội(?![\p{L}])/iu.test(nfc(question))) return false;
  const f = fold(question).toLowerCase().replace(/[?.!…]+\s*$/u, '').replace(/[,;:]/g, ' ').replace(/\s+/g, ' ').trim();
  return CRIME_PENALTY.test(f);
}

/** "… quy định tại Điều 27 của Bộ luật hình sự", "… theo quy định của Luật tố tụng hành chính". */
const DELEGATION = /(?:quy dinh tai (?:\S+ ){0,6}?cua|theo quy dinh cua|theo) ((?:bo )?luat(?: [\p{L}]+){1,6})/gu;

/**
 * The law a piece hands the question over to, when that law is not held: "thời hiệu truy cứu trách
 * nhiệm hình sự quy định tại Điều 27 của Bộ luật hình sự" answers "Thời hiệu truy cứu … là bao nhiêu
 * năm?" only by naming where it is written. The words right before the reference must be the
 * question's own (two of its two-syllable words), or the reference is about something else.
 */
export function delegatedTo(question: string, pieceText: string, titles: readonly string[]): string | undefined {
  const laws = lawTitles(titles);
  if (!laws.length) return undefined;
  const spaced = ` ${phraseSyllables(pieceText).join(' ')} `;
  const asked = new Set(contentBigrams(contentTerms(question)));
  for (const m of spaced.matchAll(DELEGATION)) {
    const before = spaced.slice(Math.max(0, m.index! - 80), m.index!).trim().split(' ').slice(-10);
    const shared = new Set<string>();
    for (let i = 1; i < before.length; i++) if (asked.has(`${before[i - 1]} ${before[i]}`)) shared.add(`${before[i - 1]} ${before[i]}`);
    if (shared.size < 2) continue;
    // "… chịu trách nhiệm gì?" answered by "… phải chịu trách nhiệm hình sự theo Bộ luật hình sự":
    // the piece names the kind asked for; the law it cites holds only the details.
    if (namesKindAsked(question, before)) continue;
    const name = lawNames(m[1]).find((n) => !knownLaw(n.key, laws));
    if (name) return name.key;
  }
  return undefined;
}

/** "<two syllables> gì / nào" closing a question: the kind of a thing it asks ("trách nhiệm gì"). */
const KIND_ASKED = /(\S+ \S+) (?:gi|nao)(?: khong| vay| a)?$/;

/** Do the syllables `before` write the noun the question asks the kind of, and a word of its own after it? */
function namesKindAsked(question: string, before: readonly string[]): boolean {
  const syllables = phraseSyllables(question);
  const m = KIND_ASKED.exec(syllables.join(' '));
  if (!m) return false;
  const [a, b] = m[1].split(' ');
  const own = new Set(syllables);
  for (let i = 1; i + 1 < before.length; i++) if (before[i - 1] === a && before[i] === b && !own.has(before[i + 1])) return true;
  return false;
}

/** A law named in a text (`key` as delegatedTo gives it), as the text writes it ("Bộ luật hình sự"). */
export function lawAsWritten(text: string, key: string): string {
  return lawNames(text).find((n) => n.key === key)?.written ?? key;
}

export function decideAbstention(
  question: string,
  hits: Scored<Chunk>[],
  options: Partial<AbstainOptions> = {},
): AbstainDecision {
  const opts = { ...DEFAULT_ABSTAIN, ...options };
  const terms = questionTerms(question);
  const top = hits.slice(0, opts.topK);
  const unknown = unknownDocuments(question, top, opts.knownNumbers);
  const coverage = top[0]?.coverage;
  // A passage writing the field's word ("chi phí") holds the question's everyday one ("trả tiền").
  const synonyms = questionSynonyms(question);
  // The best term match among the top hits, and the first passage that has it. A full match
  // cannot be beaten: the passages after it are not indexed (that is most of a cold question's
  // abstention cost, and nothing else reads a whole passage's index).
  let match = 0;
  let bestIndex: PassageIndex | undefined;
  for (const h of top) {
    // A passage holds what the khoản it refers to says ("trường hợp quy định tại khoản 3 Điều 206").
    const ix = withUnigrams(withSynonyms(chunkIndexOf(h.item), synonyms), chunkReferredSyllables(h.item, hits));
    const m = termMatch(terms, ix, opts.termWeight);
    if (bestIndex === undefined || m > match) {
      match = m;
      bestIndex = ix;
    }
    if (match >= 1) break;
  }
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
  // A law not held is told by name, before its year or place says the same less clearly.
  const title = opts.knownTitles && unknownTitle(question, opts.knownTitles);
  if (title) return { ...decision('unknown-title'), unknownDocuments: title.named ? [title.written] : [] };
  if (opts.knownTitles && unheldType(question, opts.knownTitles, top)) return decision('unknown-title');
  if (opts.knownTitles && asksCrimePenalty(question) && !opts.knownTitles.some((t) => fold(t).toLowerCase().includes(PENAL_CODE_KEY))) {
    return { ...decision('unknown-title'), unknownDocuments: [PENAL_CODE] };
  }
  // "Kế hoạch … năm 2025" when the passages hold the 2024 plan: a year is a document's name as much as its number.
  if (unknownYear(question, hits)) return decision('unknown-year');
  if (unknownPlace(question, hits)) return decision('unknown-place');
  if (opts.minScore > 0 && top[0].score < opts.minScore) return decision('low-score');
  // A story told before the question ("Hôm qua có người say rượu đến …, em có được từ chối không?") is
  // in the passages' coverage, which weighs all words alike; the term match weighs it as the setting it is.
  const storied = coverage !== undefined && coverage < opts.minCoverage && match >= opts.minTermMatch && toldStory(question);
  if (coverage !== undefined && coverage < opts.minCoverage && match < opts.trustTermMatch && !storied) return decision('low-coverage');
  if (opts.accentedIdf && falseFriend(question, hits, opts.accentedIdf, opts.falseFriendIdf)) return decision('false-friend');
  const covered = coverage !== undefined && coverage >= opts.trustCoverage;
  if (match < (covered ? opts.minTermMatchCovered : opts.minTermMatch)) return decision('missing-terms');
  if (match < opts.topicCheckBelow && bestIndex) {
    // A syllable's presence does not depend on its neighbours: the hits' union is their joined text's
    // index. A passage is indexed only when the ones before it lack the syllable asked about.
    const each: Lookup[] = [];
    const all = { unigrams: { has: (t: string) => hits.some((h, j) => (each[j] ??= withSynonyms(chunkIndexOf(h.item), synonyms).unigrams).has(t)) } };
    if (missingTopic(terms, bestIndex, all)) return decision('missing-topic');
  }
  return decision();
}
