/**
 * Questions that ask for one kind of value: a phone number or e-mail address, a street address, a document's
 * number, the company that did something, a person by name. An answer whose pieces write no value of that kind
 * answers none of it, however many of the question's words they share ("Tổ trưởng Tổ giúp
 * việc: đồng chí …" is no phone number), so the composer abstains instead of quoting them.
 *
 * Questions are read folded (see core/text.ts `fold`), pieces as written.
 */
import { docNumberKey, findDocNumbers, fold } from '../text.js';

export type ValueKind = 'contact' | 'address' | 'document-number' | 'company' | 'person' | 'colour';

const CONTACT = '(?:so dien thoai|sdt|so dt|hotline|duong day nong|so fax|dia chi email|dia chi thu dien tu|email)';
/** "Cho tôi xin số điện thoại …", "số điện thoại của … là gì / là số nào". */
const ASKS_CONTACT = new RegExp(
  `\\b(?:xin|cung cap|cho (?:toi|minh|em|tui) (?:xin |biet )?)${CONTACT}\\b|\\b${CONTACT}\\b(?: \\S+){0,10} (?:la gi|la bao nhieu|la so nao|so may|nao)\\b`,
);
/** A phone number (7+ digits, spaced or dotted as printed) or an e-mail address. */
const WRITES_CONTACT = /(?<![\d/])\d(?:[ .-]?\d){6,}(?![\d/])|[\w.+-]+@[\w-]+\.[\w.]+/;

/** "Trụ sở … nằm ở địa chỉ nào?", "địa chỉ của Viện … là gì", "trụ sở … đặt ở đâu": where an office is. */
const ASKS_ADDRESS = /\b(?:o|nam o|tai|dat o) dia chi nao\b|\bdia chi (?:cua )?(?:vien|vks\w*|toa an|co quan|tru so|ban|phong)\b(?: \S+){0,8} (?:la gi|o dau|nao)\b|\btru so (?:\S+ ){0,8}(?:nam |dat )?o dau\b/;
/** A street address, or a place an office stands in, as written: "số 44 Lý Thường Kiệt", "đường Trần Hưng Đạo", "tại Thủ đô Hà Nội". */
const WRITES_ADDRESS = /(?:số \d+[\w/-]*,? (?:phố|đường|ngõ)?\s*\p{Lu}|(?:đường|phố|ngõ|ngách|hẻm|đại lộ) \p{Lu}|(?:tại|ở|đặt tại) (?:Thủ đô|thành phố \p{Lu}|tỉnh \p{Lu}|phường \p{Lu}|quận \p{Lu}))/u;

const DOC_TYPE = '(?:luat|bo luat|nghi dinh|nghi quyet|thong tu|quyet dinh|chi thi|ke hoach|cong van|thong bao|huong dan|van ban)';
/**
 * "Thông tư số mấy", "ban hành theo quyết định nào, số bao nhiêu", "số hiệu / ký hiệu là gì". Not
 * "chữ viết tắt … trong số ký hiệu là gì": there the number is where the asked thing is written.
 */
const ASKS_NUMBER_OF = new RegExp(
  `\\b${DOC_TYPE} (?:so|so hieu) (?:may|bao nhieu|nao)\\b|(?<!\\b(?:trong|o|tai) (?:so )?)\\b(?:so hieu|so ky hieu|ky hieu) (?:van ban )?(?:la gi|la bao nhieu|nao|the nao)\\b`,
);

/** "Công ty nào xây dựng …", "doanh nghiệp nào cung cấp …". */
const ASKS_COMPANY = /\b(?:cong ty|doanh nghiep|nha thau|tap doan|hang) nao\b/;
const WRITES_COMPANY = /\b(?:cong ty|doanh nghiep|nha thau|tap doan|nha cung cap)\b/;

/** A person's name: three or more capitalised syllables in a row, or two after "đồng chí / ông / bà". */
export const PERSON_NAME = /(?:đồng chí|ông|bà)\s+\p{Lu}\p{Ll}*\s+\p{Lu}|(?<![\p{L}])\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/gu;
/** PERSON_NAME without the global flag: `test` on a global pattern resumes from its last match. */
const ANY_PERSON = new RegExp(PERSON_NAME.source, 'u');
/** "Đồng chí (lãnh đạo) nào ký …", "họ tên của … là gì": a person, not an office ("ai ký" may be answered by one). */
const ASKS_PERSON = /\bdong chi(?: \S+){0,2} nao\b|\bho (?:va )?ten(?: \S+){0,8} (?:la gi|nao)\b/;

/**
 * "… đóng bằng mực màu gì?", "màu sắc nào": a colour, read as written ("mẫu nào", a form, folds the same).
 * Typed without accents the question says nothing of it.
 */
const ASKS_COLOUR = /(?<![\p{L}])màu(?: sắc)? (?:gì|nào)(?![\p{L}])/u;
/** A colour as the rules write it ("màu đỏ tươi", "mực xanh", "màu đen"). */
const WRITES_COLOUR = /(?<![\p{L}])(?:màu|mực)\s+(?:đỏ|xanh|đen|vàng|trắng|tím|nâu|hồng|xám)(?![\p{L}])/iu;

/** The kind of value the question asks for, if it asks for one of these (`written`: the question as typed, for what folding hides). */
export function askedValue(folded: string, written: string): ValueKind | undefined {
  if (ASKS_COLOUR.test(written.toLowerCase())) return 'colour';
  if (ASKS_CONTACT.test(folded)) return 'contact';
  if (ASKS_ADDRESS.test(folded)) return 'address';
  if (ASKS_NUMBER_OF.test(folded)) return 'document-number';
  if (ASKS_COMPANY.test(folded)) return 'company';
  if (ASKS_PERSON.test(folded)) return 'person';
  return undefined;
}

/**
 * Does `text` write a value of `kind`? A document number the question itself writes does not
 * count: "Kế hoạch 221/KH-VKSTC" restated is not the number of the other document asked about.
 */
export function writesValue(kind: ValueKind, text: string, question: string): boolean {
  if (kind === 'contact') return WRITES_CONTACT.test(text);
  if (kind === 'address') return WRITES_ADDRESS.test(text);
  if (kind === 'company') return WRITES_COMPANY.test(fold(text));
  if (kind === 'person') return ANY_PERSON.test(text);
  if (kind === 'colour') return WRITES_COLOUR.test(text);
  const asked = new Set(findDocNumbers(question).map(docNumberKey));
  return findDocNumbers(text).some((n) => !asked.has(docNumberKey(n)));
}
