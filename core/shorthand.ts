/**
 * Chat shorthand written out: staff type "tạm giam tối đa bn lâu", "ksv có đc gặp bị can ko",
 * "nd30 cỡ chữ bn". The analysis reads words, so the words are restored before it: "bao nhiêu",
 * "được", "không", "Nghị định 30". Only tokens that are never words of their own are rewritten
 * (not "k", a điểm's letter, except closing a question), and a document type only before its number.
 * An invisible character inside a word ("khô\u200bng") keeps its halves from reading as shorthand ("ng").
 */
import { documentTypeName, fold, isUnaccented, nfc } from './text.js';

const WORDS: Readonly<Record<string, string>> = {
  bn: 'bao nhiêu',
  bnh: 'bao nhiêu',
  bnhiu: 'bao nhiêu',
  đc: 'được',
  dc: 'được',
  ko: 'không',
  kg: 'không',
  khg: 'không',
  hok: 'không',
  ng: 'người',
  cq: 'cơ quan',
  ntn: 'như thế nào',
  j: 'gì',
  vs: 'với',
  vb: 'văn bản',
  ts: 'tài sản',
  dn: 'doanh nghiệp',
  dv: 'dịch vụ',
  đt: 'điện thoại',
  z: 'vậy',
  'đ/c': 'đồng chí',
  'đ/chí': 'đồng chí',
};

/** Shorthand that, in capitals, is a title ("TS." is tiến sĩ, a doctor): written out only as typed in lower case. */
const TITLES = new Set(['ts']);

/** The shorthand tokens alone (longest first), so that ordinary words are not visited one by one. */
const TOKEN = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{Cf}\\p{M}/])(?:${Object.keys(WORDS).sort((a, b) => b.length - a.length).map((w) => w.replace('/', '\\/')).join('|')})(?![\\p{L}\\p{Cf}\\p{M}/])`,
  'giu',
);
/** A document type typed short before its number ("nd30", "qđ 390"), named as core/text.ts names it. */
const TYPED_NUMBER = /(?<![\p{L}\p{N}\p{Cf}\p{M}])(nđ|nd|qđ|qd|kh|ct|tt|nq)\s?(\d{1,4})(?![\p{L}\p{N}\p{Cf}\p{M}/])/giu;
/** "… được k?", "có đúng k", "có đc k bạn?": "k" closing the question (a particle or "bạn" may follow) is "không". */
const CLOSING_K = /(?<![\p{L}\p{N}\p{Cf}\p{M}])(?<!(?:điểm|diem)\s+)k(?=(?:\s+(?:bạn|ban|ạ|nhé|nhe|nha|vậy|vay))?\s*\?*\s*$)/iu;

/** "… được ko bn?", "bn ơi": "bn" after the yes-or-no "không" or "nhé", or called, is "bạn" (you). */
const YOU = /(?<=(?<![\p{L}\p{N}\p{Cf}\p{M}])(?:ko|không|khong|k|nhé|nhe|nha)\s+)bn(?=\s*(?:[,.?!]|$))|(?<![\p{L}\p{N}\p{Cf}\p{M}])bn(?=\s+(?:ơi|oi)(?![\p{L}]))/giu;

/**
 * "mang dt vào phòng họp", "dùng dt": "dt" typed without its đ is "điện thoại" after a verb one does
 * with a phone ("đt" is always). Elsewhere it may be "đầu tư", "đào tạo", "diện tích", "đợt" ("mấy dt"),
 * and in capitals "dự toán".
 */
const PHONE = /(?<=(?<![\p{L}\p{N}\p{Cf}\p{M}])(?:mang|dùng|dung|cầm|cam|gọi|goi|nghe)\s+)dt(?![\p{L}\p{N}\p{Cf}\p{M}/])/gu;

/** "bn lâu" is "bao lâu", not "bao nhiêu lâu". */
const HOW_LONG = /(?<![\p{L}\p{N}\p{Cf}\p{M}])bn\s+l[âa]u(?![\p{L}\p{Cf}\p{M}])/giu;

export function expandShorthand(text: string): string {
  // A question typed without accents gets its words without accents too: the analysis reads such a
  // question as a whole ("co" may be "có" or "cơ"), and one accented word would make it read every
  // other word as written.
  const plain = isUnaccented(text);
  const as = (w: string) => (plain ? fold(w) : w);
  let out = nfc(text).replace(YOU, as('bạn')).replace(HOW_LONG, as('bao lâu')).replace(TYPED_NUMBER, (m, type: string, num: string) => `${as(documentTypeName(fold(type)) ?? type)} ${num}`);
  out = out.replace(TOKEN, (m) => {
    const w = m.toLowerCase();
    return WORDS[w] && !(TITLES.has(w) && m !== w) ? as(WORDS[w]) : m;
  });
  // Most messages write no "dt": its lookbehind is not run over them.
  if (out.includes('dt')) out = out.replace(PHONE, as('điện thoại'));
  return out.replace(CLOSING_K, as('không'));
}
