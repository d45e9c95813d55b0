/**
 * The document a question says to look in ("Theo Luật An ninh mạng, …", "… theo Luật Khiếu nại
 * nghĩa là gì?"): where to look, not what is asked. Both the retriever (a definition's subject) and
 * the composer (the question's subject) read the question without it.
 */
import { fold } from './text.js';

/** A document type as questions write it, accented or not. */
const SOURCE_DOC = '(?:bộ luật|bo luat|luật|luat|nghị định|nghi dinh|nđ|nd|thông tư|thong tu|quyết định|quyet dinh|chỉ thị|chi thi|kế hoạch|ke hoach|hướng dẫn|huong dan|blths|bltths)';
/** "Theo Luật An ninh mạng, …" opening a question, or "… theo Luật An ninh mạng?" closing it: where to look, not what is asked. */
const SOURCE_LEAD = new RegExp(`^\\s*(?:theo|căn cứ|can cu)\\s+${SOURCE_DOC}(?![\\p{L}])[^,?]*?(?:,\\s*|\\s+(?:thì|thi(?!\\s+h[àa]nh))\\s+)`, 'iu');
const SOURCE_TAIL = new RegExp(`\\s*,?\\s+(?:theo|trong|tại|tai)\\s+(?:quy định (?:của|tại)\\s+|quy dinh (?:cua|tai)\\s+)?${SOURCE_DOC}(?![\\p{L}])[^,?]*(?=\\?*\\s*$)`, 'iu');

/**
 * "Hành vi hành chính theo Luật Khiếu nại nghĩa là gì?": the document named inside the question, its
 * name ended by the frame that asks ("nghĩa là", "được hiểu", "là gì").
 */
const SOURCE_INSIDE = new RegExp(
  `\\s*,?\\s+(?:theo|trong|tại|tai)\\s+${SOURCE_DOC}(?![\\p{L}])[^,?]*?(?=\\s*,?\\s+(?:nghĩa là|nghia la|là gì|la gi|được hiểu|duoc hieu|được định nghĩa|duoc dinh nghia|được coi là|duoc coi la|được gọi là|duoc goi la)(?![\\p{L}]))`,
  'iu',
);

/** The question without the document it says to look in: its subject is what it asks about. */
export function withoutSource(question: string): string {
  let q = question.replace(SOURCE_LEAD, '');
  const tail = SOURCE_TAIL.exec(q);
  // "… theo Luật Giao dịch điện tử 2023 gồm những dịch vụ nào?": the question goes on after the name.
  if (tail && !fold(tail[0]).toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => ASKING.has(w))) q = q.slice(0, tail.index) + q.slice(tail.index + tail[0].length);
  else q = q.replace(SOURCE_INSIDE, '');
  return q.trim() ? q : question;
}

/** Words that carry the question: a document's name ends before them. */
const ASKING = new Set('gi nao gom bao khong sao ai dau la co duoc phai the'.split(' '));

