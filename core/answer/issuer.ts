/**
 * "Luật Tố cáo do cơ quan nào ban hành?", "Kế hoạch 221 do ai ban hành?": who issued a document
 * the question names is one of its particulars (the header of a law, the front matter of a
 * summary), recorded at ingest, not a sentence any passage writes. Answered from them, citing the
 * document; a document without a number (a guide, a news item) is no issued text.
 */
import type { Chunk, Citation, Scored } from '../types.js';
import { fold, foldedSyllables, wordsOf } from '../text.js';
import { issuerText, particularsLead } from '../../prompts/answer.js';
import { citationOf, sourcesBlock, type SupersededLookup } from './format.js';

/** A document's particulars, as the ingest recorded them. */
export interface Particulars {
  issuer?: string;
  /** ISO yyyy-mm-dd. */
  date?: string;
}

/** Who or which body issued it, not when: "do ai / cơ quan nào ban hành", "ai đã ban hành", "ban hành bởi ai". */
const ASKS_ISSUER =
  /\b(?:(?:do|boi) (?:ai|co quan nao|don vi nao|cap nao|noi nao)|(?:ai|co quan nao|don vi nao|cap nao|noi nao)(?: da)?) ban hanh\b|\bban hanh boi (?:ai|co quan nao|don vi nao)\b/;

/** A question word left once the issuer is asked: the question asks something else too ("… và ngày nào", "về nội dung gì"). */
const ASKS_MORE = /\b(?:gi|nao|bao nhieu|bao lau|bao gio|ra sao|o dau|co phai|khong)\b/;

/** Does the question ask who issued a document, and nothing else? */
export function asksIssuer(question: string): boolean {
  return asksIssuerFolded(fold(question));
}

function asksIssuerFolded(folded: string): boolean {
  const m = ASKS_ISSUER.exec(folded);
  return !!m && !ASKS_MORE.test(folded.slice(0, m.index) + ' ' + folded.slice(m.index + m[0].length));
}

/** "2023-12-15" → "15/12/2023". */
function vietnameseDate(iso: string | undefined): string | undefined {
  const m = iso && /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : undefined;
}

/**
 * Does a question whose folded words are `asked` name the chunk's document: every word of its
 * title, or the part of its number before the first "/" ("Kế hoạch 221")? Also read by the
 * composer for a document's own entry into force.
 */
export function namesDocument(asked: ReadonlySet<string>, chunk: Chunk): boolean {
  return foldedSyllables(chunk.title).every((w) => asked.has(w)) || (!!chunk.number && asked.has(chunk.number.split('/')[0].replace(/^0+/, '')));
}

export interface IssuerAnswer {
  text: string;
  citation: Citation;
  hit: Scored<Chunk>;
}

/** The answer when the question asks who issued a document it names among `hits`, else undefined. */
export function issuerAnswer(
  question: string,
  hits: readonly Scored<Chunk>[],
  particularsOf: (docId: string) => Particulars | undefined,
  superseded?: SupersededLookup,
): IssuerAnswer | undefined {
  const folded = fold(question);
  if (!asksIssuerFolded(folded)) return undefined;
  const asked = new Set(wordsOf(folded));
  for (const hit of hits) {
    const chunk = hit.item;
    const particulars = particularsOf(chunk.docId);
    // A numbered document, named by its whole number, its title or its number's first part.
    if (!particulars?.issuer || !chunk.number || !(folded.includes(fold(chunk.number)) || namesDocument(asked, chunk))) continue;
    const citation = citationOf(chunk, superseded);
    // The particulars are the document's, not one article's.
    delete citation.locator;
    const document = `${chunk.type} số ${chunk.number}`;
    const body = [particularsLead(chunk.title), issuerText(document, particulars.issuer, vietnameseDate(particulars.date))].join('\n');
    return { text: `${body}\n\n${sourcesBlock([citation])}`, citation, hit };
  }
  return undefined;
}
