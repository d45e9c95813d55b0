/**
 * The default, offline answer: quote the lines of the retrieved passages that
 * answer the question, then cite them. No model, no network, deterministic.
 */
import type { Chunk, Citation, Scored } from '../types.js';
import { findDates, fold, foldedSpaced, foldedSyllables, nfc, spacedWords, wordsOf } from '../text.js';
import { abstentionText, unknownDocumentText } from '../../prompts/answer.js';
import { ELLIPSIS, leadLine } from '../../prompts/answer.js';
import { decideAbstention, delegatedTo, lawAsWritten, provinceOnly, termMatch, type AbstainDecision, type AbstainOptions } from './abstain.js';
import { citationOf, citationsOf, narrowLocator, sourcesBlock, uniqueCitations, type SupersededLookup } from './format.js';
import { askedStep, asksCondition, contentTerms, matchTerms, questionTerms, tokens, questionKinds, withUnigrams, type MatchTerm, type QueryTerm, type QuestionKind } from './terms.js';
import { crimeGrades, otherGradeOnly, type CrimeGrade } from './crime-grade.js';
import { chunkIndexOf, passageIndex, phraseSyllables, type PassageIndex } from '../retrieval/passage-index.js';
import { PLURAL, STOP_SYLLABLES } from '../retrieval/analyze.js';
import { memoize } from '../memo.js';
import { headingTitle, unitsOf, type Unit } from './units.js';
import { asksHowTo, findSteps, type StepAnswer } from './steps.js';
import { questionSynonyms, withSynonyms } from './synonyms.js';
import { namedArticles } from './primary.js';
import { askedValue, PERSON_NAME, writesValue, type ValueKind } from './value-kinds.js';
import { referredUnits, referredWords, type ReferredUnit } from './references.js';
import { issuerAnswer, namesDocument, type Particulars } from './issuer.js';
import { scopeSource, type ScopeSource } from './scope.js';
import { withoutSource } from '../question-source.js';
import { otherBranch } from './branch.js';
import { isQuoted } from './quoted.js';
import type { SynonymMatch } from '../retrieval/thesaurus.js';

export interface ComposeResult {
  text: string;
  citations: Citation[];
  abstained: boolean;
  /** The hits whose text the answer quotes (every citation comes from one of them). */
  used: Scored<Chunk>[];
  /** Why the composer abstained, for logs and tuning. */
  abstainReason?: AbstainDecision['reason'];
}

export interface ComposeOptions {
  /** Thresholds of the abstention check. */
  abstain: Partial<AbstainOptions>;
  /** Skip the abstention check (the caller already decided the hits answer). */
  skipAbstention: boolean;
  /** Bound on the answer body (lead + quoted text), in characters. */
  maxChars: number;
  /** At most this many quoted pieces. */
  maxUnits: number;
  /** Only the best hits are quoted from. */
  maxHits: number;
  /** A later piece is added only if it scores at least this share of the best one. */
  keepRatio: number;
  /** Replacement of a superseded document, for citations. */
  superseded?: SupersededLookup;
  /** Text appended to the abstention message (what the assistant covers). */
  coverageHint?: string;
  /**
   * Rarity of a folded syllable in the corpus (its IDF): a piece holding the question's rare
   * words ("công tố", "hiệu lực") outranks one holding only "Viện kiểm sát". Flat without it.
   */
  termWeight?: (folded: string) => number;
  /** A document's particulars recorded at ingest (who issued it, when), by docId. */
  particularsOf?: (docId: string) => Particulars | undefined;
  /**
   * Lines an earlier answer quotes (keys from quoted.ts): the pieces they are not quoted again, when
   * a second question ("… và nhiệm kỳ mấy năm?") adds to that answer.
   */
  quoted?: ReadonlySet<string>;
}

export const DEFAULT_COMPOSE: ComposeOptions = {
  abstain: {},
  skipAbstention: false,
  maxChars: 700,
  maxUnits: 3,
  maxHits: 12,
  keepRatio: 0.7,
};

/**
 * The retriever's verdict is a prior, not a verdict: a hit's pieces weigh its score relative to
 * the best hit's, to this power. Scores, not ranks: twelve hits a hair apart are all candidates,
 * a hit far behind the best is quoted only when its pieces are clearly better.
 */
const PRIOR_POWER = 4;

function retrieverPrior(hit: Scored<Chunk>, best: Scored<Chunk>): number {
  return best.score > 0 && hit.score > 0 ? Math.min(1, Math.pow(hit.score / best.score, PRIOR_POWER)) : 1;
}

/** The abstention check reads the retriever's best few hits, however many the composer reranks. */
export const ABSTAIN_POOL = 6;

export interface Candidate {
  unit: Unit;
  hit: Scored<Chunk>;
  rank: number;
  score: number;
  /** Folded question syllables the piece contains. */
  covers: Set<string>;
  /** Syllables of the khoản the piece refers to ("khoản 3 Điều 206 của Bộ luật này"), when retrieved. */
  referred?: Set<string>;
  /** Those khoản themselves, quoted with the piece when they hold words of the question it lacks. */
  refs?: ReferredUnit[];
}

/** Units of time, folded. */
const TIME_UNITS = 'ngay|thang|nam|gio|tuan|phut';
/** Words that set a time limit, folded: "kể từ", "chậm nhất", "thời hạn". */
const DEADLINE_WORDS = 'ke tu|cham nhat|truoc ngay|thoi han|thoi hieu';
const DURATION = new RegExp(`\\b\\d+\\s*(${TIME_UNITS})\\b|\\b(${DEADLINE_WORDS})\\b`);
/** "30 ngày", "10 năm": a duration that answers "bao lâu"; the words "thời hạn" alone only name it. */
const NUMERIC_DURATION = new RegExp(`\\b\\d+\\s*(${TIME_UNITS})\\b`);
const ACTOR =
  /\b(co quan|to chuc|ca nhan|nguoi|dong chi|vien truong|chanh an|thu truong|chu tich|bo truong|toa an|vien kiem sat|chinh phu|quoc hoi|thanh tra|kiem sat vien|uy ban|co tham quyen|co trach nhiem|chiu trach nhiem)\b/;
const STEPS = /\b(sau day|trinh tu|buoc|tiep nhan|thu ly|lap bien ban|thong bao|chuyen)\b/;

/** Counting words a "mấy / bao nhiêu ..." question asks a number of. */
const COUNTERS = `${TIME_UNITS}|tuoi|nguoi|lan|cap|loai|buoc|muc`;
const ASKED_COUNT = new RegExp(`(?:^| )(?:bao nhieu|may|toi da|toi thieu) (${COUNTERS})(?: |$)`);
/** Counters that classify the noun after them ("loại độ mật", "cấp kiểm sát"), rather than name the thing. */
const CLASSIFIERS = new Set(['loai', 'cap', 'muc']);
const NEXT_TWO = /^ (\p{L}+) (\p{L}+) /u;
/** Words that end or start no noun after a classifier ("mấy loại theo phạm vi", "mấy loại là"), folded. */
const AFTER_CLASSIFIER_NOT_NOUN = new Set('theo cua trong ve cho tai o de voi tu den nao gi ma hay hoac khac sau la thi co duoc va'.split(' '));
/**
 * Digits or a spelled-out number ("năm người", "03 ngày"), folded. Not "tư" nor "sáu": folded they
 * are "từ" and "sau", and "kể từ ngày", "sau ngày" write no number of days.
 */
const COUNT = '(?:\\d+|mot|hai|ba|bon|nam|bay|tam|chin|muoi|tram|nghin)';
/** People as a count names them: "người", and "đồng chí" or "thành viên" ("gồm 23 đồng chí Thủ trưởng …"). */
const PEOPLE = '(?:nguoi|dong chi|thanh vien)';
/** "ở tuổi bao nhiêu", "mấy người": the counter before the question word ("ngày bao nhiêu" asks a date). */
const REVERSED_COUNT = / (tuoi|nguoi|lan) (?:la )?(?:bao nhieu|may) /;
/** "Tuổi nghỉ hưu của … là bao nhiêu?": an age is asked, wherever the question word stands. */
const ASKED_AGE = /^ (?:do )?(tuoi) .*\b(?:bao nhieu|may)\b/;
const ASKED_MONEY = / bao nhieu (?:tien|dong|trieu|ty|nghin dong) | (?:phat tien|muc phat|tien phat|le phi|muc phi|muc thu phi)(?: \p{L}+){0,16} (?:la )?bao nhieu (?!(?:ngay|thang|nam|gio|tuan|phut|lan|loai|nguoi|buoc) )/u;
/**
 * A span of time, a deadline or an immediacy, which "bao lâu" is answered by: "03 ngày", "hai
 * tháng", "kể từ", "chậm nhất", "thời hạn", "ngay", "cho đến khi", "vĩnh viễn", "không thời hạn", "theo
 * nhiệm kỳ của Quốc hội", "bất cứ lúc nào" (no limit at all).
 */
const LASTS_FOR = new RegExp(
  ` (?:${COUNT}) (?:${TIME_UNITS}) | (?:${DEADLINE_WORDS}|thoi gian|nhiem ky|ngay|cho den|den khi|den het|suot|vinh vien|lau dai|ket thuc|het han|bat (?:cu|ky) luc nao) `,
);
function lastsFor(c: Candidate): boolean {
  return LASTS_FOR.test(featuresOf(c.unit).spacedInContext);
}
/** A sum: "500.000 đồng", "hai triệu (đồng)", "03 tỷ"; a bare "triệu" is no sum ("giấy triệu tập"). */
const MONEY = new RegExp(` (?:\\d[\\d.,]*|${COUNT}) (?:(?:nghin |trieu |ty )?(?:dong|usd)|trieu|ty) `);


/**
 * "tối đa mấy ngày", "bao nhiêu người đại diện": the answer writes a number of that very thing
 * ("không quá 03 ngày", "không quá năm người"), not merely some number (12 giờ).
 */
export function countedThing(question: string): RegExp | undefined {
  const f = foldedSpaced(question);
  // "bao nhiêu tiền": a sum of money ("500.000 đồng", "hai triệu đồng"), not any number.
  if (ASKED_MONEY.test(f)) return MONEY;
  const m = ASKED_COUNT.exec(f) ?? REVERSED_COUNT.exec(f) ?? ASKED_AGE.exec(f);
  if (!m) return undefined;
  // "gia hạn lần thứ hai" says how many times: twice at most.
  if (m[1] === 'lan') return new RegExp(` ${COUNT} lan | lan thu ${COUNT} `);
  // "mấy loại độ mật" is answered by "03 độ mật": a classifier before a noun may go unwritten. The
  // noun's two syllables, as one folded ("do") is many words ("khoản 3 do Chính phủ quy định").
  const noun = CLASSIFIERS.has(m[1]) ? NEXT_TWO.exec(f.slice(m.index + m[0].length - 1)) : null;
  if (noun && !AFTER_CLASSIFIER_NOT_NOUN.has(noun[1]) && !AFTER_CLASSIFIER_NOT_NOUN.has(noun[2])) return new RegExp(` ${COUNT} (?:${m[1]}|${noun[1]} ${noun[2]}) `);
  return new RegExp(` ${COUNT} ${m[1] === 'nguoi' ? PEOPLE : m[1]} `);
}

/**
 * A number in digits of some thing other than a span of time ("23 đồng chí", "03 lớp"): "05 năm",
 * "30 ngày" are no count of things, nor is a reference ("khoản 1 Điều này"), nor a share ("100% văn bản",
 * as countable writes it). (Spelled numbers are left out: "năm" is five and a year.)
 */
const COUNT_OF_THINGS = /(?<! (?:dieu|khoan|diem|chuong|muc|phan|so|nam|thang|ngay)) \d+ (?!(?:nam|thang|ngay|gio|tuan|phut|lan|dieu|khoan|xphantram)\b)\p{L}+ /u;

/**
 * Staff a question may count ("bao nhiêu cán bộ, công chức") and a number of them may be written as, folded.
 * A number right after a year, a date or an article's number counts nothing ("năm 2024, cán bộ …").
 */
const STAFF_NOUNS = [
  'can bo', 'cong chuc', 'vien chuc', 'kiem sat vien', 'kiem tra vien', 'nhan vien', 'thanh vien', 'dong chi', 'lanh dao', 'tham phan',
  'thu ky', 'dieu tra vien', 'nguoi lao dong', 'dai dien', 'uy vien', 'pho vien truong', 'vien truong', 'hoi tham nhan dan', 'luat su',
];
const NOT_A_COUNT_AFTER = '(?<! (?:nam|ngay|thang|dieu|khoan|diem))';
/** The first two syllables of each, as a counted noun is read ("bao nhiêu cán bộ, công chức" counts "can bo"). */
const STAFF_HEADS = new Set(STAFF_NOUNS.map((n) => n.split(' ').slice(0, 2).join(' ')));
/** A number in digits of staff, however they are called ("23 đồng chí", "05 Kiểm sát viên"). */
const STAFF_COUNT = new RegExp(`${NOT_A_COUNT_AFTER} \\d+ (?:${STAFF_NOUNS.join('|')}|nguoi) `);

/** A number of people, spelled ("không quá năm người") as often as in digits: "năm" before "người" is five. */
const PEOPLE_COUNT = new RegExp(` ${COUNT} ${PEOPLE} `);

/** A share of a whole, which answers "bao nhiêu thành viên" as well as a number: "quá nửa tổng số thành viên", "2/3" (not "đã số hóa"). */
const SHARE = / (?:qua nua|mot nua|hai phan ba|ba phan tu|da so (?!hoa )|\d+\/\d+ |\d+ ?%)/;

/** A percentage of staff, as countable writes it ("50% cán bộ"); not of something else ("50%/số lượng vụ án"). */
const STAFF_SHARE = new RegExp(` \\d+ xphantram (?:\\S+ ){0,3}?(?:${STAFF_NOUNS.join('|')}|nguoi) `);

/** "bao nhiêu hồ sơ vụ án": the thing after "bao nhiêu" ("mấy" folds like "máy", and is left out). */
const NOUN_COUNT = / bao nhieu (\p{L}+) (\p{L}+) /u;
/** Words after "bao nhiêu" that name no thing counted: a share, an amount, the question's end. */
const NOT_COUNTED = new Set('la thi phan ti ty muc lau con co duoc khong nua hay va hoac lan nguoi ngay thang nam gio tuoi'.split(' '));

/**
 * Does the piece count a sibling of the thing asked and not the thing ("86 hồ sơ vụ án hình sự;
 * 857 hồ sơ vụ án dân sự" for "bao nhiêu hồ sơ vụ án hành chính")? The number is then another's.
 */
