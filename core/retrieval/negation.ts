/**
 * What a question asks not to be done or not to hold ("không được khởi tố", "trường hợp nào sẽ không
 * thụ lý", "thông tin nào không được tiếp cận"), and the headings that name exactly that: "Căn cứ không
 * khởi tố vụ án hình sự", "Các khiếu nại không được thụ lý giải quyết". Beside such an article the law
 * usually has its positive twin ("Căn cứ khởi tố …", "Thụ lý giải quyết khiếu nại"), which shares every
 * other word of the question and often more of them: the negation is what tells the two apart.
 *
 * Only a prohibition ("không được …") or a question asking which cases a "không …" covers counts: "Kiểm
 * sát viên không làm thủ tục bàn giao thì sao?", "Tài liệu mật không xử lý kịp thì …" tell a failure, and
 * no heading's "không được làm" answers them.
 */
import { fold } from '../text.js';
import { memoize } from '../memo.js';

/** Words between "không" and what it negates: "không được", "không phải", "không bị", "không có", "không thể". */
const MODAL = new Set(['duoc', 'phai', 'bi', 'co', 'the', 'can']);
/** "không gian", "không phận", "không khí", "không quân", "không ảnh", "không trung": nouns, no negation. */
const COMPOUND = new Set(['gian', 'phan', 'khi', 'quan', 'anh', 'trung', 'luc']);
/** What a "không" before them does not negate as a predicate: "không ai", "không phải là", "không còn nữa". */
const NOT_PREDICATE = new Set(['ai', 'la', 'gi', 'nao', 'khong', 'va', 'hoac', 'chi']);
/** A question asking which cases, grounds or things: "căn cứ nào", "trường hợp nào", "những việc gì", "thông tin nào". */
const WHICH = /\b(?:(?:can cu|truong hop|thong tin|viec|hanh vi|loai|van ban|khieu nai|to cao) (?:\S+ )?(?:nao|gi)|nhung (?:\S+ ){0,2}(?:nao|gi))\b/;

/** Folded syllables of each clause of a text (a "không?" ending one clause negates nothing in the next). */
function clauses(text: string): string[][] {
  return fold(text)
    .split(/[?!.,;:()]+/u)
    .map((c) => c.split(/[^\p{L}\p{N}]+/u).filter(Boolean))
    .filter((c) => c.length);
}

/** The syllable each "không" of a text negates (its modal skipped); `prohibited`: only after "không được". */
function negated(text: string, prohibited: boolean): string[] {
  const out = new Set<string>();
  for (const words of clauses(text)) {
    for (let i = 0; i < words.length - 1; i++) {
      // "vu khống" folds to "khong"; "có quyền không làm" is a right to refuse, no prohibition.
      if (words[i] !== 'khong' || words[i - 1] === 'vu' || (words[i - 1] === 'quyen' && words[i - 2] === 'co') || COMPOUND.has(words[i + 1])) continue;
      let j = i + 1;
      while (j < words.length && MODAL.has(words[j]) && j < i + 3) j++;
      if (prohibited && words[i + 1] !== 'duoc') continue;
      const w = words[j];
      if (w && !NOT_PREDICATE.has(w)) out.add(w);
    }
  }
  return [...out];
}

/** What the question asks not to be done: after "không được", or any "không" in a question asking which cases. */
export function askedNegations(question: string): string[] {
  return negated(question, !WHICH.test(fold(question)));
}

/** Does the heading negate one of these predicates ("không khởi tố", "không được thụ lý")? */
export function headingNegates(heading: string, predicates: readonly string[]): boolean {
  if (!predicates.length) return false;
  return headingNegations(heading).some((w) => predicates.includes(w));
}

/** A heading's negated predicates, once per heading: a negating question reads every heading of its pool. */
const headingNegations = memoize((heading: string) => negated(heading, false), 20_000);
