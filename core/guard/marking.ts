/**
 * Classification markings on retrieved passages and on answers.
 *
 * A marking is how a classified document *says* it is classified: a stamp line
 * ("TỐI MẬT"), a field ("Độ mật: Tuyệt mật"), a bracketed note ("(Tài liệu mật)").
 * Public law that talks about secrets never carries one, so it passes.
 */
import { unmask } from './normalize.js';
import { fold } from '../text.js';

const LEVEL = '(?:tuyet mat|toi mat|mat)';
const URGENCY = '(?:khan|thuong khan|hoa toc|hoa toc hen gio)';

/** A line that is nothing but a stamp: "MẬT", "TỐI MẬT - KHẨN", "** TUYỆT MẬT **", "TOP SECRET". */
const STAMP_LINE = new RegExp(
  `^(?:do |dau )?${LEVEL}(?: ?[-–,/] ?${URGENCY})*$|^${URGENCY} ?[-–,/] ?${LEVEL}$|^(?:top secret|secret|confidential|classified|restricted)(?: ?[-–/] ?[a-z ]{0,20})?$`,
);
/** A stamp at the head of a line, before the document header that a chunker may have glued on. */
const STAMP_HEAD = new RegExp(`^${LEVEL}(?: ?[-–,/] ?${URGENCY})? (?:so|ban so|cong hoa|vien kiem sat|bo|uy ban|dang)\\b`);
/** "Độ mật: Tối mật", "Mức độ mật - MẬT", "Classification: Top Secret". */
const LEVEL_FIELD = new RegExp(
  // One value, not the law's enumeration "03 độ mật: Tuyệt mật, Tối mật, Mật".
  `(?:^|[^a-z0-9 ]|[^0-9] )(?:muc )?do mat ?[:=：–-] ?(?:do )?${LEVEL}(?![a-z])(?! ?(?:,|hoac|va) ?(?:do )?${LEVEL})|classification ?[:=] ?(?:top secret|secret|confidential)`,
);
/** "(Tài liệu mật)", "[TỐI MẬT]", "(Mật)". */
const BRACKETED = new RegExp(`[([{] ?(?:tai lieu |van ban |ho so |do )?${LEVEL} ?[)\\]}]`);
/** A numbered document said to bear a level: "Kế hoạch 15/KH-VKSTC (độ mật) Tối mật", "số 12/VKSTC thuộc độ Mật". */
const NUMBERED_LEVEL = new RegExp(
  `\\d+ ?/ ?[a-z0-9/-]+ (?:\\S+ ){0,6}?(?:co do|thuoc do|mang do|duoc xac dinh (?:la |do )?|duoc dong dau|dong dau|la tai lieu|la van ban) ?${LEVEL}(?! cua)(?![a-z])`,
);

/** Lower-case folded text; "mật"-looking words with other accents (mặt, mất) are kept apart. */
function foldKeepingMat(text: string): string {
  const t = unmask(text).normalize('NFC');
  // mặt / mất / mắt / mát are not classification words; mark them before accents go.
  return fold(t.replace(/m[ặấắáàạảãầẩẫằẳẵ]t/giu, 'm_t'));
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => foldKeepingMat(l).replace(/[*_#>|"“”'`~=•·]+/g, ' ').replace(/\s+/g, ' ').trim());
}

/** True when a retrieved chunk carries a classification marking. */
export function passageIsClassified(text: string): boolean {
  for (const line of lines(text)) {
    if (!line) continue;
    if (STAMP_LINE.test(line) || STAMP_HEAD.test(line)) return true;
  }
  const whole = foldKeepingMat(text).replace(/\s+/g, ' ');
  return LEVEL_FIELD.test(whole) || BRACKETED.test(whole) || NUMBERED_LEVEL.test(whole);
}

/** True when an answer is safe to send: it reveals no marked material. */
export function checkOutput(answerText: string): boolean {
  return !passageIsClassified(answerText);
}