function countsSibling(countable: string, counted: RegExp, kind: readonly string[]): boolean {
  const head = counted.source.replace(/ $/, '');
  const whole = new RegExp(`${head} ${kind.join(' ')} `);
  if (whole.test(countable)) return false;
  // The same thing for its first words, then another word ("vụ án" then "hình sự", not "hành chính").
  for (let k = kind.length - 1; k >= 1; k--) {
    if (new RegExp(`${head} ${kind.slice(0, k).join(' ')} (?!${kind[k]} )\\p{L}+ `, 'u').test(countable)) return true;
  }
  return false;
}

/**
 * The thing a "bao nhiêu <danh từ>" question counts: a number and its first two words ("857 hồ sơ"),
 * and, as `kind`, its words past those, up to the question's end or a function word ("vu an hanh
 * chinh" of "bao nhiêu hồ sơ vụ án hành chính"), which tell it from its siblings.
 */
function nounCounted(question: string): { noun: RegExp; kind?: string[]; staff: boolean } | undefined {
  const f = foldedSpaced(question);
  const m = NOUN_COUNT.exec(f);
  if (!m || NOT_COUNTED.has(m[1]) || NOT_COUNTED.has(m[2]) || (m[1] === 'so' && m[2] === 'luong')) return undefined;
  const kind: string[] = [];
  for (const w of f.slice(m.index + m[0].length).trim().split(' ')) {
    if (!w || STOP_SYLLABLES.has(w) || /\d/.test(w) || kind.length >= 4) break;
    kind.push(w);
  }
  // "năm 2024, cán bộ …" is a year before the noun, not 2024 of them (nor is "Điều 5 cán bộ …" five).
  // A share of them counts them too ("100% văn bản …", as countable writes it), not a share of something else.
  return { noun: new RegExp(`${NOT_A_COUNT_AFTER} (?:${COUNT}|\\d+ ${PERCENT_WORD}) ${m[1]} ${m[2]} `), kind: kind.length >= 2 ? kind : undefined, staff: STAFF_HEADS.has(`${m[1]} ${m[2]}`) };
}

/** Who holds an office now: "hiện nay là ai", "ai đang giữ chức …". */
const ASKS_HOLDER = /\b(la ai|ai la|ai dang|ai giu|ai lam|la dong chi nao|dong chi nao la)\b.*\b(hien nay|hien tai|bay gio|duong nhiem)\b|\b(hien nay|hien tai|bay gio|duong nhiem)\b.*\b(la ai|ai la|ai dang|ai giu|ai lam|la dong chi nao|dong chi nao)\b|\bai dang (giu|lam|dam nhiem)\b/;
const HOLDER_WORDS = /\b(?:hien nay|hien tai|bay gio|duong nhiem|la ai|ai la|ai dang|ai giu|ai lam|la dong chi nao|dong chi nao)\b/;

/**
 * The office a "who holds it now" question names, by its first words ("vien truong" of "Viện trưởng
 * VKSND tối cao hiện nay là ai?", "pho truong ban" of "Ai đang giữ chức Phó Trưởng Ban …?").
 */
function officeAsked(folded: string): string | undefined {
  const plain = spacedWords(folded).trim();
  const at = plain.search(HOLDER_WORDS);
  let office = at > 0 ? plain.slice(0, at) : plain.replace(/^.*?\b(?:giu|lam|dam nhiem)\b (?:chuc (?:vu |danh )?)?/, '');
  office = office.replace(HOLDER_WORDS, ' ').trim();
  const words = office.split(' ').filter(Boolean);
  const head = words.slice(0, words[0] === 'pho' ? 3 : 2);
  return head.length === (words[0] === 'pho' ? 3 : 2) ? head.join(' ') : undefined;
}

/** "Viện trưởng … tên là gì?", "họ tên của Phó Trưởng ban …": the name of an office's holder, which only a name answers. */
const NAME_ASKED = /\b(?:ten (?:la )?gi|ten day du|ho (?:va )?ten)\b|^(?:ho )?ten (?:cua )?/;
const OFFICE = /\b(?:pho )?(?:vien truong|truong ban|truong phong|cuc truong|vu truong|chanh an|chanh van phong|bo truong|chu tich|giam doc|to truong|thu truong)\b/;

/**
 * The office ("vien truong", "pho truong ban") whose holder's name a question asks, folded: the office is what
 * the question is about (it opens it, or follows "họ tên của"), not one named on the way ("Kế hoạch do Viện
 * trưởng ký có tên đầy đủ là gì?" asks the plan's name).
 */
function officeNamed(folded: string): string | undefined {
  const plain = spacedWords(folded).trim();
  if (!NAME_ASKED.test(plain)) return undefined;
  const office = OFFICE.exec(plain);
  if (!office) return undefined;
  const before = plain.slice(0, office.index).trim();
  return !before || /^(?:dong chi|ong|ba)$/.test(before) || /\bho (?:va )?ten (?:cua )?$/.test(before) ? office[0] : undefined;
}

/**
 * Does the text name a person holding the office: the name with the office written beside it, and
 * not its deputy's ("đồng chí X, Phó Viện trưởng …" holds no "Viện trưởng")? Without a known office,
 * any name.
 */
function namesHolder(text: string, office: string | undefined): boolean {
  const holds = office && new RegExp(`${office.startsWith('pho ') ? '' : '(?<!pho )'}\\b${office}\\b`);
  for (const m of text.matchAll(PERSON_NAME)) {
    if (!holds) return true;
    // The offices written with the name: its clause before it ("… Viện trưởng VKSND tối cao Lê Minh Trí"),
    // and the two apposed after it ("Hoàng Minh Tiến, Cục trưởng Cục 2, Phó Trưởng Ban Chỉ đạo").
    const before = text.slice(0, m.index).split(/[.,;:]/).pop() ?? '';
    if (holds.test(fold(before).toLowerCase())) return true;
    const apposed = text.slice(m.index + m[0].length).split(/[.;:]/)[0].split(/\s*[,–-]\s*/).slice(1, 3);
    // Apposed, the office opens the phrase ("Cục trưởng Cục 2"), not somewhere inside it.
    if (apposed.some((a) => fold(a).toLowerCase().search(holds) === 0)) return true;
  }
  return false;
}

/** Asking for an amount or a calendar date: the answer writes a number. */
const ASKS_NUMBER = /\b(bao nhieu|ngay nao|thang nao|nam nao|thang may|ngay may|ty le|ti le|phan tram)\b/;
/**
 * "Thời hạn … tính từ ngày nào?": the event a period runs from ("ngày nhận được bản án"), no calendar
 * date. So is the rule that fixes a day: "ngày kháng cáo tính theo ngày nào?" (the postmark's),
 * "lấy ngày nào làm ngày sinh?" (the last of the month).
 */
const COUNTED_FROM = /\btinh (?:ke tu|tu|theo) ngay nao\b|\blay ngay nao\b/;
const DAY_OF_MONTH = /\bngay \d{1,2} thang \d{1,2}\b|\b\d{1,2}\/\d{1,2}\b/;
/** Asking for a day, not a year or a month. */
const ASKS_DAY = /\b(ngay nao|ngay may|ngay bao nhieu)\b/;
/** Of those, asking for a date: the answer writes one. */
const ASKS_CALENDAR = /\b(ngay nao|thang nao|nam nao|thang may|ngay may|ngay bao nhieu)\b/;

/**
 * Amounts a piece writes: numbers that are neither part of a document number or date ("221/KH-VKSTC",
 * "18/12/2023") nor a reference ("Điều 42", "khoản 2", "số 390").
 */
function amountsIn(folded: string): string[] {
  const out: string[] = [];
  for (const m of folded.matchAll(/(?<![\p{L}\p{N}/.,-])(\d+(?:[.,]\d+)*)(?![\p{N}]|[/.-]\p{N}|\/)/gu)) {
    const before = folded.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
    if (/\b(dieu|khoan|diem|so|chuong|muc|phu luc|mau|luat|ky hieu)\s*$/.test(before)) continue;
    out.push(m[1]);
  }
  return out;
}

/**
 * Spelled-out numbers, accented ("một hoặc hai người"); "năm" only before what it counts (else it is a
 * year); not an ordinal ("lần hai", "thứ ba", "cấp hai"), which counts nothing.
 */
const SPELLED_NUMBER = /(^|[^\p{L}])(?<!(?:lần|thứ|cấp|lan|thu|cap) )(hai|ba|bốn|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ|năm (?:người|ngày|tháng|năm|lần))(?![\p{L}])/iu;

/** Does the piece state what is asked: a date for "ngày nào", else an amount the question did not write? */
function writesNumber(unit: Unit, q: QuestionFeatures): boolean {
  const feat = featuresOf(unit);
  // A recurring day has no year ("ngày 26 tháng 7 hằng năm", "trước ngày 15 tháng 11").
  // "… diễn ra ngày nào?" asks a day: "năm 2024" alone does not give one (a year or a month answers "năm / tháng nào").
  if (q.asksCalendar) return /\d/.test(feat.folded) && (feat.hasDates || DAY_OF_MONTH.test(feat.folded) || (!ASKS_DAY.test(q.folded) && /\b(nam|thang) \d{1,4}\b/.test(feat.folded)));
  // Most pieces write no digit and no spelled number: done with in two searches.
  if (!/\d/.test(feat.folded)) return SPELLED_NUMBER.test(unit.text);
  // Line numbering ("2. …") counts lines, not what is asked.
  const folded = feat.folded.replace(/^\s*\d{1,3}[a-z]?[.)]\s/gm, '');
  return amountsIn(folded).some((n) => !q.numbers.has(n)) || SPELLED_NUMBER.test(unit.text);
}

/** A number, a share ("quá nửa"), or items listed one by one: a count by enumeration ("Có bao nhiêu hình thức …?"). */
function givesNumber(unit: Unit, q: QuestionFeatures): boolean {
  return (unit.shape === 'block' && COUNTS_ITEMS.test(q.folded)) || writesNumber(unit, q) || (!q.asksCalendar && SHARE.test(featuresOf(unit).spaced));
}

/** "Có / gồm bao nhiêu …": how many things, which a list answers by naming them. */
const COUNTS_LEAD = '\\b(co|gom|bao gom|chia thanh|chia lam) (tat ca )?';
const COUNTS_ITEMS = new RegExp(`${COUNTS_LEAD}bao nhieu\\b`);
/** "Có / gồm mấy cấp / loại / mức": kinds of a thing, which a list names ("may" is "máy" too, hence the counter). */
const COUNTS_KINDS = new RegExp(`${COUNTS_LEAD}(bao nhieu|may) (loai|cap|muc)\\b`);

/** A subject shorter than this many syllables ("chữ ký") is too generic to say what a piece is about. */
const MIN_SUBJECT = 3;
/** Folded function words that end a question's subject (others, like "của", stay inside it). */
const SUBJECT_ENDS = new Set('gi nao ai sao la co duoc bi thi phai can nen se da dang nhu bao may khi neu de va hay hoac the'.split(' '));

/**
 * The question's subject as the phrases a piece could define it by, longest first: "hình ảnh chữ
 * ký số của người có thẩm quyền màu gì" → " hinh anh ... tham quyen la ", then shorter prefixes.
 * A piece that says "<subject> là ..." is about that subject, not one that mentions it in passing.
 */
export function subjectPhrases(question: string): Array<{ phrase: string; share: number }> {
  const span = subjectSpan(question);
  if (!span) return [];
  const { words, start, end, content } = span;
  const out: Array<{ phrase: string; share: number }> = [];
  for (let k = end - start; k >= MIN_SUBJECT; k--) {
    out.push({ phrase: ` ${words.slice(start, start + k).join(' ')} la `, share: k / content.length });
  }
  return out;
}

/** Where the question's subject is: from its first content word to its predicate or question word. */
function subjectSpan(question: string): { words: string[]; start: number; end: number; content: ReturnType<typeof contentTerms> } | undefined {
  question = withoutSource(question);
  const words = tokens(question).map(fold);
  const content = contentTerms(question);
  if (!content.length) return undefined;
  const start = content[0].pos;
  // The subject runs until the question's predicate or question word ("có", "gì", "là"...).
  const kept = new Set(content.map((t) => t.pos));
  let end = start;
  while (end < words.length && (kept.has(end) || !SUBJECT_ENDS.has(words[end]))) end++;
  return { words, start, end, content };
}

/** The match terms of the question's subject ("Kiểm sát viên" in "Kiểm sát viên phải đáp ứng những tiêu chuẩn gì?"). */
function subjectTerms(question: string, terms: readonly QueryTerm[]): QueryTerm[] {
  const span = subjectSpan(question);
  return span ? terms.filter((t) => t.pos >= span.start && t.pos < span.end && t.weight === 1) : [];
}

function numbersIn(text: string): string[] {
  return text.match(/\d+(?:[.,]\d+)*\s*%?/g)?.map((n) => n.replace(/\s+/g, '')) ?? [];
}

const DATE_QUESTION = /\b(khi nao|ngay nao|ngay bao nhieu|tu ngay|tu khi nao|bao gio|luc nao|nam nao|thang nao|hieu luc)\b/;

/**
 * Weighted share of the question's words that the piece writes next to their question
 * neighbour (each adjacent pair of question words found adjacent in the piece): the
 * proximity signal of extractive QA, so "độ Mật" beats "độ Tuyệt mật".
 */
function phraseShare(terms: readonly QueryTerm[], pairs: readonly Pair[], text: string, weight: (t: string) => number): number {
  const total = terms.reduce((s, t) => s + t.weight * weight(t.term), 0) || 1;
  const covered = new Set<number>();
  for (const { at, spaced } of pairs) if (text.includes(spaced)) covered.add(at - 1).add(at);
  return [...covered].reduce((s, i) => s + terms[i].weight * weight(terms[i].term), 0) / total;
}

/** Two question terms standing together (the second at `at`), written " a b " as phraseShare looks them up. */
interface Pair {
  at: number;
  spaced: string;
}

/** The question's adjacent term pairs, spelled once per question rather than once per piece read. */
function adjacentPairs(terms: readonly QueryTerm[]): Pair[] {
  const out: Pair[] = [];
  for (let i = 1; i < terms.length; i++) {
    if (terms[i].pos === terms[i - 1].pos + 1) out.push({ at: i, spaced: ` ${terms[i - 1].term} ${terms[i].term} ` });
  }
  return out;
}

/** What scoring reads of a piece, independent of the question: derived once per unit. */
interface UnitFeatures {
  folded: string;
  /** Folded words separated by single spaces, padded: " a b c ", for phrase lookups. */
  spaced: string;
  /** Syllables of the piece (a điểm read with its khoản). */
  index: PassageIndex;
  /** Syllables of a block's lead-in line. */
  leadIndex?: PassageIndex;
  /** Numbers the piece writes, its khoản number aside. */
  numbers: string[];
  hasDates: boolean;
  /** `spaced` of a điểm read with its khoản ("tạm đình chỉ vụ án trong các trường hợp: … c) Khi …"). */
  spacedInContext: string;
  /** Does `spacedInContext` write a qualifier at all ("phó", "tạm", "không")? Most pieces do not. */
  qualified: boolean;
  /** `spaced` without the numbering of its lines: "1. Người đứng đầu …" counts no "1 người". */
  countable: string;
  /** The grades of crime the piece itself names (crime-grade.ts). */
  grades: ReadonlySet<CrimeGrade>;
}

