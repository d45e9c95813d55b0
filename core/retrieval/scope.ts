/**
 * "Luật Tiếp cận thông tin quy định về vấn đề gì?", "Phạm vi điều chỉnh của Nghị định 30 là gì?",
 * "Luật Giao dịch điện tử áp dụng đối với những ai?": a question about what a document it names
 * governs, or whom. A law or decree says so in an article of its own ("Điều 1. Phạm vi điều chỉnh",
 * "Điều 2. Đối tượng áp dụng") that shares none of the question's other words, so a search by
 * words ranks it far below the articles that repeat the document's name. A summary without such
 * an article says what it is about in its heading ("Kế hoạch số 221/KH-VKSTC … về chuyển đổi số …").
 *
 * Read by the retriever (which draws that article into the hits) and the composer (which quotes it).
 */
import type { Chunk } from '../types.js';
import { fold, foldedSyllables, wordsOf } from '../text.js';
import { expandAbbreviation } from './abbreviations.js';

export type ScopeKind = 'scope' | 'applies';

export interface ScopeQuestion {
  kind: ScopeKind;
  /** Folded words of the part of the question that names the document. */
  document: string[];
}

const TYPES = '(?:van ban|ke hoach|chi thi|quyet dinh|bo luat|luat|nghi dinh|thong tu|huong dan|nghi quyet|phap lenh)';
const WHAT = '(?:la gi|la nhung gi|gom nhung gi|bao gom nhung gi|nhu the nao|the nao|ra sao)';
const WHO = '(?:ai|nhung ai|doi tuong nao|nhung doi tuong nao|chu the nao|nhung chu the nao)';
/** What the document is about, asked after its name. */
const ABOUT =
  `(?:quy dinh|dieu chinh|noi|de cap(?: den| toi)?)(?: ve)?(?: nhung| cac)?(?: (?:van de|noi dung|linh vuc|viec|chu de|quan he))? (?:gi|nao)` +
  `|(?:la |co phai la )?(?:${TYPES} )?ve (?:viec |van de |noi dung )?gi` +
  `|(?:co )?noi dung (?:chinh )?(?:la )?gi` +
  `|co pham vi dieu chinh (?:la )?(?:gi|nhu the nao|the nao|ra sao)`;
const FORMS: ReadonlyArray<[RegExp, ScopeKind]> = [
  [new RegExp(`^pham vi dieu chinh (?:cua )?(.+?)(?: ${WHAT})?$`), 'scope'],
  [new RegExp(`^noi dung (?:chinh )?(?:cua )?(.+?) ${WHAT}$`), 'scope'],
  [new RegExp(`^(.+?) (?:${ABOUT})$`), 'scope'],
  [new RegExp(`^doi tuong ap dung (?:cua )?(.+?) (?:la ai|la nhung ai|gom nhung ai|${WHAT})$`), 'applies'],
  [new RegExp(`^(.+?) (?:ap dung|dieu chinh) (?:doi )?(?:voi|cho) ${WHO}$`), 'applies'],
  [new RegExp(`^(.+?) co doi tuong ap dung (?:la )?(?:gi|ai|nhung ai|nhung gi)$`), 'applies'],
];
/** Polite openings that ask nothing ("Cho tôi biết …", "Xin hỏi …"). */
const OPENING = /^(?:(?:xin )?cho (?:toi|em|minh) (?:hoi|biet) |xin hoi |(?:ban )?oi )+/;

/** The question's form when it asks what a document governs (or whom) and nothing else, else undefined. */
export function scopeQuestion(question: string): ScopeQuestion | undefined {
  const folded = wordsOf(fold(question)).join(' ').replace(OPENING, '');
  for (const [form, kind] of FORMS) {
    const m = form.exec(folded);
    if (m) return { kind, document: m[1].split(' ') };
  }
  return undefined;
}

/** Words that may surround a document's name without asking anything ("của", "số", "năm 2023"). */
const FILLER = new Set(['cua', 'so', 'nam', 'ngay', 'thang', 'nay', 'ban', 'hanh', 'hien']);

/**
 * Is the question's document part this chunk's document, and nothing more? Every word is of its
 * title, type or number, a year or a filler, and the title's words are all there or its number is.
 */
export function namesOnly(document: readonly string[], chunk: Chunk): boolean {
  const title = foldedSyllables(chunk.title);
  const number = chunk.number ? wordsOf(fold(chunk.number)) : [];
  const allowed = new Set([...title, ...foldedSyllables(chunk.type ?? ''), ...number]);
  const fits = (w: string) => allowed.has(w) || FILLER.has(w) || /^\d+$/.test(w);
  // "Luật Tổ chức VKSND", "BLTTHS": an abbreviation names the words it stands for.
  const expansions = document.map((w) => expandAbbreviation(w.toUpperCase())?.split(' ') ?? []);
  if (!document.every((w, i) => fits(w) || (expansions[i].length > 0 && expansions[i].every(fits)))) return false;
  const asked = new Set([...document, ...expansions.flat()]);
  const stripped = (w: string) => w.replace(/^0+(?=\d)/, '');
  const byNumber = number.length > 0 && document.some((w) => /^\d+$/.test(w) && stripped(w) === stripped(number[0]));
  return byNumber || title.every((w) => asked.has(w));
}

/** The article that answers each kind of question: "Phạm vi điều chỉnh", "Đối tượng áp dụng" (or both in one). */
const SCOPE_HEADING: Record<ScopeKind, RegExp> = {
  scope: /^(?:dieu \d+[a-z]?\W+)?pham vi dieu chinh\b/,
  applies: /^(?:dieu \d+[a-z]?\W+)?(?:doi tuong ap dung|pham vi dieu chinh va doi tuong ap dung|pham vi ap dung)\b/,
};

/** Is the chunk the article that says what its document governs (kind "scope") or whom ("applies")? */
function isScopeArticle(chunk: Chunk, kind: ScopeKind): boolean {
  return !!chunk.heading && SCOPE_HEADING[kind].test(wordsOf(fold(chunk.heading)).join(' '));
}

/**
 * A document's opening chunk whose heading states what it is about ("Kế hoạch số 221/KH-VKSTC ngày
 * 15/12/2023 về chuyển đổi số …"), not only its name: the heading is its subject line.
 */
export function statesSubject(chunk: Chunk): boolean {
  if (chunk.ord !== 0 || !chunk.heading) return false;
  const heading = wordsOf(fold(chunk.heading)).join(' ');
  return heading !== wordsOf(fold(chunk.title)).join(' ') && / ve /.test(heading);
}

/**
 * How well a chunk of a named document answers a scope question of this kind, 0 best; undefined
 * when it does not. Whom a law applies to is its "Đối tượng áp dụng" article or, in a law without
 * one, its scope article ("Luật này quy định về tố cáo … đối với …"); a summary's subject line
 * says what it is about, not whom.
 */
export function scopeRank(chunk: Chunk, kind: ScopeKind): number | undefined {
  if (isScopeArticle(chunk, kind)) return 0;
  if (kind === 'applies') return isScopeArticle(chunk, 'scope') ? 1 : undefined;
  return statesSubject(chunk) ? 2 : undefined;
}

/** How many of a document's first chunks are searched for its scope article: it opens the text. */
export const SCOPE_ARTICLE_WITHIN = 16;
