/**
 * What a question asks not to be done or not to hold ("không được khởi tố", "sẽ không thụ lý",
 * "không được tiếp cận"), and the headings that name exactly that: "Căn cứ không khởi tố vụ án
 * hình sự", "Các khiếu nại không được thụ lý giải quyết". Beside such an article the law usually
 * has its positive twin ("Căn cứ khởi tố …", "Thụ lý giải quyết khiếu nại"), which shares every
 * other word of the question and often more of them: the negation is what tells the two apart.
 */
import { fold } from '../text.js';

/** Words between "không" and what it negates: "không được", "không phải", "không bị", "không có", "không thể". */
const MODAL = new Set(['duoc', 'phai', 'bi', 'co', 'the', 'can']);
/** "không gian", "không phận", "không khí", "không quân", "không ảnh", "không trung": nouns, no negation. */
const COMPOUND = new Set(['gian', 'phan', 'khi', 'quan', 'anh', 'trung', 'luc']);

/** Folded syllables of a text. */
export function syllables(text: string): string[] {
  return fold(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The syllable each "không" of the question negates (its modal skipped), once per syllable. */
export function negatedPredicates(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i < words.length - 1; i++) {
    // "có quyền không làm" is a right to refuse, no prohibition.
    if (words[i] !== 'khong' || (words[i - 1] === 'quyen' && words[i - 2] === 'co')) continue;
    let j = i + 1;
    while (j < words.length && MODAL.has(words[j]) && j < i + 3) j++;
    const w = words[j];
    if (w && w !== 'khong' && !COMPOUND.has(words[i + 1])) out.add(w);
  }
  return [...out];
}

/** Does the heading negate one of these predicates ("không khởi tố", "không được thụ lý")? */
export function negatesAny(heading: readonly string[], predicates: readonly string[]): boolean {
  if (!predicates.length) return false;
  const found = negatedPredicates(heading);
  return found.some((w) => predicates.includes(w));
}