const LINE_NUMBERING = /^\s*(?:\d{1,3}[a-zđ]?|[a-zđ])[.)]\s/gmu;

/** A text spaced and folded for counting, its lines' numbering dropped. */
function countable(text: string): string {
  return spacedOf(fold(text.replace(LINE_NUMBERING, '').replace(PERCENT, `$1 ${PERCENT_WORD}`)));
}

/** "100%": the sign spacing would drop, leaving "100 văn bản" a count of documents. */
const PERCENT = /(\d)\s*%/gu;
/** What countable writes for it: no Vietnamese word. */
const PERCENT_WORD = 'xphantram';

/**
 * What scoring reads of a piece, derived once per piece. A class with its lazy parts on the
 * prototype, not an object literal with getters: a literal's getters are closures and accessor
 * pairs made anew for every piece, and they were the largest single thing a first-time question
 * left in the heap (garbage collection then copies it, into freshly faulted pages).
 */
class PieceFeatures implements UnitFeatures {
  readonly folded: string;
  readonly spaced: string;
  readonly index: PassageIndex;
  readonly leadIndex?: PassageIndex;
  readonly numbers: string[];
  private dates?: boolean;
  private inContext?: string;
  private qualifies?: boolean;
  private counting?: string;
  private graded?: Set<CrimeGrade>;

  constructor(private readonly unit: Unit) {
    this.folded = fold(unit.text);
    this.spaced = spacedOf(this.folded);
    // A điểm is quoted under its khoản and read with it: "c) 10 năm ... độ Mật" answers "thời hạn bảo vệ ... độ Mật".
    this.index = passageIndex(unit.parent && unit.shape === 'line' ? `${unit.parent}\n${unit.text}` : unit.text);
    this.leadIndex = unit.shape === 'block' ? passageIndex(unit.text.split('\n')[0]) : undefined;
    // The khoản number ("2. ...") is numbering, not an answer.
    this.numbers = numbersIn(unit.text.replace(/^\d{1,3}[.)]\s/, ''));
  }

  // Only time questions ask: found on first use.
  get hasDates(): boolean {
    return (this.dates ??= findDates(this.unit.text).length > 0);
  }

  get qualified(): boolean {
    if (this.qualifies === undefined) {
      // A qualifier is one word: `spacedInContext` writes it when its khoản's line or the piece does
      // (they meet at a space), so the joined text need not be made.
      const u = this.unit;
      const parent = u.parent && u.shape === 'line' ? spacedLine(u.parent) : undefined;
      this.qualifies = QUALIFIER_WORDS.some((w) => this.spaced.includes(w) || !!parent?.includes(w));
    }
    return this.qualifies;
  }

  // Only a question naming a grade of crime reads them.
  get grades(): ReadonlySet<CrimeGrade> {
    return (this.graded ??= crimeGrades(this.spaced));
  }

  // Only counted questions read it.
  get countable(): string {
    return (this.counting ??= /\d/.test(this.unit.text) ? countable(this.unit.text) : this.spaced);
  }

  // Made on first use: only pieces with a qualifier (and duration checks) read it, and one more
  // string for every piece was a good part of what first-time questions left in the heap.
  get spacedInContext(): string {
    const u = this.unit;
    return (this.inContext ??= u.parent && u.shape === 'line' ? `${spacedLine(u.parent)}${this.spaced.slice(1)}` : this.spaced);
  }
}

const featuresOf = memoize((unit: Unit): UnitFeatures => new PieceFeatures(unit));

/** What scoring reads of the question, worked out once per question. */
interface QuestionFeatures {
  terms: readonly QueryTerm[];
  /** Adjacent pairs of `terms`, for phrase lookups. */
  pairs: readonly Pair[];
  kinds: Set<QuestionKind>;
  /** Numbers the question writes (a piece restating them answers nothing new). */
  numbers: Set<string>;
  /** "Khi nào / từ ngày nào" asks for a date, not a duration. */
  asksDate: boolean;
  /** "… là bao nhiêu?", "ngày nào?" without a counted thing: an answer writes some number (ASKS_NUMBER). */
  asksNumber: boolean;
  /** Of those, "ngày nào", "tháng mấy": a date. */
  asksCalendar: boolean;
  /** "Bao lâu": a duration. */
  asksDuration: boolean;
  /** The question folded and lower-cased. */
  folded: string;
  /** Its syllables as a passage index reads them (abbreviations written out). */
  syllables: readonly string[];
  weight: (t: string) => number;
  counted?: RegExp;
  /**
   * "bao nhiêu hồ sơ vụ án dân sự": a number of a thing no counter names. Only ranks and promotes:
   * the thing may be counted in other words ("23 đồng chí" for "bao nhiêu thành viên").
   */
  countedNoun?: RegExp;
  /** Of a counted noun, the words that tell it from its siblings (see nounCounted). */
  countedKind?: readonly string[];
  /** The counted noun is staff ("bao nhiêu cán bộ"): people are counted as people (STAFF_COUNT). */
  countedStaff?: boolean;
  subject: Array<{ phrase: string; share: number }>;
  /** The question names a case ("trường hợp", "nếu"): exceptions are no detour. */
  asksCase: boolean;
  /** Content syllables of the case the question tells ("nếu Viện kiểm sát không phê chuẩn thì …"), folded. */
  caseTerms: string[];
  /** Whether that case is told negated ("không", "chưa", "vắng"), an odd number of times. */
  casePolarity: number;
  /** Does the question ask about extending a time limit, or its most ("gia hạn", "tối đa", "kéo dài")? */
  asksExtension: boolean;
  /** "bao nhiêu ngày", "mấy tháng": a span of time asked as a count. */
  asksSpan: boolean;
  synonyms: readonly SynonymMatch[];
  /** The rules on a subject, not one fact (ASKS_OVERVIEW). */
  overview: boolean;
  /** Pairs naming an office the question asks of itself, not of its deputy ("Viện trưởng", not "Phó Viện trưởng"). */
  principals: readonly Principal[];
  /** Terms of what the question is about, before its predicate. */
  subjectTerms: readonly QueryTerm[];
  /** "Bước 5 là gì?": the number of the step asked for. */
  stepNumber?: string;
  /** The nouns the question opens with, up to its predicate ("số ký hiệu văn bản" of "Số và ký hiệu văn bản được trình bày ra sao?"). */
  leadSubject?: readonly string[];
  /**
   * For "X là gì?", the whole subject as a piece defining it opens (" to cao la "), however short:
   * "1. Tố cáo là việc …" is the definition, while a two-word subject is too common to count
   * wherever it is written (`subject`).
   */
  definiendum?: string;
  /**
   * For "X có những quyền gì?", what X has a list of, X itself (spaced) and X's syllables as a
   * passage index reads them (see listLeadIn, othersList, subjectUnnamed).
   */
  listed?: { lead: RegExp; subject: string; words: readonly string[]; ofSomeone: boolean };
  /** " khong ro ", " khong dong ": negations the question asks about, spaced (see negationsOf). */
  negated: readonly string[];
  /** The grades of crime the question names ("tội phạm rất nghiêm trọng"), usually none. */
  grades: ReadonlySet<CrimeGrade>;
  /** A phone number, a document's number, a company: the one kind of value asked for (value-kinds.ts). */
  valueKind?: ValueKind;
  /** For "ai giải quyết" asked of a complaint or denunciation against an office holder, that holder's syllables (accusedOf). */
  accused?: readonly string[];
}

/** A piece opening with a case ("1. Trường hợp …", "Nếu …"), folded; and that case up to its "thì". */
const CASE_START = /^(?:\d{1,3}[.)]\s+)?(?:truong hop|neu)\b/i;
const CASE_OPENING = /^(?:\d{1,3}[.)]\s+)?(?:truong hop|neu)\s+(.+?)\s+thi\s/;
const CASE_TOLD = /\b(?:neu|khi|truong hop)\s+((?:(?!\b(?:neu|khi|truong hop)\b).)+?)\s+thi\s/g;
const CASE_TOLD_BONUS = 0.1;

/** Words that turn a case into its opposite ("không phê chuẩn", "vắng mặt", "chưa đủ"), counted once each. */
const OPPOSITE = /\b(?:khong|chua|vang)\b/g;
function polarity(told: string): number {
  return (told.match(OPPOSITE) ?? []).length % 2;
}

/** The last case a question tells: in "Về …: nếu … thì …?" the follow-up's own. */
function lastCaseTold(f: string): string | undefined {
  return [...f.matchAll(CASE_TOLD)].pop()?.[1];
}

function caseTermsOf(told: string | undefined, terms: readonly QueryTerm[]): string[] {
  if (!told) return [];
  const content = new Set(terms.filter((t) => t.weight === 1).map((t) => t.term));
  return [...new Set(told.split(/\s+/).filter((w) => content.has(w)))];
}

function questionFeatures(question: string, termWeight: ((t: string) => number) | undefined): QuestionFeatures {
  const f = fold(question).toLowerCase();
  const spaced = spacedOf(f);
  const terms = questionTerms(question);
  const pairs = adjacentPairs(terms);
  const counted = countedThing(question);
  const noun = counted ? undefined : nounCounted(question);
  const qualifiers = YES_NO.test(f) ? QUALIFIERS : NEGATIONS;
  const synonyms = questionSynonyms(question);
  const kinds = questionKinds(question);
  const condition = asksCondition(f);
  const told = lastCaseTold(f);
  let syllables: readonly string[] | undefined;
  return {
    terms,
    pairs,
    kinds,
    numbers: new Set(numbersIn(question).map((n) => n.replace('%', ''))),
    asksDate: DATE_QUESTION.test(f) && !condition,
    asksNumber: !counted && ASKS_NUMBER.test(f) && !COUNTED_FROM.test(f),
    asksCalendar: ASKS_CALENDAR.test(f),
    asksDuration: /\b(?:bao lau|thoi han nao)\b/.test(f),
    folded: f,
    // Only a question on a document's entry into force reads them (ownEffect).
    get syllables() {
      return (syllables ??= phraseSyllables(question));
    },
    weight: perQuestion(termWeight),
    counted,
    countedNoun: noun?.noun,
    countedKind: noun?.kind,
    countedStaff: noun?.staff,
    subject: subjectPhrases(question),
    asksCase: condition || /\b(truong hop|neu)\b/.test(f),
    caseTerms: caseTermsOf(told, terms),
    casePolarity: polarity(told ?? ''),
    asksExtension: /\b(gia han|toi da|keo dai|khong qua|lau nhat|tong cong)\b/.test(f),
    asksSpan: /\b(bao nhieu|may) (ngay|thang|nam|gio|tuan)\b/.test(f),
    synonyms,
    overview: ASKS_OVERVIEW.test(f),
    principals: [
      ...pairs.map((p) => ({ spaced: p.spaced, qualified: qualifiers.map((w) => ` ${w}${p.spaced}`) })),
      ...havingOf(question, terms, qualifiers !== NEGATIONS),
    ].filter((p) => !p.qualified.some((d) => spaced.includes(d))),
    subjectTerms: subjectTerms(question, terms),
    leadSubject: leadSubject(question),
    stepNumber: askedStep(f),
    definiendum: definiendumOf(question),
    listed: listedOf(question),
    negated: negationsOf(question, terms, synonyms),
    grades: crimeGrades(spaced),
    valueKind: askedValue(f, nfc(question)),
    accused: kinds.has('actor') ? accusedOf(question) : undefined,
  };
}

/** Words where "không" is the Sino-Vietnamese "air, empty" (không gian, không khí, không quân), no negation. */
const SINO_KHONG = new Set(['gian', 'khi', 'quan', 'phan', 'trung', 'luu', 'anh', 'tac', 'van']);

/**
 * "không" before a word the question asks about ("đơn tố cáo không rõ họ tên", "không đồng ý với
 * quyết định") is part of what is asked, not the closing "có … không?": the piece that writes the
 * same negation ("không rõ họ tên, địa chỉ của người tố cáo") is about the question's case, and
 * one that writes the word without it ("phải ghi rõ họ tên") about the ordinary one.
 */
function negationsOf(question: string, terms: readonly QueryTerm[], synonyms: readonly SynonymMatch[]): string[] {
  const written = tokens(question);
  const words = written.map(fold);
  const asked = new Set(terms.map((t) => t.term));
  // "không quá" is the thesaurus's "tối đa": a bound, which the passage may write either way. (A
  // longer phrase holding a negation, "không rõ họ tên" for "nặc danh", is still one.)
  const phrases = synonyms.map((m) => ` ${m.phrase.join(' ')} `);
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const spaced = ` khong ${words[i + 1]} `;
    const negation = (written[i] === 'không' || written[i] === 'khong') && !SINO_KHONG.has(words[i + 1]);
    if (negation && asked.has(words[i + 1]) && !phrases.includes(spaced)) out.push(spaced);
  }
  return out;
}

/** An optional plural marker ("những", "các") before a listed noun, in a spaced folded text. */
const PLURAL_MARKER = `(?:${[...PLURAL].join(' |')} )?`;
/** "… có (những) quyền gì / nghĩa vụ nào (khi …)": the noun asked a list of, one to four syllables. */
const ASKS_LIST = new RegExp(` co ${PLURAL_MARKER}((?:\\p{L}+ ){1,4}?)(?:gi|nao) `, 'u');

/** What a law lists item by item, and writes together ("có những nhiệm vụ, quyền hạn sau đây:"). */
const NOUNS_LISTED = ['quyen han', 'quyen', 'nghia vu', 'nhiem vu', 'trach nhiem'];
const LISTED_NOUN = `(?:${NOUNS_LISTED.join('|')})`;
/** "quyền", "quyền và nghĩa vụ", "nhiệm vụ quyền hạn": what someone has, as ASKS_LIST captures it. */
const OF_SOMEONE = new RegExp(`^${LISTED_NOUN} (?:(?:va )?${LISTED_NOUN} )*$`);

/**
 * "Bị hại có những quyền gì?" asks for the list an article opens with "Bị hại … có quyền:", not
 * for "Bị hại có nghĩa vụ:" of the same article, which shares more of the question's words (and
 * "thẩm quyền" in its items) and may be the retriever's first hit.
 */
function listedOf(question: string): QuestionFeatures['listed'] {
  const spaced = spacedOf(fold(question));
  const m = ASKS_LIST.exec(spaced);
  const span = subjectSpan(question);
  if (!m || !span || m[1].split(' ').some((w) => STOP_SYLLABLES.has(w))) return undefined;
  // X runs from the subject's first content word to "có" (typed without accents, "co" may be "cơ"
  // and count as content, so the subject span alone could run past it).
  const before = spaced.slice(0, m.index).trim().split(' ');
  if (span.start >= before.length) return undefined;
  // Abbreviations read as written out ("VKS" as "viện kiểm sát"), as the passages are, in the
  // question's own case: "VKS" is an abbreviation, "vks" may not be.
  const raw = wordsOf(nfc(question));
  const words = phraseSyllables(raw.slice(span.start, before.length).join(' '));
  return {
    lead: new RegExp(` co ${PLURAL_MARKER}${m[1]}(?:(?:va )?${LISTED_NOUN} )*(?:sau day |nhu sau )? *$`),
    subject: ` ${words.join(' ')} `,
    words,
    ofSomeone: OF_SOMEONE.test(m[1]),
  };
}

/** Numbering that opens a line ("1.", "a)"): not part of the clause's subject. */
const NUMBERING = /^\s*(?:\d{1,3}|[a-zđ])[.)]\s*/u;

/**
 * Does a clause of the line open with the subject, function words aside ("4. Bị hại có nghĩa vụ:"
 * for "hại")? "Viện kiểm sát nhân dân có nhiệm vụ" is the Viện kiểm sát's; "Viện trưởng Viện kiểm
 * sát có những nhiệm vụ" names it only to say whose Viện trưởng (a Vietnamese noun phrase's head
 * comes first).
 */
function heads(line: string, subject: string): boolean {
  return fold(line)
    .toLowerCase()
    .split(/[,;:]/)
    .some((clause) => {
      const spaced = spacedOf(clause.replace(NUMBERING, ''));
      const at = spaced.indexOf(subject);
      return at >= 0 && spaced.slice(0, at).split(' ').every((w) => !w || STOP_SYLLABLES.has(w));
    });
}

/**
 * The lead-in a piece is read under (a block's first line, an item's khoản) names the subject
 * only to say whose list it opens ("Viện trưởng Viện kiểm sát có những nhiệm vụ, quyền hạn:").
 * One that does not name it may still be its list in other words ("Cá nhân đã tố giác … có
 * quyền:" for "người tố giác tội phạm").
 */
function othersList(unit: Unit, subject: string): boolean {
  const lead = leadOf(unit);
  return /:\s*$/.test(lead) && spacedLine(lead).includes(subject) && !heads(lead, subject);
}

/** The line a piece is read under: a block's lead-in, an item's khoản, or the piece itself. */
function leadOf(u: Unit): string {
  return u.shape === 'block' ? u.text.slice(0, u.text.indexOf('\n')) : (u.parent ?? u.text);
}

/** Most syllables a list question's subject may have for the passages to be asked to write it whole. */
const NAMED_SUBJECT_MAX = 3;

/**
 * "Thanh tra viên có những quyền gì?": no passage the answer could come from writes the subject,
 * though they hold its syllables ("Kiểm tra viên có những nhiệm vụ, quyền hạn sau đây:"). The list
 * they have is someone else's. A longer subject ("người bị tạm giữ, tạm giam") is not asked for
 * word for word.
 */
function subjectUnnamed(listed: NonNullable<QuestionFeatures['listed']>, hits: Scored<Chunk>[]): boolean {
  const { words } = listed;
  // Only rights and duties are someone's; "Kế hoạch 221 có mục tiêu gì?" names a document as it
  // is cited ("Kế hoạch số 221/KH-VKSTC"), not word for word.
  if (!listed.ofSomeone || words.length < 2 || words.length > NAMED_SUBJECT_MAX || words.some((w) => /\d/.test(w))) return false;
  return !hits.some((h) => chunkIndexOf(h.item).hasPhrase(words));
}

/** A term the question quotes ("“Người bị buộc tội” gồm những ai?"): a term of art, whatever its words. */
const QUOTED_TERM = /["“«]([^"“”«»]{2,60})["”»]/u;
/** "… gồm những ai / gì?": what a term covers, which a law defines by listing ("X gồm A, B, C"). */
const ASKS_MEMBERS = /\b(?:bao )?gom (?:nhung )?(?:ai|gi|nhung ai|nhung gi|nhung nguoi nao)\b/;

function definiendumOf(question: string): string | undefined {
  const f = spacedOf(fold(withoutSource(question)));
  const members = ASKS_MEMBERS.exec(f);
  if (!members && !questionKinds(question).has('definition')) return undefined;
  const quoted = QUOTED_TERM.exec(nfc(question))?.[1];
  // What is listed is what comes before "gồm", up to a scope ("… trong tố tụng hình sự"): "người bị
  // buộc tội", whose "bị" would end a subject read the usual way.
  const before = members ? f.slice(0, members.index).split(' trong ')[0].trim().split(' ') : [];
  let subject: string | undefined;
  if (quoted) subject = spacedOf(fold(quoted)).trim();
  else if (before.length >= 2 && before.length <= 8) subject = before.join(' ');
  else {
    const span = subjectSpan(question);
    if (span && span.end > span.start) subject = span.words.slice(span.start, span.end).join(' ');
  }
  return subject ? ` ${subject} ${members ? 'gom' : 'la'} ` : undefined;
}

/**
 * Words that, written before a two-word name, name another thing: "Phó Viện trưởng" is not the
 * Viện trưởng, "tạm đình chỉ" (suspending a case) is not "đình chỉ" (ending it).
 */
const QUALIFIERS = ['pho', 'tam'];
/**
 * And "không (được)": "Không được khởi tố vụ án hình sự khi …" is not when one may. Not for a
 * yes-or-no question ("Có được … không?", "…, đúng hay sai?"), which the rule it negates answers.
 */
const NEGATIONS = [...QUALIFIERS, 'khong', 'khong duoc'];
/** The first word of each qualifier, spaced: a piece writing none of them qualifies nothing. */
const QUALIFIER_WORDS = [...new Set(NEGATIONS.map((w) => ` ${w.split(' ')[0]} `))];
const YES_NO = /\b(khong|chua|dung hay sai|dung khong|phai khong)\W*$|\bco phai\b/;

/**
 * Does the piece write a name the question asks about only qualified (QUALIFIERS, NEGATIONS)?
 * "Phó Viện trưởng" writes "Viện trưởng", but its term of office is not the Viện trưởng's.
 */
function onlyDeputyOf(principals: readonly Principal[], spaced: string): boolean {
  for (const p of principals) {
    // A qualified form holds the name: most pieces write neither, and are done with in one search.
    if (!spaced.includes(p.spaced)) continue;
    for (const d of p.qualified) if (spaced.includes(d) && occurrences(spaced, p.spaced) === occurrences(spaced, d)) return true;
  }
  return false;
}

/**
 * Is the piece (a điểm read with its khoản) about another thing than the names the question asks about?
 * Or another grade of crime: "d) Đối với tội phạm đặc biệt nghiêm trọng …" holds every word of
 * "tội phạm nghiêm trọng" and is another grade's rule.
 */
function aboutAnother(q: QuestionFeatures, feat: UnitFeatures): boolean {
  if (q.grades.size && otherGradeOnly(q.grades, feat.grades)) return true;
  return q.principals.length > 0 && feat.qualified && onlyDeputyOf(q.principals, feat.spacedInContext);
}

/**
 * Is the piece a khoản whose điểm grade crime beyond the grades the question names ("a) … ít nghiêm
 * trọng …; b) … nghiêm trọng …")? Not one whose lead-in lists the grades ("1. Trong thời hạn 30 ngày
 * đối với tội phạm ít nghiêm trọng, 45 ngày … : a) Đưa vụ án ra xét xử; …"): that line is the answer.
 */
function gradesOthers(q: QuestionFeatures, unit: Unit): boolean {
  if (!q.grades.size || unit.shape !== 'block') return false;
  for (const g of itemGrades(unit)) if (!q.grades.has(g)) return true;
  return false;
}

/** The grades a block's items name, its lead-in aside. */
const itemGrades = memoize((unit: Unit) => crimeGrades(spacedOf(fold(unit.text.split('\n').slice(1).join('\n')))));

/** Offices a complaint or denunciation may be against (folded): the accused the question names. */
const OFFICE_HOLDER = '(?:pho )?(?:vien truong|chanh an|thu truong|giam doc|chu tich|truong phong|kiem sat vien|kiem tra vien|dieu tra vien|tham phan|can bo|cong chuc|vks|ksv|dtv)';
/**
 * "tố cáo Viện trưởng VKS cấp huyện", "khiếu nại quyết định của Kiểm sát viên", "người bị tố cáo
 * là Phó Viện trưởng …": the office holder complained of, up to where the question goes on.
 */
const ACCUSED = new RegExp(
  `(?:\\b(?:to cao|khieu nai)\\s+(?:(?:quyet dinh|hanh vi)(?:,? hanh vi)?(?: to tung)?\\s+(?:cua\\s+)?|doi voi\\s+)?|\\bnguoi bi (?:to cao|khieu nai) (?:chinh )?la\\s+)(${OFFICE_HOLDER}\\b[^,?.;]*?)(?=\\s+(?:thi|la ai|ai|o dau|can|phai|co (?:duoc|phai|quyen|tham quyen)|duoc|de|trong)\\b|\\s*[,?.;]|$)`,
);

/** The syllables of the office holder a complaint or denunciation in the question is against. */
function accusedOf(question: string): string[] | undefined {
  const written = nfc(question);
  const folded = fold(written);
  const m = ACCUSED.exec(folded);
  if (!m) return undefined;
  // Read as written where folding kept every position: "VKS" is the name it abbreviates only in capitals.
  const at = m.index + m[0].length - m[1].length;
  const syllables = phraseSyllables(folded.length === written.length ? written.slice(at, at + m[1].length) : m[1]);
  return syllables.length >= 2 ? syllables : undefined;
}

/** Verbs after which a piece's opening words are the one who acts ("… có thẩm quyền giải quyết", "… giải quyết"). */
const ACTS = / (?:co tham quyen|co trach nhiem|chiu trach nhiem|giai quyet|xem xet) /;

/**
 * Does the piece open with the accused as the one who acts ("1. Viện trưởng Viện kiểm sát nhân dân
 * cấp huyện có thẩm quyền giải quyết tố cáo … của công chức do mình quản lý")? The question asks who
 * deals with a denunciation against that office, and the piece says what the office itself deals with.
 */
function accusedActs(accused: readonly string[], spaced: string): boolean {
  const text = spaced.replace(/^ (?:\d{1,3}[a-z]?|[a-z]) /, ' ');
  const at = text.search(ACTS);
  if (at <= 0) return false;
  const subject = phraseSyllables(text.slice(0, at));
  // The piece must name the office first ("Viện trưởng …"), and every syllable of it before acting.
  return subject[0] === accused[0] && subject[1] === accused[1] && accused.every((s) => subject.includes(s));
}

/** Taken from a piece whose actor is the office holder the question complains of. */
const ACCUSED_ACTOR_PENALTY = 0.4;

/** A two-word name the question asks about itself, and the qualified forms that name something else. */
interface Principal {
  spaced: string;
  qualified: readonly string[];
}

/**
 * "theo hướng có lợi cho người bị kết án": "có" and the content word after it, whose negation ("theo
 * hướng không có lợi") is the other case the law sets apart. In a yes-or-no question the last "có"
 * opens what is asked ("… thì có bị giới hạn thời hạn không?"), which a "không có …" may answer: only
 * the ones before it name the case.
 */
function havingOf(question: string, terms: readonly QueryTerm[], yesNo: boolean): Principal[] {
  const content = new Set(terms.filter((t) => t.weight === 1).map((t) => t.term));
  // Read as written: folded, "cơ quan" and "cố ý" would be "có" too.
  const words = nfc(question).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const found: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === 'có' || words[i] === 'co') found.push(fold(words[i + 1]));
  const out: Principal[] = [];
  for (const next of yesNo ? found.slice(0, -1) : found) {
    if (content.has(next)) out.push({ spaced: ` co ${next} `, qualified: [` khong co ${next} `] });
  }
  return out;
}

function occurrences(text: string, key: string): number {
  let n = 0;
  // Keys are padded with spaces that neighbouring matches share: step past the key's last word only.
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + key.length - 1)) n++;
  return n;
}

const ISSUE_DATE = /\b(ngay ban hanh|ban hanh ngay|ngay ky|ky ngay)\b/;
const OTHER_DATE = /\b(hieu luc|thi hanh|ap dung|het han|cong bo|to chuc|dien ra)\b/;

/** Taken from a piece that dates another numbered document than the one asked. */
const DATES_ANOTHER_PENALTY = 0.5;

/** Taken from a piece that extends a time limit, when the question asks the limit itself. */
const EXTENSION_PENALTY = 0.3;
/** For a khoản listing several grades of crime, when the question names one (its điểm answers alone). */
const GRADED_BLOCK_PENALTY = 0.5;

/** Added for a piece that opens by defining the whole subject, and for a dated citation of the asked document. */
const DEFINITION_BONUS = 0.6;
const DATED_NUMBER_BONUS = 0.5;
/** Taken from a piece that opens by defining a longer term holding the subject ("Người nhận <subject> là"). */
const OTHER_DEFINITION_PENALTY = 0.3;
/** For a piece writing the question's own negation (negationsOf). */
const NEGATION_BONUS = 0.3;

/** Does the folded piece write one of the numbers, with its symbol, right before a date? */
function datedNumber(folded: string, numbers: ReadonlySet<string>): boolean {
  for (const m of folded.matchAll(/(\d+)(?:\/[\p{L}\p{N}.\-]+)?,?\s+(?:ngay\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/gu)) {
    if (numbers.has(m[1])) return true;
  }
  return false;
}

/** Does the folded piece write a number the question does not, with its symbol, right before a date? */
function datedOther(folded: string, numbers: ReadonlySet<string>): boolean {
  for (const m of folded.matchAll(/(\d+)\/[\p{L}\p{N}.\-]+,?\s+(?:ngay\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/gu)) {
    if (!numbers.has(m[1])) return true;
  }
  return false;
}

/**
 * For "<số hiệu> ngày nào?", does the piece date only another numbered document than the one asked
 * ("Kế hoạch số 221/KH-VKSTC ngày 15/12/2023" for Chỉ thị 01)? Its date is not the one asked.
 */
function datesAnotherOnly(folded: string, q: Pick<QuestionFeatures, 'asksCalendar' | 'numbers'>): boolean {
  return q.asksCalendar && q.numbers.size > 0 && datedOther(folded, q.numbers) && !datedNumber(folded, q.numbers);
}

/**
 * Numbers and the words of a date ("năm 2023") say when, not what: every dated piece holds them.
 * Nor does "ban hành" / "ký": a document's own date is when it was issued and signed, written or not.
 */
const DATE_WORD = /^(\d+|nam|ngay|thang|ban|hanh|ky)$/;

/**
 * How well one piece answers the question: words shared, the kind of answer asked for, position.
 * `context`: question words the piece holds through its heading or its document's name.
 */
function scoreUnit(unit: Unit, q: QuestionFeatures, context: Set<string> = new Set()): { score: number; covers: Set<string> } {
  const { terms, kinds, numbers: questionNumbers, asksDate, weight, counted, subject, asksCase, synonyms } = q;
  const feat = featuresOf(unit);
  // Words that name the document ("Luật Giao dịch điện tử") are in every piece of it, written or not;
  // a question's everyday phrase ("trả tiền") is in a piece that writes the field's word for it ("chi phí").
  // "Kế hoạch số 221/KH-VKSTC, ngày 15/12/2023" is the plan's date of issue: it says "ban hành ngày …"
  // without the words (DATE_WORD), which a piece about something else the plan led to may write.
  const dated = asksDate && kinds.has('time') && questionNumbers.size > 0 && datedNumber(feat.folded, questionNumbers);
  const implied = dated ? new Set([...context, ...terms.filter((t) => DATE_WORD.test(t.term)).map((t) => t.term)]) : context;
  const idx = withSynonyms(withUnigrams(feat.index, implied), synonyms);
  const w = (t: QueryTerm) => t.weight * weight(t.term);
  const total = terms.reduce((s, t) => s + w(t), 0) || 1;
  const covers = new Set(terms.filter((t) => idx.unigrams.has(t.term)).map((t) => t.term));
  // `held`: is a term's word in the index? Read from `covers` for the piece's own index, asked once.
  const overlap = (ix: typeof idx, held: (t: QueryTerm) => boolean) =>
    0.6 * termMatch(terms, ix, weight) + (0.4 * terms.filter(held).reduce((s, t) => s + w(t), 0)) / total;
  const covered = (t: QueryTerm) => covers.has(t.term);
  // A block is about what its lead-in says ("Quyết định thụ lý gồm ... sau đây:"), less about what its items mention.
  let score = overlap(idx, covered);
  if (feat.leadIndex) {
    const lead = withSynonyms(withUnigrams(feat.leadIndex, implied), synonyms);
    score = 0.65 * overlap(lead, (t) => lead.unigrams.has(t.term)) + 0.35 * score;
  }

  const f = feat.folded;
  // The kind of answer asked for (a date, a number, a who) counts only in a piece about what is asked:
  // a law's signing date ("Hà Nội, ngày 22 tháng 6 năm 2023") is a date, not when the law takes effect.
  // Words its heading or document name give it do not make a piece about the question.
  const asked = terms.filter((t) => !context.has(t.term) && t.weight === 1);
  const topical = asked.filter((t) => !DATE_WORD.test(t.term));
  const aboutIt = !topical.length || topical.some(covered);
  const newNumbers = feat.numbers.filter((n) => !questionNumbers.has(n.replace('%', '')));
  if (aboutIt && kinds.has('quantity') && newNumbers.length) score += 0.25;
  if (counted?.test(feat.countable) || q.countedNoun?.test(feat.countable)) score += 0.3;
  const defines = subject.find((x) => feat.spaced.includes(x.phrase));
  // "1. Người nhận thông điệp dữ liệu là ..." defines another thing than "Thông điệp dữ liệu là gì?"
  // asks, however many of its words it repeats.
  const definesOther = !!q.definiendum && definesLonger(feat.spaced, q.definiendum);
  if (defines && !definesOther) score += 0.3 * Math.min(1, defines.share);
  if (definesOther) score -= OTHER_DEFINITION_PENALTY;
  // "16. Hợp đồng điện tử là hợp đồng được thiết lập ...": a piece that opens by defining the whole
  // subject is the definition, however well another article's heading names it.
  if ((defines && defines.share >= 1 && opensWith(feat.spaced, defines.phrase)) || (q.definiendum && opensWith(feat.spaced, q.definiendum))) score += DEFINITION_BONUS;
  if (aboutIt && kinds.has('time')) {
    // "Khi nào / từ ngày nào" asks for a date; "bao lâu / thời hạn" for a duration.
    if (asksDate) {
      score += feat.hasDates ? 0.35 : 0;
      // A document is cited by its number then its date ("Kế hoạch số 221/KH-VKSTC, ngày 15/12/2023"):
      // that date is the one asked about the numbered document, not another date the piece writes.
      if (dated) score += DATED_NUMBER_BONUS;
    }
    else if (NUMERIC_DURATION.test(f) || feat.hasDates) score += 0.25;
    else if (DURATION.test(f)) score += 0.05;
  }
  // "c) Số, ký hiệu của văn bản được đặt canh giữa …" is about what the question opens with; "Đối
  // với công văn, trích yếu … đặt dưới số và ký hiệu văn bản" only places something by it.
  if (q.leadSubject && opensWithSubject(feat.spaced, q.leadSubject)) score += SUBJECT_OPENING_BONUS;
  // "Bước 5 là gì?" names its answer by number: the step numbered so.
  if (q.stepNumber) {
    const n = /^\s*(\d{1,2})[.)]\s/.exec(unit.text)?.[1];
    // Another step, or a piece numbered as none, is not the one asked, whatever words it shares.
    score += n?.replace(/^0+(?=\d)/, '') === q.stepNumber ? STEP_NUMBER_BONUS : -STEP_NUMBER_BONUS;
  }
  // Question words standing together in the piece ("Phó Trưởng Ban Chỉ đạo") point at the answer more than the same words scattered.
  score += 0.35 * phraseShare(terms, q.pairs, feat.spaced, weight);
  if (q.negated.some((n) => feat.spaced.includes(n))) score += NEGATION_BONUS;
  if (aboutAnother(q, feat)) score -= 0.8;
  // A khoản whose điểm each grade crime ("a) … ít nghiêm trọng …; b) … nghiêm trọng …") holds the
  // asked grade's điểm, which answers alone.
  if (gradesOthers(q, unit)) score -= GRADED_BLOCK_PENALTY;
  if (q.accused && accusedActs(q.accused, feat.spaced)) score -= ACCUSED_ACTOR_PENALTY;
  // "Viện trưởng Viện kiểm sát có những nhiệm vụ, quyền hạn:" and its items list another's duties
  // than "Viện kiểm sát có những nhiệm vụ gì?" asks for, though it writes the question whole.
  if (q.listed && othersList(unit, q.listed.subject)) score -= 0.4;
  // A piece that, even with its heading and document name, holds less than half of the question's
  // subject answers the predicate about something else ("Người thực hiện nhiệm vụ ... phải đáp ứng
  // tiêu chuẩn" for "Kiểm sát viên phải đáp ứng những tiêu chuẩn gì?").
  const about = q.subjectTerms;
  if (about.length >= 2 && 2 * about.filter((t) => idx.unigrams.has(t.term)).length < about.length) score -= 0.25;
  // A lead-in ("... có nhiệm vụ, quyền hạn sau đây:") says nothing on its own; its block or items do.
  if (!kinds.has('list') && unit.shape !== 'block' && /:\s*$/.test(unit.text)) score -= 0.2;
  if (aboutIt && kinds.has('actor') && ACTOR.test(f)) score += 0.15;
  if (kinds.has('procedure') && (unit.shape === 'block' || STEPS.test(f))) score += 0.15;
  if (kinds.has('list')) {
    if (unit.shape === 'block') score += 0.3;
    else if (/:\s*$/.test(unit.text) || /\b(gom|bao gom|sau day)\b/.test(f)) score += 0.1;
  } else if (unit.shape === 'block') {
    // Without a list question, a whole block only wins when it is much better than its first line.
    score -= 0.15;
  }
  if (kinds.has('definition') && /\s(la|duoc hieu la)\s/.test(f)) score += 0.1;
  // An editor's note ("> Lưu ý: đây là bản tóm tắt ...", "Hướng dẫn này chỉ tóm tắt ...") is about
  // the document, never the answer.
  // Nor is an appendix's attribution line ("(Kèm theo Nghị định số 30/2020/NĐ-CP …)").
  // Nor a summary's attribution ("- Nguồn: bài … , Báo Sóc Trăng, 30/08/2024"): its date is the article's.
  if (/^\s*>/.test(unit.text) || /^\W*(luu y\b|nguon\s*:|(huong dan|tai lieu|ban tom tat|trang) nay\b|(ban hanh )?kem theo\b)/i.test(f)) score -= 0.6;
  // A piece holding only the words that name its document ("Số, ký hiệu: Quyết định số 390") restates
  // the question's reference and answers none of what it asks.
  if (questionNumbers.size && feat.numbers.some((n) => questionNumbers.has(n.replace('%', '')))) {
    if (asked.length && !asked.some((t) => feat.index.unigrams.has(t.term) || (dated && DATE_WORD.test(t.term)))) score -= 0.3;
  }
  // "Kế hoạch số 221/KH-VKSTC ngày 15/12/2023" dates another document than the one a "ngày nào?" question numbers.
  if (datesAnotherOnly(f, q)) score -= DATES_ANOTHER_PENALTY;
  // "Chỉ thị 01/CT-VKSTC ngày nào?": a document's date is its date of issue, unless the question asks another.
  else if (q.asksCalendar && questionNumbers.size && ISSUE_DATE.test(f) && !OTHER_DATE.test(q.folded) && feat.hasDates) score += DATED_NUMBER_BONUS;
  // "Trường hợp ... thì ..." is an exception to the article's rule: the rule answers a question that names no case.
  const opensWithCase = CASE_START.test(f);
  if (!asksCase && opensWithCase) score -= 0.12;
  // "Trường hợp Viện kiểm sát quyết định không phê chuẩn … thì …" is the case "nếu Viện kiểm sát không phê
  // chuẩn thì …?" tells: the piece opening with it says what follows, its neighbours what comes before.
  else if (opensWithCase && q.caseTerms.length >= 2) {
    const told = CASE_OPENING.exec(f)?.[1];
    // The same case, not its opposite: "người bào chữa vắng mặt" is no case "nếu người bào chữa có mặt" tells.
    if (told && q.caseTerms.every((t) => ` ${told} `.includes(` ${t} `)) && polarity(told) === q.casePolarity) score += CASE_TOLD_BONUS;
  }
  // "Có thể gia hạn … nhưng không quá 15 ngày", "… có thể kéo dài nhưng không quá 10 ngày" extend the
  // time limit a question without "gia hạn" or "tối đa" asks: the rule's own limit answers it.
  if (!q.asksExtension && (kinds.has('time') || q.asksSpan) && (feat.spaced.includes(' gia han ') || extendsOnly(feat.spaced))) score -= EXTENSION_PENALTY;
  // Fragments ("c) Cơ quan, tổ chức.") answer little on their own.
  if (unit.text.length < 30) score -= 0.2;
  score -= 0.01 * Math.min(unit.index, 20);
  return { score, covers };
}

/** The question's words a text holds, each once with its weight (rarity), and their total. */
type Focus = (text: string) => { weight: number; words: ReadonlyMap<string, number> };

/** How much more of the question a later stretch must hold than the sentence's opening to be quoted instead. */
const FOCUS_GAIN = 1.5;

/**
 * One long sentence cut where the question's words are: its opening clause, then, after an ellipsis,
 * the list items holding the rare words the opening lacks ("Trong đó, … ứng dụng trợ lý ảo …"). Undefined
 * when the head, cut at a clause boundary, holds as much of the question (or nearly: FOCUS_GAIN).
 */
function focusedCut(line: string, max: number, focus: Focus): string | undefined {
  const head = cutLine(line, max);
  if (head === line) return undefined;
  const inHead = focus(head);
  // The opening is its first clause; a window starts at an item of its list (after ";" or a full stop),
  // never inside one ("100% hồ sơ, quy trình và thủ tục …" is one item).
  const opening = /^[^,;:]+[,;:]/u.exec(line)?.[0] ?? '';
  const clauses = line.slice(opening.length).trim().split(/(?<=[;:]|\.)\s+/u);
  clauses.unshift(opening);
  if (!opening || clauses.length < 3) return undefined;
  // The item holding most weight of words the head lacks starts the window.
  let best = -1;
  let bestGain = 0;
  for (let i = 1; i < clauses.length; i++) {
    let gain = 0;
    for (const [word, weight] of focus(clauses[i]).words) if (!inHead.words.has(word)) gain += weight;
    if (gain > bestGain) [best, bestGain] = [i, gain];
  }
  if (best < 0) return undefined;
  // Too long an opening goes, but not the item's own label ("đ)", "3."): the reader must see which item it is.
  const lead = opening.length <= max / 3 ? `${opening} ` : (/^(?:\d{1,2}[.)]|[a-zđ]\))\s/u.exec(line)?.[0] ?? '');
  let window = clauses[best];
  for (let i = best + 1; i < clauses.length && lead.length + window.length + clauses[i].length + 3 <= max; i++) window += ` ${clauses[i]}`;
  if (focus(window).weight < FOCUS_GAIN * inHead.weight) return undefined;
  if (lead.length + window.length + 2 > max * 1.15) window = clip(window, Math.max(60, max - lead.length - 2));
  const rest = line.endsWith(window) || window.endsWith(ELLIPSIS) ? '' : ` ${ELLIPSIS}`;
  return `${lead}${ELLIPSIS} ${window}${rest}`;
}

/** Cuts one line at a clause boundary within `max` characters (kept whole when no boundary is in reach). */
function cutLine(line: string, max: number): string {
  if (line.length <= max) return line;
  const head = line.slice(0, max);
  const cut = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', '));
  return cut > max / 3 ? `${line.slice(0, cut + 1)} ${ELLIPSIS}` : line;
}

/**
 * Shortens one over-long piece at a clause or line boundary, never inside a clause. A list
 * (lead-in plus items) keeps every item, each shortened, rather than losing its last items:
 * "Tuyệt mật, Tối mật, Mật" cut after the first answers a different question.
 */
function fitPiece(text: string, max: number, focus?: Focus): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  if (lines.length === 1 && focus) return focusedCut(text, max, focus) ?? cutLine(text, max);
  if (lines.length > 1) {
    const [lead, ...items] = lines;
    const share = Math.floor((max - Math.min(lead.length, max / 2)) / items.length);
    // Each item cut at a clause boundary, whole when it has none in reach; else, when that is too
    // long, at a word.
    const cuts = share >= 60 ? [cutLine, clip] : share >= MIN_ITEM_CHARS ? [clip] : [];
    // An item is cut where the question's words are ("…; Chánh án …, Viện trưởng Viện kiểm sát nhân dân cấp huyện;"
    // for a question on the district level), not always after its opening: found once, however the rest is cut.
    const focused = cuts.length && focus ? items.map((l) => focusedCut(l, share, focus)) : [];
    for (const cut of cuts) {
      const shortened = [cut(lead, Math.floor(max / 2)), ...items.map((l, i) => focused[i] || cut(l, share))].join('\n');
      if (shortened.length <= max * 1.15) return shortened;
    }
    const head = clip(lead, Math.floor(max / 2));
    // Too many items to show each: the first ones, each shortened, and a mark that more follow
    // (a lead-in alone, its items all cut, would say there is a list and not what is in it).
    const kept = [head];
    let used = head.length;
    for (const l of items) {
      const item = clip(l, LONG_ITEM_CHARS);
      if (used + item.length + 1 > max - 2) break;
      kept.push(item);
      used += item.length + 1;
    }
    return `${kept.join('\n')}\n${ELLIPSIS}`;
  }
  return cutLine(text, max);
}

/** An item cut shorter than this says too little to be worth showing. */
const MIN_ITEM_CHARS = 45;
/** How long one item may run when not every item fits. */
const LONG_ITEM_CHARS = 160;

/** cutLine, then at a word when no clause boundary is in reach: a list item must fit its share. */
function clip(line: string, max: number): string {
  const cut = cutLine(line, max);
  // A clause boundary far back ("1. Quyết định hành chính, …") leaves too little: cut at a word nearer the end.
  if (cut.length <= max + 2 && (cut === line || cut.length >= 0.6 * max)) return cut;
  const at = line.lastIndexOf(' ', max - 2);
  return `${line.slice(0, at > max / 2 ? at : max - 2).replace(/[\s,;:]+$/, '')} ${ELLIPSIS}`;
}

/** What a piece reads as on its own: a lead-in with its items, an item under its lead-in. */
function rendered(unit: Unit): string {
  if (unit.block) return unit.block;
  if (unit.parent) return `${unit.parent}\n${unit.text}`;
  return unit.text;
}

const CLAUSE_NUMBER = /^(\d{1,3}[a-zđ]?)[.)]\s/u;

/** The khoản a piece belongs to: "8" for "8. Tấn công mạng là …", its khoản's for a điểm. */
function clauseOf(u: Unit): string | undefined {
  return CLAUSE_NUMBER.exec(u.parent ?? u.text)?.[1];
}

/** The citation of a chunk, narrowed to the khoản the answer quotes from it. */
function quotedCitation(hit: Scored<Chunk>, chosen: Candidate[], superseded?: SupersededLookup): Citation {
  const c = citationOf(hit.item, superseded);
  if (!c.locator) return c;
  const clauses = chosen.filter((x) => x.hit === hit).map((x) => clauseOf(x.unit));
  const held = hit.item.text.split('\n').flatMap((line) => CLAUSE_NUMBER.exec(line.trim())?.[1] ?? []);
  return { ...c, locator: narrowLocator(c.locator, clauses, held) };
}

/** The quoted text of the chosen pieces, a shared lead-in written once. */
function renderPieces(chosen: Candidate[], room: number, focus?: Focus): string[] {
  const out: string[] = [];
  const written = new Set<string>();
  for (const c of chosen) {
    const u = c.unit;
    let text = u.block ?? u.text;
    if (u.parent && !written.has(u.parent)) text = `${u.parent}\n${text}`;
    // "2. Hành vi không cấu thành tội phạm;" alone does not say it is a case where "Không được khởi tố …".
    else if (u.context && !written.has(u.context)) text = `${u.context}\n${text}`;
    // A line another piece already quoted is not quoted twice (a điểm and the block holding it).
    const fresh = text.split('\n').filter((line) => !written.has(line));
    if (!fresh.length) continue;
    for (const line of fresh) written.add(line);
    out.push(fitPiece(fresh.join('\n'), room, focus));
  }
  return out;
}

/** The question's content words (folded syllables of full weight) a text holds. */
function focusOn(terms: readonly QueryTerm[], rarity: (t: string) => number): Focus {
  const asked = new Set(terms.filter((t) => t.weight >= 1).map((t) => t.term));
  return (text) => {
    const words = new Map<string, number>();
    let weight = 0;
    for (const f of foldedSyllables(text)) {
      if (!asked.has(f) || words.has(f)) continue;
      const w = rarity(f);
      words.set(f, w);
      weight += w;
    }
    return { weight, words };
  };
}

/** Is `piece` a whole line of what `quoted` renders (a điểm of a chosen block, read there with its siblings)? */
function quotes(quoted: Unit, piece: Unit): boolean {
  return piece.shape !== 'block' && rendered(quoted).split('\n').includes(piece.text);
}

function contains(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

/** Share of a heading's content syllables that the question also holds: "Điều 2. Chức năng, nhiệm vụ của VKSND" is more about "chức năng" than a longer heading that merely mentions it. */
function headingPrecision(hs: readonly QueryTerm[], terms: readonly QueryTerm[], weight: (t: string) => number): number {
  const q = new Set(terms.map((t) => t.term));
  const total = hs.reduce((s, t) => s + weight(t.term), 0);
  return total ? hs.filter((t) => q.has(t.term)).reduce((s, t) => s + weight(t.term), 0) / total : 0;
}

/** An article headed by a time limit ("Điều 147. Thời hạn, thủ tục …", "Điều 28. Thời hạn giải quyết …"). */
const TIME_LIMIT_BONUS = 0.15;
const TIME_LIMIT_HEADING = /^ dieu \d+[a-z]? (thoi han|thoi hieu)\b/;
/** Does the question ask how long, not when? */
function asksSpanOf(q: QuestionFeatures): boolean {
  return !q.asksDate && (q.asksDuration || q.asksSpan);
}

/** Actions on a thing an article may be headed by: what it rules is the change, not the thing. */
const MODIFIERS = ['gia han', 'thay doi', 'bo sung', 'huy bo', 'tam dinh chi', 'phuc hoi', 'dieu chinh', 'keo dai', 'rut ngan', 'sua doi', 'thay the'];
/** Taken from every piece of such an article when the question names none of its actions. */
const MODIFIER_PENALTY = 0.3;

/** Is the heading ("Điều 20. Gia hạn …") an action on its subject that the (folded) question does not name? */
function modifiesUnasked(headingSpaced: string, questionFolded: string): boolean {
  const text = headingSpaced.replace(/^ dieu \d+[a-z]? /, ' ');
  const asked = spacedOf(questionFolded);
  const lead = MODIFIERS.filter((m) => text.startsWith(` ${m} `));
  return lead.some((m) => !asked.includes(` ${m} `));
}

/** What ranking reads of a chunk besides its pieces: its heading and the words naming its document. */
interface ChunkFeatures {
  heading?: { index: PassageIndex; terms: readonly QueryTerm[]; spaced: string };
  named: PassageIndex;
}

/**
 * The chunk's heading, unless it only repeats the document's name (a law's preamble is headed by
 * its title): that says nothing of what the piece is about, and every question naming the law would match it.
 */
function topicalHeading(chunk: Chunk): string | undefined {
  const h = chunk.heading?.replace(/^#+\s*/u, '').trim();
  if (!h) return undefined;
  return fold(h).toLowerCase() === fold(chunk.title).toLowerCase() ? undefined : chunk.heading;
}

const chunkFeaturesOf = memoize((chunk: Chunk): ChunkFeatures => {
  const heading = topicalHeading(chunk);
  return {
    heading: heading
      ? { index: passageIndex(heading), terms: matchTerms(headingTitle(heading)), spaced: spacedOf(fold(heading)) }
      : undefined,
    named: passageIndex([chunk.title, chunk.number].filter(Boolean).join(' ')),
  };
});

/** A term weight looked up once per question syllable, not once per piece. */
function perQuestion(termWeight: ((t: string) => number) | undefined): (t: string) => number {
  if (!termWeight) return () => 1;
  const seen = new Map<string, number>();
  return (t) => {
    let w = seen.get(t);
    if (w === undefined) seen.set(t, (w = termWeight(t)));
    return w;
  };
}

/** Does the piece, past its numbering ("16.", "a)"), begin with `phrase`? */
function opensWith(spaced: string, phrase: string): boolean {
  return unnumbered(spaced).startsWith(phrase);
}

/** Where a question's opening nouns end: its predicate ("được trình bày", "là", "có", "phải") or question word. */
const PREDICATE_STARTS = new Set('duoc bi la co phai can nen se da dang gom thi nhu ra khi neu de hay the gi nao ai sao bao may'.split(' '));
/** What joins a subject's nouns, in a question or a piece ("Số và ký hiệu", "Số, ký hiệu của văn bản"). */
const SUBJECT_JOINERS = new Set(['va', 'cua', 'hoac']);
const SUBJECT_OPENING_BONUS = 0.2;
const STEP_NUMBER_BONUS = 0.5;

/** The nouns a question opens with, when at least MIN_SUBJECT syllables ("cá nhân" is too generic) come before its predicate. */
function leadSubject(question: string): string[] | undefined {
  const words = wordsOf(fold(withoutSource(question)).toLowerCase());
  const out: string[] = [];
  let i = 0;
  for (; i < words.length && !PREDICATE_STARTS.has(words[i]); i++) if (!SUBJECT_JOINERS.has(words[i])) out.push(words[i]);
  return out.length >= MIN_SUBJECT && i < words.length ? out : undefined;
}

/** Does the piece open with these nouns, past its numbering and whatever joins them? */
function opensWithSubject(spaced: string, subject: readonly string[]): boolean {
  let j = 0;
  for (const w of unnumbered(spaced).trim().split(' ')) {
    if (SUBJECT_JOINERS.has(w)) continue;
    if (w !== subject[j]) return false;
    if (++j === subject.length) return true;
  }
  return false;
}

/** A spaced piece past its numbering ("16.", "a)"). */
function unnumbered(spaced: string): string {
  return spaced.replace(/^ (\d{1,3}|[a-zđ]) /u, ' ');
}

/** Does the piece open by defining a term that holds the subject and more ("người nhận" + subject + "là")? */
function definesLonger(spaced: string, phrase: string): boolean {
  const text = unnumbered(spaced);
  const m = / la /.exec(text);
  if (!m || m.index > 80) return false;
  const defined = text.slice(0, m.index + 1);
  const subject = phrase.replace(/ la $/, ' ');
  return defined.includes(subject) && defined !== subject;
}

/** spacedOf a lead-in line, once per line: a khoản's items, and every question, read it again. */
const spacedLine = memoize((line: string) => spacedOf(fold(line)), 20_000);

/** A folded text's words separated by single spaces, padded (" a b c "): how phrases are looked up in it. */
function spacedOf(folded: string): string {
  return ` ${spacedWords(folded.toLowerCase())} `;
}

/** The most scoreUnit can give a piece for this question: full overlap plus every bonus that applies. */
function scoreCeiling({ kinds, counted, countedNoun, subject, definiendum, negated }: QuestionFeatures): number {
  let b = 1 + 0.35; // overlap, phrase
  if (kinds.has('quantity')) b += 0.25;
  if (counted || countedNoun) b += 0.3;
  if (negated.length) b += NEGATION_BONUS;
  if (subject.length) b += 0.3 + DEFINITION_BONUS;
  else if (definiendum) b += DEFINITION_BONUS;
  if (kinds.has('time')) b += 0.35 + DATED_NUMBER_BONUS;
  if (kinds.has('actor')) b += 0.15;
  if (kinds.has('procedure')) b += 0.15;
  b += kinds.has('list') ? 0.3 : 0.1;
  if (kinds.has('definition')) b += 0.1;
  return b;
}

/**
 * Every quotable piece of the best hits, scored: exported for tuning tools. With `floorRatio`,
 * a hit none of whose pieces could score that share of the best piece so far is not read at
 * all: the retriever's prior caps what a far-behind hit can reach, and reading its pieces is
 * most of the cost of an answer.
 */
export function rankCandidates(question: string, hits: Scored<Chunk>[], options: Partial<ComposeOptions> = {}): Candidate[] {
  const opts: ComposeOptions = { ...DEFAULT_COMPOSE, ...options };
  return rank(questionFeatures(question, opts.termWeight), hits, opts);
}

function rank(q: QuestionFeatures, hits: Scored<Chunk>[], opts: ComposeOptions, floorRatio?: number): Candidate[] {
  const { terms, weight, synonyms } = q;
  const cands: Candidate[] = [];
  const ceiling = scoreCeiling(q);
  let best = -Infinity;
  hits.slice(0, opts.maxHits).forEach((hit, rank) => {
    // Later hits are quoted only when clearly as good: the retriever's order is the prior.
    const rankFactor = retrieverPrior(hit, hits[0]);
    // A line under an article heading that matches the question ("Điều 28. Thời hạn giải quyết khiếu nại lần đầu")
    // is likelier the answer: in legal text the heading says what the article is about, so it may
    // outweigh the retriever's order between two articles of the same document.
    const { heading, named } = chunkFeaturesOf(hit.item);
    // "Điều 247. Tạm đình chỉ vụ án" is no heading for "Đình chỉ vụ án …?" (see onlyDeputyOf).
    const headingBonus =
      heading && !(q.principals.length && onlyDeputyOf(q.principals, heading.spaced))
        ? 0.3 * termMatch(terms, withSynonyms(heading.index, synonyms), weight) + 0.2 * headingPrecision(heading.terms, terms, weight)
        : 0;
    // "Điều 20. Gia hạn thời hạn bảo vệ …", "Điều 180. Thay đổi hoặc bổ sung quyết định khởi tố bị can":
    // an article on changing what the question asks about answers another question than the one asked.
    const modifies = !!heading && modifiesUnasked(heading.spaced, q.folded);
    // "Điều 147. Thời hạn, thủ tục giải quyết tố giác …" is where a law says how long: a question asking
    // a duration in other words ("trong bao nhiêu ngày") is asked of it more than of its neighbours.
    const timed = !!heading && asksSpanOf(q) && TIME_LIMIT_HEADING.test(heading.spaced);
    // "… phải niêm yết công khai những nội dung gì?" writes "Điều 19. … niêm yết công khai" whole: an
    // article whose title (three syllables or more) the question repeats word for word is named by it.
    const titled = !!heading && namesTitle(q.terms, heading.terms);
    const headingScore = headingBonus - (modifies ? MODIFIER_PENALTY : 0) + (timed ? TIME_LIMIT_BONUS : 0) + (titled ? TITLE_NAMED_BONUS : 0);
    if (floorRatio !== undefined && best > 0 && (ceiling + headingScore) * rankFactor < best * floorRatio) return;
    // Words of the article heading ("Điều 2. Chức năng, nhiệm vụ ...") are what each of its khoản is about, written or not.
    const context = new Set(
      terms.filter((t) => named.unigrams.has(t.term) || heading?.index.unigrams.has(t.term)).map((t) => t.term),
    );
    for (const unit of unitsOf(hit.item)) {
      if (opts.quoted && isQuoted(unit.text, opts.quoted)) continue;
      // "… trường hợp quy định tại khoản 3 Điều 206 của Bộ luật này" is about what that khoản says.
      const refs = referredUnits(unit, hit.item, hits);
      const referred = refs.length ? referredWords(refs) : undefined;
      const scored = scoreUnit(unit, q, referred ? new Set([...context, ...terms.filter((t) => referred.has(t.term)).map((t) => t.term)]) : context);
      // What the referred khoản says ranks the piece, but is not quoted by it: the piece that writes it still adds it.
      const covers = referred ? new Set([...scored.covers].filter((t) => !referred.has(t) || context.has(t) || featuresOf(unit).index.unigrams.has(t))) : scored.covers;
      const total = (scored.score + headingScore) * rankFactor;
      if (total > best) best = total;
      const cand: Candidate = { unit, hit, rank, score: total, covers };
      if (referred) Object.assign(cand, { referred, refs });
      cands.push(cand);
    }
  });
  cands.sort((a, b) => b.score - a.score || a.rank - b.rank || a.unit.index - b.unit.index);
  return cands;
}

/**
 * A piece that lengthens a time limit ("… có thể kéo dài nhưng không quá 10 ngày") without stating the
 * limit itself before that: "Thời hạn … không quá 30 ngày …; vụ việc phức tạp … kéo dài nhưng không quá
 * 60 ngày" answers the question on the limit.
 */
function extendsOnly(spaced: string): boolean {
  const at = spaced.search(/ keo dai (?:nhung )?(?:khong qua|toi da) /);
  return at >= 0 && !NUMERIC_DURATION.test(spaced.slice(0, at));
}

/** Added to the pieces of an article whose whole title the question writes (see namesTitle). */
const TITLE_NAMED_BONUS = 0.3;

/** Syllables that make another measure of the one after them: "tạm đình chỉ", "không khởi tố". */
const TITLE_PREFIXES = new Set(['tam', 'khong']);

/**
 * Does the question write the title's content words as the title does, next to each other and not
 * after a prefix making another measure of it ("tạm đình chỉ vụ án" names no "Đình chỉ vụ án")? Three at least:
 * "Điều tra", "Tạm giữ" are words of many questions; "Quyết định truy tố" names one article.
 */
function namesTitle(terms: readonly QueryTerm[], title: readonly MatchTerm[]): boolean {
  if (title.length < 3) return false;
  for (let i = 0; i + title.length <= terms.length; i++) {
    if (i > 0 && terms[i - 1].pos === terms[i].pos - 1 && TITLE_PREFIXES.has(terms[i - 1].term)) continue;
    let k = 0;
    while (k < title.length && terms[i + k].term === title[k].term && (k === 0 || terms[i + k].pos - terms[i + k - 1].pos === title[k].pos - title[k - 1].pos)) k++;
    if (k === title.length) return true;
  }
  return false;
}

/**
 * "Nghị định 26 quy định gì về việc sao, chụp …?", "Quy định về … khi soạn thảo là gì?" ask for the
 * rules on a subject, not one fact: the best article's (or section's) further khoản answer it too,
 * though they repeat the question's words.
 */
const ASKS_OVERVIEW = /\bquy dinh (gi|nhung gi|(nhu )?the nao|ra sao) ve\b|^(cac |nhung )?quy dinh\b.* ve .*\b(la gi|gom nhung gi|the nao)\W*$/;

/** Share of the question a heading must hold, and of the heading the question must, to restate it. */
const RESTATED_SHARE = 0.8;

/**
 * "Thông tin nào công dân không được tiếp cận?" is the heading of the article that answers it
 * ("Điều 6. Thông tin công dân không được tiếp cận") asked back: it asks for what the article
 * says, every khoản of it, not the one line that repeats the most of its words. A question for
 * one value (a number, a date, who, what a word means) is not: the heading only names its subject.
 */
function restatesHeading(q: QuestionFeatures, hit: Scored<Chunk>): boolean {
  const { kinds, terms, weight } = q;
  if (kinds.has('quantity') || kinds.has('time') || kinds.has('actor') || kinds.has('definition') || q.counted) return false;
  const heading = chunkFeaturesOf(hit.item).heading;
  if (!heading || !terms.length) return false;
  // Every word of the question is in the heading: "quyền" in "Người bị tạm giữ có quyền gì?" is not in "Người bị giữ, người bị tạm giữ".
  if (!terms.every((t) => t.weight < 1 || heading.index.unigrams.has(t.term))) return false;
  // "Quyền và nghĩa vụ của người tố cáo" is two lists: "Người tố cáo có những nghĩa vụ gì?" asks for one.
  if (q.listed && NOUNS_LISTED.some((n) => heading.spaced.includes(` ${n} `) && !spacedOf(q.folded).includes(` ${n} `))) return false;
  return termMatch(terms, heading.index, weight) >= RESTATED_SHARE && headingPrecision(heading.terms, terms, weight) >= RESTATED_SHARE;
}

/** Words that count or measure: a piece writing only these of the question's words counts something else. */
const MEASURE_WORDS = new Set('ngay thang nam gio tuan phut tuoi nguoi lan cap loai buoc muc tien dong trieu ty toi da thieu'.split(' '));

/** Share of the question's other words (rarity-weighted) a piece counting the asked thing must itself write. */
const COUNTED_ABOUT = 0.3;

/**
 * Does the piece itself (or its lead-in) write enough of the question beyond the measure asked?
 * "sát" of "giám sát" is not "Kiểm sát viên nữ nghỉ hưu".
 */
function aboutAsked(c: Candidate, q: QuestionFeatures, chosen: readonly Candidate[]): boolean {
  const feat = featuresOf(c.unit);
  const own = (t: string) => feat.index.unigrams.has(t) || !!feat.leadIndex?.unigrams.has(t) || !!c.referred?.has(t);
  // A word no quoted passage writes ("KH", typed for "kế hoạch") tells none of them apart.
  const written = (t: string) => chosen.some((x) => chunkIndexOf(x.hit.item).unigrams.has(t));
  let total = 0;
  let held = 0;
  for (const t of q.terms) {
    if (t.weight < 1 || MEASURE_WORDS.has(t.term) || /^\d/.test(t.term) || !written(t.term)) continue;
    const w = q.weight(t.term);
    total += w;
    if (own(t.term)) held += w;
  }
  return total === 0 || held >= COUNTED_ABOUT * total;
}

/** How far behind the best a piece writing the asked count may be and still be quoted for it. */
const COUNT_RATIO = 0.4;
const SAME_ARTICLE_RATIO = 0.85;

function select(q: QuestionFeatures, hits: Scored<Chunk>[], opts: ComposeOptions): Candidate[] {
  const cands = rank(q, hits, opts, opts.keepRatio);
  if (!cands.length) return [];
  const { counted } = q;
  // "Bao nhiêu năm …": a close second that writes the number of that thing answers; a best piece
  // without it does not, and the room left after it may not hold the one that does.
  // A piece about another office ("Nhiệm kỳ của Phó Viện trưởng … là 05 năm" for the Viện trưởng's)
  // is neither promoted for its count nor quoted after the best for the words it adds.
  // Nor a khoản that grades crime in its điểm beyond the grade asked: its other điểm are others' rules.
  const ofAnother = (c: Candidate) => aboutAnother(q, featuresOf(c.unit)) || gradesOthers(q, c.unit);
  const countsIn = (c: Candidate) => !!counted && counted.test(featuresOf(c.unit).countable) && !ofAnother(c);
  // "X là gì?": a close second that opens by defining X ("4. Thông điệp dữ liệu là thông tin …") is
  // the answer, ahead of pieces an article titled with X's words ranks higher.
  const { definiendum } = q;
  const defining = (c: Candidate) => !!definiendum && opensWith(featuresOf(c.unit).spaced, definiendum);
  /** A piece within `ratio` of the best that is what the best is not. */
  const closeSecond = (wanted: (c: Candidate) => boolean, ratio = opts.keepRatio) =>
    wanted(cands[0]) ? undefined : cands.find((c) => c.score >= cands[0].score * ratio && c.score > 0 && wanted(c));
  // Without the count, the answer is no answer (missing-count): a piece further behind that writes it
  // ("… từ 05 đến 10 người thì cử 01 hoặc 02 người đại diện" in another law) is worth quoting instead.
  // So is a piece that writes a number, when the question asks an amount or a date (missing-number).
  // The date of a document the question numbers is the one written with its number or as its date of
  // issue, not that of another document the piece cites ("Kế hoạch số 221/KH-VKSTC ngày 15/12/2023").
  const numberIn = (c: Candidate) => writesNumber(c.unit, q) && !ofAnother(c) && !datesAnotherOnly(featuresOf(c.unit).folded, q);
  // "… trong bao lâu?": a close second that writes a duration ("chậm nhất là 24 giờ") answers; one
  // repeating more of the question's words without it does not. (No abstention: "trong ngày" is one too.)
  const lasts = (c: Candidate) => NUMERIC_DURATION.test(featuresOf(c.unit).folded) && !ofAnother(c);
  // The document's own entry into force answers alone: the other pieces are about when something under it takes effect.
  const effect = ownEffect(q, hits, cands[0]);
  if (effect) return [effect];
  const nounIn = (c: Candidate) => !!q.countedNoun?.test(featuresOf(c.unit).countable) && !ofAnother(c);
  const { valueKind } = q;
  const valueIn = (c: Candidate) => !!valueKind && writesValue(valueKind, rendered(c.unit), q.folded) && !ofAnother(c);
  // A best piece writing no time at all would be no answer to "bao lâu" (missing-number below): one
  // further behind (COUNT_RATIO) that writes a span is.
  const promoted = (counted ? closeSecond(countsIn, COUNT_RATIO) : q.countedNoun ? closeSecond(nounIn, COUNT_RATIO) ?? closeSecond(numberIn, COUNT_RATIO) : q.asksNumber ? closeSecond(numberIn, COUNT_RATIO) : undefined)
    ?? (valueKind ? closeSecond(valueIn, COUNT_RATIO) : undefined)
    ?? (q.asksDuration ? closeSecond(lasts) ?? (lasts(cands[0]) ? undefined : closeSecond(lasts, COUNT_RATIO)) : undefined) ?? (definiendum ? closeSecond(defining, COUNT_RATIO) : undefined) ?? listLeadIn(q, hits, cands[0]);
  if (promoted) {
    // A list found by listLeadIn may be a piece rank() left out.
    const at = cands.indexOf(promoted);
    if (at >= 0) cands.splice(at, 1);
    cands.unshift(promoted);
  }
  const best = cands[0];
  const chosen: Candidate[] = [best];
  const covered = new Set(best.covers);
  // Asked back, the heading's article answers whole: its khoản count however few question words they repeat.
  const restated = !q.overview && restatesHeading(q, best.hit);
  const overview = q.overview || restated;
  let counts = countsIn(best);
  // The rules on a subject read as a whole, like a procedure's steps.
  const maxChars = overview ? Math.max(opts.maxChars, STEPS_CHARS) : opts.maxChars;
  const maxUnits = overview ? opts.maxUnits + 2 : opts.maxUnits;
  let budget = maxChars - Math.min(rendered(best.unit).length, maxChars);
  for (const c of cands.slice(1)) {
    if (chosen.length >= maxUnits) break;
    if (c.score <= 0 || (c.score < best.score * opts.keepRatio && !(restated && c.hit === best.hit))) {
      if (restated) continue;
      break;
    }
    if (chosen.some((x) => x.hit === c.hit && (contains(rendered(x.unit), rendered(c.unit)) || quotes(x.unit, c.unit)))) continue;
    if (ofAnother(c)) continue;
    const cost = rendered(c.unit).length + 1;
    if (cost > budget) continue;
    // A further piece must bring a word of the question the answer still lacks, or the number it asks
    // for: otherwise it repeats, or answers a neighbouring question.
    const bringsCount = !counts && countsIn(c);
    const sameRules = overview && c.hit === best.hit;
    if (!bringsCount && !sameRules && ![...c.covers].some((t) => !covered.has(t))) continue;
    if (bringsCount) counts = true;
    chosen.push(c);
    c.covers.forEach((t) => covered.add(t));
    budget -= cost;
  }
  // Room left: the best passage's other pieces that score nearly as well, though they repeat its
  // words ("Người khiếu nại có thể rút khiếu nại …; phải được thực hiện bằng đơn" beside "khi nhận
  // được đơn xin rút khiếu nại thì đình chỉ …"): an article's paragraphs are one rule. Not a guide's
  // bullets: each is a fact of its own, citing an article of its own. Nor a list's items or blocks:
  // they are alternatives ("a) 30 năm … độ Tuyệt mật; b) 20 năm … độ Tối mật"), or another list
  // than the one asked for ("Công dân có quyền: …" then "Công dân có nghĩa vụ: …").
  const wholeRule = !!best.hit.item.article && !q.kinds.has('list') && !q.listed && best.unit.shape !== 'block';
  for (const c of wholeRule ? cands.slice(1) : []) {
    if (chosen.length >= maxUnits || c.score < best.score * SAME_ARTICLE_RATIO) break;
    if (c.hit !== best.hit || chosen.includes(c) || ofAnother(c) || c.unit.shape === 'block' || c.unit.parent !== best.unit.parent) continue;
    if (chosen.some((x) => x.hit === c.hit && (contains(rendered(x.unit), rendered(c.unit)) || contains(rendered(c.unit), rendered(x.unit)) || quotes(x.unit, c.unit)))) continue;
    const cost = rendered(c.unit).length + 1;
    if (cost > budget) continue;
    chosen.push(c);
    budget -= cost;
  }
  // A piece that answers by reference ("… trường hợp quy định tại khoản 3 Điều 206") is quoted with
  // the khoản it names when that holds words of the question the answer lacks: the reader sees which case it is.
  for (const c of [...chosen]) {
    for (const r of c.refs ?? []) {
      if (chosen.length >= maxUnits || chosen.some((x) => x.unit === r.unit)) continue;
      const covers = scoreUnit(r.unit, q).covers;
      const cost = rendered(r.unit).length + 1;
      if (cost > budget || ![...covers].some((t) => !covered.has(t))) continue;
      chosen.push({ unit: r.unit, hit: r.hit, rank: r.rank, score: 0, covers });
      covers.forEach((t) => covered.add(t));
      budget -= cost;
    }
  }
  chosen.sort((a, b) => a.rank - b.rank || a.unit.index - b.unit.index);
  return chosen;
}

/** A document type, spaced and folded: what "<type> này" in its own text refers to. */
const DOC_TYPE = '(?:bo luat|luat|nghi dinh|thong tu|quyet dinh|chi thi|ke hoach|nghi quyet|phap lenh)';
/** "… có hiệu lực …", "… bắt đầu áp dụng / được thi hành từ ngày nào": when the document takes effect. */
const ASKS_OWN_EFFECT = new RegExp(`(?:^| )${DOC_TYPE} .*(?:\\bhieu luc\\b|\\b(?:ap dung|thi hanh) (?:tu|ke tu|vao) (?:ngay|khi|thoi diem|bao gio|nam)\\b)`);
/** "Luật này có hiệu lực thi hành từ ngày …": how every Vietnamese legal text states its own entry into force. */
const OWN_EFFECT = new RegExp(`^ (?:\\d{1,3} )?${DOC_TYPE} nay (?:bat dau )?co hieu luc `);

/**
 * "Luật Khiếu nại có hiệu lực từ ngày nào?" asks when the named document takes effect, which the
 * document says of itself ("Luật này có hiệu lực thi hành kể từ ngày …") in its closing article;
 * the retriever puts the articles on when a decision under it takes effect first. Among the first
 * hits, the closing article of the document the question names (by every word of its title, or by
 * its number) answers.
 */
function ownEffect(q: QuestionFeatures, hits: Scored<Chunk>[], best: Candidate): Candidate | undefined {
  if (!q.asksDate || !ASKS_OWN_EFFECT.test(q.folded) || OWN_EFFECT.test(featuresOf(best.unit).spaced)) return undefined;
  // Abbreviations written out: "Luật Tổ chức VKSND" names the Luật Tổ chức Viện kiểm sát nhân dân.
  const asked = new Set([...q.folded.split(/[^\p{L}\p{N}]+/u), ...q.syllables]);
  for (const [rank, hit] of hits.slice(0, LIST_POOL).entries()) {
    if (!namesDocument(asked, hit.item)) continue;
    const unit = unitsOf(hit.item).find((u) => u.shape !== 'block' && OWN_EFFECT.test(featuresOf(u).spaced));
    if (unit) return { unit, hit, rank, score: best.score, covers: scoreUnit(unit, q).covers };
  }
  return undefined;
}

/** Hits searched for the list a question asks for: the retriever's first few, as for abstaining. */
const LIST_POOL = ABSTAIN_POOL;

/**
 * For "X có những quyền gì?" (q.listed), when the best piece is not under that list's lead-in: the
 * list whose lead-in names X and ends "có quyền:", from the retriever's first few hits, however far
 * behind (its article may rank below the one with "X có nghĩa vụ:" or "có những quyền và nghĩa vụ").
 */
function listLeadIn(q: QuestionFeatures, hits: Scored<Chunk>[], best: Candidate): Candidate | undefined {
  const { listed } = q;
  if (!listed) return undefined;
  const leads = (line: string | undefined) => {
    if (!line || !/:\s*$/.test(line)) return false;
    return listed.lead.test(spacedLine(line)) && heads(line, listed.subject);
  };
  const lead = leadOf(best.unit);
  if (best.unit.shape === 'block' && leads(lead)) return undefined;
  // The best piece is one item of that list ("b) Khiếu nại …" under "1. Công dân có quyền:"): the whole list answers.
  const itemOfList = leads(lead);
  for (const hit of itemOfList ? [best.hit] : hits.slice(0, LIST_POOL)) {
    const unit = unitsOf(hit.item).find((u) => u.shape === 'block' && (itemOfList ? leadOf(u) === lead : leads(leadOf(u))));
    if (unit) return { unit, hit, rank: hits.indexOf(hit), score: best.score, covers: scoreUnit(unit, q).covers };
  }
  return undefined;
}

/**
 * A guide or summary that quotes a law names its article ("(Điều 30 Luật Tố cáo)"). When that
 * article is among the retrieved passages, its own text is quoted first and cited: the
 * primary source is what a reader must be able to check.
 */
function withPrimarySources(chosen: Candidate[], q: QuestionFeatures, hits: Scored<Chunk>[]): Candidate[] {
  // The article is read plainly for the question's words, kinds and numbers: no corpus weights,
  // no date, count, subject or thesaurus cues (they served to choose among the hits, done here).
  const plain: QuestionFeatures = { ...q, asksDate: false, weight: () => 1, counted: undefined, subject: [], asksCase: true, asksExtension: true, asksSpan: false, countedNoun: undefined, countedKind: undefined, synonyms: [], stepNumber: undefined };
  const added: Candidate[] = [];
  for (const c of chosen) {
    if (c.hit.item.article) continue;
    for (const hit of namedArticles(c.unit.block ?? c.unit.text, hits)) {
      if (chosen.some((x) => x.hit === hit) || added.some((x) => x.hit === hit)) continue;
      const units = unitsOf(hit.item).map((unit) => ({ unit, ...scoreUnit(unit, plain) }));
      units.sort((a, b) => b.score - a.score);
      if (!units.length || units[0].score <= 0) continue;
      // "… (khoản 2 Điều 25 Luật Tiếp công dân)": the khoản the piece cites, where the article has it.
      const khoan = new RegExp(`khoản (\\d{1,3})[^()]{0,40}?Điều ${hit.item.article}(?!\\d)`, 'u').exec(c.unit.block ?? c.unit.text)?.[1];
      const best = units.find((u) => khoan !== undefined && clauseOf(u.unit) === khoan) ?? units[0];
      added.push({ unit: best.unit, hit, rank: -1, score: best.score, covers: best.covers });
      break;
    }
    if (added.length) break;
  }
  return [...added, ...chosen];
}

/** A procedure reads as a whole: its steps get more room than a quoted rule. */
const STEPS_CHARS = 1300;

function stepAnswer(found: StepAnswer, hits: Scored<Chunk>[], opts: ComposeOptions): ComposeResult {
  // The articles the quoted steps name are cited after the guide: they are what a reader checks.
  const primary = namedArticles(found.steps.join('\n'), hits).filter((h) => !found.chunks.includes(h));
  const used = [...found.chunks, ...primary];
  const citations = citationsOf(
    used.map((h) => h.item),
    opts.superseded,
  );
  const c = citationOf(found.chunks[0].item);
  const body = [leadLine({ title: c.title, locator: c.locator }), ...found.steps].join('\n');
  return { text: `${body}\n\n${sourcesBlock(citations)}`, citations, abstained: false, used };
}

function scopeAnswer({ hit, shape }: ScopeSource, opts: ComposeOptions): ComposeResult {
  const chunk = hit.item;
  // Every piece of the article, in its order: a scope is all of it ("1. … 2. …"), not its best line.
  const chosen: Candidate[] = shape === 'article' ? unitsOf(chunk).map((unit) => ({ unit, hit, rank: 0, score: 0, covers: new Set<string>() })) : [];
  // A subject line is the document's, not one section's.
  const citation = shape === 'article' ? quotedCitation(hit, chosen, opts.superseded) : { ...citationOf(chunk, opts.superseded), locator: undefined };
  const pieces = shape === 'article' ? renderPieces(chosen, Math.max(120, opts.maxChars - 60)) : [`${chunk.heading!.replace(/^#+\s*/, '').replace(/[.:;,\s]+$/, '')}.`];
  const body = [leadLine({ title: citation.title, locator: citation.locator }), ...pieces].join('\n');
  return { text: `${body}\n\n${sourcesBlock([citation])}`, citations: [citation], abstained: false, used: [hit] };
}

function abstained(reason: AbstainDecision['reason'], opts: ComposeOptions, missingDocuments: readonly string[] = []): ComposeResult {
  const text = missingDocuments.length ? unknownDocumentText(missingDocuments, opts.coverageHint) : abstentionText(opts.coverageHint);
  return { text, citations: [], abstained: true, used: [], abstainReason: reason };
}

/**
 * Extractive cited answer: `question` is the standalone question (after rewriting),
 * `hits` the retriever's passages, best first.
 */
export function composeExtractive(
  question: string,
  hits: Scored<Chunk>[],
  options: Partial<ComposeOptions> = {},
): ComposeResult {
  const opts: ComposeOptions = { ...DEFAULT_COMPOSE, ...options };
  // "… do cơ quan nào ban hành?" of a document among the hits: its particulars answer, whatever its passages say.
  const issued = opts.particularsOf && issuerAnswer(question, hits.slice(0, opts.maxHits), opts.particularsOf, opts.superseded);
  if (issued) return { text: issued.text, citations: [issued.citation], abstained: false, used: [issued.hit] };
  // "Luật … quy định về vấn đề gì?": the document's scope article (or a summary's subject line) answers, whole.
  const scope = scopeSource(question, hits.slice(0, opts.maxHits));
  if (scope) return scopeAnswer(scope, opts);
  if (!opts.skipAbstention) {
    const d = decideAbstention(question, hits.slice(0, ABSTAIN_POOL), opts.abstain);
    if (d.abstain) return abstained(d.reason, opts, d.reason === 'unknown-document' || d.reason === 'unknown-title' ? d.unknownDocuments : []);
  }
  const q = questionFeatures(question, opts.termWeight);
  if (q.listed && !opts.skipAbstention && subjectUnnamed(q.listed, hits.slice(0, ABSTAIN_POOL))) return abstained('missing-subject', opts);
  // A guide's numbered items are its rules on a subject as much as a procedure's steps.
  if (asksHowTo(question) || q.overview) {
    const steps = findSteps(q.terms, hits.slice(0, opts.maxHits), opts.termWeight ?? (() => 1), STEPS_CHARS);
    if (steps) return stepAnswer(steps, hits.slice(0, opts.maxHits), opts);
  }
  const chosen = withPrimarySources(select(q, hits, opts), q, hits);
  if (!chosen.length) return abstained('no-hits', opts);
  // "Thời hiệu truy cứu … là bao nhiêu năm?" answered by "… thời hiệu truy cứu trách nhiệm hình sự quy
  // định tại Điều 27 của Bộ luật hình sự": the answer is in a law the knowledge base does not hold.
  const titles = opts.abstain.knownTitles;
  if (titles && !opts.skipAbstention) {
    for (const c of chosen) {
      const text = rendered(c.unit);
      const law = delegatedTo(question, text, titles);
      if (law) return abstained('unknown-title', opts, [lawAsWritten(text, law).replace(/^./u, (ch) => ch.toUpperCase())]);
    }
  }
  // "bản án dân sự" answered from the criminal procedure code's article on judgments: another branch's rule.
  if (!opts.skipAbstention && otherBranch(question, chosen.map((c) => ({ title: c.hit.item.title ?? '', text: rendered(c.unit) })))) return abstained('other-branch', opts);
  if (!opts.skipAbstention && provinceOnly(question, chosen.map((c) => c.hit.item))) return abstained('unknown-place', opts);
  // "Bao nhiêu tuổi ...", "tối đa mấy ngày": an answer whose pieces write no number of that thing
  // does not answer it, however many of its words they share; quoting them would be a guess.
  const { counted, countedNoun, countedKind } = q;
  // The quoted pieces as counts are read: rendered, folded, their lines' numbering dropped.
  const texts = (counted || countedNoun) && !opts.skipAbstention ? chosen.map((c) => countable(rendered(c.unit))) : [];
  // The count must be of what is asked: "dưới 18 tuổi" in a piece on something else is no retirement age.
  // A list names them: a block, a lead-in quoted with its items, or two items or more under one lead-in.
  const listsKinds =
    COUNTS_KINDS.test(q.folded) &&
    chosen.some((c) => aboutAsked(c, q, chosen) && (c.unit.shape === 'block' || !!c.unit.block || (!!c.unit.parent && chosen.filter((d) => d.unit.parent === c.unit.parent).length >= 2)));
  if (counted && !opts.skipAbstention && !listsKinds && !chosen.some((c, i) => counted.test(texts[i]) && aboutAsked(c, q, chosen))) return abstained('missing-count', opts);
  // "bao nhiêu Phó Viện trưởng" answered by "Nhiệm kỳ … là 05 năm": a length of time counts no one.
  if (countedNoun && !opts.skipAbstention && !q.kinds.has('time')) {
    const listed = COUNTS_ITEMS.test(q.folded) && chosen.some((c) => c.unit.shape === 'block' && aboutAsked(c, q, chosen));
    // "bao nhiêu cán bộ" is answered by "23 đồng chí", not by "12 video clip": people are counted as people.
    // A share ("quá nửa tổng số thành viên") or "năm người" counts people only: "100% văn bản" is no number of articles.
    const counts = (t: string) => countedNoun.test(t) || (q.countedStaff ? STAFF_COUNT.test(t) || SHARE.test(t) || STAFF_SHARE.test(t) || PEOPLE_COUNT.test(t) : COUNT_OF_THINGS.test(t));
    if (!listed && !texts.some(counts)) return abstained('missing-count', opts);
  }
  // "bao nhiêu hồ sơ vụ án hành chính" answered only by counts of the criminal and civil ones.
  if (countedNoun && countedKind && !opts.skipAbstention) {
    const counting = texts.filter((t) => countedNoun.test(t));
    if (counting.length && counting.every((t) => countsSibling(t, countedNoun, countedKind))) return abstained('missing-count', opts);
  }
  // "Viện trưởng … hiện nay là ai?" asks for a person: a rule on who elects the office is no answer.
  const named = !opts.skipAbstention && officeNamed(q.folded);
  if (named || (!opts.skipAbstention && ASKS_HOLDER.test(q.folded))) {
    const office = named || officeAsked(q.folded);
    if (!chosen.some((c) => namesHolder(rendered(c.unit), office))) return abstained('missing-name', opts);
  }
  // "… là bao nhiêu?", "ban hành ngày nào?": pieces writing no number at all, nor listing anything,
  // give no amount or date, whatever they say about the subject.
  const answersNumber = (c: Candidate) => (givesNumber(c.unit, q) && !datesAnotherOnly(featuresOf(c.unit).folded, q)) || OWN_EFFECT.test(featuresOf(c.unit).spaced);
  if (!opts.skipAbstention && q.asksNumber && !chosen.some(answersNumber)) return abstained('missing-number', opts);
  // "… bao lâu?": pieces that write no span, deadline or "ngay" say something else of the subject
  // ("người đang bị áp dụng biện pháp … cai nghiện bắt buộc" is no length of the treatment).
  if (!opts.skipAbstention && q.asksDuration && !chosen.some(lastsFor)) return abstained('missing-number', opts);
  // "Cho tôi xin số điện thoại …", "Thông tư số mấy?", "công ty nào xây dựng …?": a value of that kind or nothing.
  const kind = q.valueKind;
  if (kind && !opts.skipAbstention && !chosen.some((c) => writesValue(kind, rendered(c.unit), q.folded))) return abstained('missing-value', opts);

  const used: Scored<Chunk>[] = [];
  for (const c of chosen) if (!used.includes(c.hit)) used.push(c.hit);
  const cited = used.map((hit) => quotedCitation(hit, chosen, opts.superseded));
  const citations = uniqueCitations(cited);
  // Each source's pieces under their own lead line, so a reader knows which article says what.
  const room = Math.max(120, opts.maxChars - 60);
  const focus = focusOn(q.terms, opts.termWeight ?? (() => 1));
  const sections = used.map((hit, i) => {
    const lead = leadLine({ title: cited[i].title, locator: cited[i].locator });
    return [lead, ...renderPieces(chosen.filter((x) => x.hit === hit), room, focus)].join('\n');
  });
  const body = sections.join('\n\n');
  return { text: `${body}\n\n${sourcesBlock(citations)}`, citations, abstained: false, used };
}
