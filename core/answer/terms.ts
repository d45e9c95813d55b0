/**
 * Question analysis shared by the rewriter, the abstention check and the
 * extractive composer: which syllables carry meaning, which ask a kind of
 * question (quantity, time, actor, procedure, list).
 *
 * Everything is compared folded (no diacritics) so "thoi han" and "thời hạn"
 * meet; single syllables are dropped as function words only when the accented
 * form says so, because folding merges words like "chỉ" (chỉ đạo) and "chị".
 * A question typed without accents says nothing of the sort: its "bao" may be
 * "bảo vệ", its "toi" "tội phạm", so its function words are guessed from the
 * folded forms alone.
 */
import { fold, isUnaccented, lower, nfc, quotedWords, storyEnd, tokenRunsOf, wordsOf } from '../text.js';
import { expandAbbreviation } from '../retrieval/abbreviations.js';
import { extendIndex, type TermIndex } from '../retrieval/passage-index.js';
import { memoize } from '../memo.js';
import { PhraseTable } from '../phrase-table.js';

/** The tokens' pattern, for the rare reader that needs where each one is (tokenRunsOf scans the same). */
const TOKEN = /[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)*/gu;

/** Word tokens of a text, lower-cased NFC (document numbers such as 221/KH-VKSTC stay one token). */
export function tokens(text: string): string[] {
  return tokenRunsOf(lower(text));
}

/** The same tokens, case kept (NFC): capitals tell an abbreviation or acronym from a syllable. */
export function rawTokens(text: string): string[] {
  return tokenRunsOf(nfc(text));
}

/**
 * Multi-syllable function phrases: question words, politeness, generic legal
 * verbs. Folded, since a two-syllable phrase is rarely ambiguous without accents.
 */
const STOP_PHRASES = [
  'la gi', 'la bao nhieu', 'bao nhieu', 'bao lau', 'khi nao', 'luc nao', 'o dau', 'nhu the nao', 'the nao',
  'lam the nao', 'lam sao', 'lam gi', 'lam nhung gi', 'lam nhung viec gi', 'tai sao', 'vi sao', 'co phai', 'phai khong', 'hay khong', 'duoc khong', 'co khong',
  'nhung gi', 'nhung nao', 'cai gi', 'thi sao', 'the con', 'vay con', 'vay thi', 'the thi', 'nhu vay',
  'cho hoi', 'xin hoi', 'cho biet', 'cho toi', 'hom nay', 'hien nay', 'quy dinh', 'duoc quy', 'bao gom',
  'gom co', 'gom nhung', 'cu the', 'dieu do', 'viec do', 'cai do', 'van de', 'noi dung do', 'hay cho',
  'co the', 'can phai', 'theo do', 'doi voi', 'lien quan',
  // "giữ vai trò gì", "vai trò của X": asks what X does or is, a frame laws rarely write.
  'vai tro',
  // "chuẩn bị nghỉ hưu", "sắp sửa chuyển công tác" (about to): when, not what; the law names the event.
  // (In "thời hạn chuẩn bị xét xử" too: "thời hạn … xét xử" still finds it, and a studied question
  // typed without accents was answered rightly only so.)
  'chuan bi', 'sap sua', 'sap toi',
  // When the asker's case happens, how sure or in what order they ask: no law writes the asker's week.
  'tuan sau', 'tuan toi', 'thang toi', 'hom qua', 'ngay mai', 'chac chan', 'lan luot',
  // The part of the asker's day ("sếp ký chiều nay", "sáng nay có 12 hộ dân đến"). Not "tối nay" nor "đêm
  // qua": folded they are also "tội này", "đem qua".
  'sang nay', 'chieu nay', 'trua nay', 'sang mai', 'chieu mai',
  // "bên mình" (our side, our office), "đơn vị mình": the asker, not a party.
  'ben minh', 'ben em', 'ben toi', 'don vi minh', 'don vi em', 'co quan minh', 'co quan em', 'phong minh', 'phong em', 'vien minh',
  // "cho nhanh", "cho gọn" (to be quick): why the asker would, not what the rule says. (Not "cho tiện":
  // folded it is also "cho tiền", giving money.)
  'cho nhanh', 'cho gon', 'cho le',
  // "nghe nói …": what the asker heard; the rule is what is asked.
  'nghe noi',
  // "có bắt buộc … không", "bắt buộc phải …": a duty asked of, which the law writes "phải" (not the
  // measure "bắt buộc chữa bệnh", nor "bào chữa bắt buộc": those are no modal before a verb).
  'co bat buoc', 'bat buoc phai',
  // "bây giờ / giờ em phải làm gì", "giờ muốn rút", "giờ lại đổi ý" (now): no hour. (Not "giờ phải", "giờ
  // mới": "quá 24 giờ phải thả", "sau 24 giờ mới được" are hours.)
  'bay gio', 'gio em', 'gio toi', 'gio minh', 'gio muon', 'gio lai',
  // Question words of time, manner and quantity: the answer holds a date, a way, a number, not these words.
  'ngay nao', 'nam nao', 'thang nao', 'cach nao', 'bang cach', 'ra sao', 'phan tram',
  // Asking for a definition: the answer defines the term, it does not write these.
  'dinh nghia', 'khai niem', 'duoc hieu', 'goi la', 'coi la',
  // Asking for a time, a way of counting, a comparison: the answer writes the time, the rule, each side.
  'thoi han nao', 'thoi gian nao', 'thoi diem nao', 'tinh the nao', 'tinh nhu the nao', 'so voi', 'khac nhau', 'khac gi',
  // "chậm nhất đến lúc nào": the latest moment, which the law writes as "trước khi …", "trong thời hạn …".
  ...['den', 'la', 'vao'].flatMap((w) => ['luc nao', 'khi nao', 'ngay nao'].map((n) => `cham nhat ${w} ${n}`)),
].map((p) => p.split(' '));

/** Looked up by first syllable: this runs for every question and every heading read. */
const STOP_PHRASE_TABLE = new PhraseTable(STOP_PHRASES.map((phrase) => ({ phrase })));

/** Single-syllable function words, accented (compared exactly) . */
const STOP_WORDS = new Set(
  (
    'là gì nào ai sao thì mà và với của cho trong trên dưới được bị có các những một như thế vậy ' +
    'còn này đó kia ấy nó hay hoặc hoặc nhưng để về theo tại từ đến khi nếu thì ạ nhé ơi hỏi xin ' +
    'tôi bạn mình em anh chị ông bà ta họ phải cần nên sẽ đã đang rất lắm nhiều ít bao nhiêu mấy ' +
    'gồm cũng đều luôn lại ra vào lên xuống đây kia việc cái điều gì hãy giúp biết muốn bằng sau ở xong'
  ).split(/\s+/),
);

/**
 * Folded single syllables dropped when the user typed without accents: only
 * those whose folded form is rarely a content syllable ("toi" is also "tội",
 * "minh" "minh bạch": those are only ambiguous).
 */
const STOP_FOLDED = new Set('gi nao ai nhung cac voi cua cho duoc nhu vay nay kia ay hoac nhe oi la va khong'.split(' '));

/** Weight of a folded function word that may also be content ("co" = có / cơ quan, "thi" = thì / thi hành). */
const AMBIGUOUS_WEIGHT = 0.3;

/**
 * 0 for a function word, AMBIGUOUS_WEIGHT for one we cannot tell without accents, 1 for content.
 * `unaccented`: the whole question is typed without diacritics, so a token spelled like an
 * accent-free function word ("bao" of "bao nhiêu", "sao" of "tại sao") is only a guess.
 */
function syllableWeight(token: string, unaccented: boolean): number {
  if (!unaccented && (STOP_WORDS.has(token) || ACCENTED_STOP_WORDS.has(token))) return 0;
  const f = fold(token);
  // Accented and not in the accented list: a content word that merely folds like one ("chỉ", "số").
  if (f !== token) return 1;
  if (STOP_FOLDED.has(f)) return 0;
  return FOLDED_STOP_WORDS.has(f) ? AMBIGUOUS_WEIGHT : 1;
}

const FOLDED_STOP_WORDS = new Set([...STOP_WORDS].map(fold));

/**
 * Where, still, already, any more, the side of, the middle of, lies, sits ("ngồi tiếp dân"), only then ("rồi mới"), just ("vừa"), right
 * at ("ngay tại"), even if ("dù"), rather than ("chứ"), at the time ("lúc"), and ("cả … lẫn …"), the classifier of a letter or a form ("lá thư", "lá đơn"), they ("của chúng"),
 * wait until ("phải đợi khởi tố"), about to ("sắp hết hạn", but "sắp xếp" is a word), a matter ("một chuyện", "nhắc chuyện"; "nói chuyện" is a word): never
 * what a question is about, but their folded forms are ("đầu", "văn", "năm", "chung", "mỗi", "ngày",
 * "dữ", "chủ", "lục", "lần", "là", "đối", "sáp", "chuyển", "ngôi"): dropped only as written.
 */
const ACCENTED_STOP_WORDS = new Set('đâu vẫn rồi nữa đằng chừng nằm ngồi mới vừa ngay dù chứ lúc lẫn lá chúng đợi sắp chuyện'.split(' '));

/** Weight of the words of an alternative a yes-or-no question offers after it ("… không, hay chỉ …", "chứ không …"). */
const ALTERNATIVE_WEIGHT = 0.5;

/**
 * Everyday ways of doing something a rule sets the form of: "nói miệng", "gọi điện", "qua điện thoại",
 * "qua tin nhắn" (not "nhắn tin": folded it is also "tiếp nhận tin báo"). "Rút khiếu nại qua điện
 * thoại có được không?" is answered by "… bằng đơn có chữ ký", which writes none of them: they weigh
 * as an alternative the question offers does (folded).
 */
const MEANS = new PhraseTable(['noi mieng', 'bang mieng', 'trinh bay mieng', 'goi dien', 'goi dien thoai', 'qua dien thoai', 'qua tin nhan', 'qua zalo'].map((p) => ({ phrase: p.split(' ') })));

/** Positions of the syllables of MEANS phrases in folded syllables. */
function meansAsked(folded: readonly string[]): Set<number> {
  const at = new Set<number>();
  for (let i = 0; i < folded.length; i++) MEANS.forEachAt(folded, i, (e) => e.phrase.forEach((_, k) => at.add(i + k)));
  return at;
}

/** Positions (before `last`) of a "không" or "chưa" right before a comma or semicolon, after a "có" or "được" of the same clause. */
function clauseClosingNegations(text: string, folded: readonly string[], last: number): number[] {
  if (!/[,;]/.test(text)) return [];
  const out: number[] = [];
  let i = 0;
  let opened = false;
  const low = lower(text);
  for (const m of low.matchAll(TOKEN)) {
    if (i >= last) break;
    const f = folded[i];
    const closes = /^\s*[,;]/u.test(low.slice(m.index! + m[0].length));
    if ((f === 'khong' || f === 'chua') && closes && opened) out.push(i);
    if (f === 'co' || f === 'duoc') opened = true;
    if (closes) opened = false;
    i++;
  }
  return out;
}

/** Verbs of moving, sending or removing, after which "đi" is a direction (folded). */
const MOVED = new Set('chuyen gui mang dua dem bo xoa mat ra vao len xuong huy'.split(' '));
/** What "sao" copies into, after it (folded): "sao y", "sao lục", "sao chụp", "sao chép", "sao lưu", "sao kê". */
const COPIED = new Set('y luc chup chep luu ke'.split(' '));
/** Verbs "đi" goes before as an auxiliary: "đi dự", "đi họp", "đi làm", "đi nộp". */
const GOES_TO = new Set('du hop lam nop gui lay nhan kiem xem'.split(' '));

export interface QueryTerm {
  /** Folded syllable (or document-number token). */
  term: string;
  /** Index in the question's token list, for bigrams. */
  pos: number;
  /** 1 for a content syllable, less for one that may be a function word typed without accents. */
  weight: number;
}

/** Content syllables of a text: tokens minus function phrases and words, folded. */
export function contentTerms(text: string): readonly QueryTerm[] {
  return rememberedContent(text);
}

// A question's terms are read by the rewriter, the abstention check, the composer and the steps
// finder, and a heading's once per chunk: the analysis of a recent text is remembered (read-only).
const rememberedContent = memoize(contentTermsOf, 512);

function contentTermsOf(text: string): QueryTerm[] {
  const toks = tokens(text);
  const folded = toks.map(fold);
  const dropped = new Array<boolean>(toks.length).fill(false);
  // A quoted word names what is asked ("chữ viết tắt của 'Quy định'"), however common it is.
  const quoted = quotedWords(text);
  for (let i = 0; i < folded.length; i++) {
    STOP_PHRASE_TABLE.forEachAt(folded, i, ({ phrase }) => {
      // "có những cách nào": the ways are what is listed, not how to do it ("bằng cách nào").
      if (phrase[0] === 'cach' && PLURAL_BEFORE.has(folded[i - 1] ?? '') && folded[i - 2] !== 'bang') return;
      // "có bắt buộc chữa bệnh": the measure, not a duty asked of.
      if (phrase.includes('buoc') && folded[i + phrase.length] === 'chua' && folded[i + phrase.length + 1] === 'benh') return;
      for (let k = 0; k < phrase.length; k++) if (!quoted.has(folded[i + k])) dropped[i + k] = true;
    });
  }
  const out: QueryTerm[] = [];
  const unaccented = isUnaccented(text);
  // "… mấy bậc vậy mọi người?", "… không nhỉ?", "… mấy ngày thôi ạ?": the particles and the people a
  // chat message is addressed to close it, and what it asks ends before them.
  let last = folded.length - 1;
  for (let n = chatTail(toks, folded, last, unaccented); n > 0 && last > 0; n = chatTail(toks, folded, last, unaccented)) {
    for (let k = 0; k < n; k++) dropped[last - k] = true;
    last -= n;
  }
  // "Anh ơi, …", "Mọi người ơi cho em hỏi …": the call opening a chat message.
  const call = folded.indexOf('oi');
  if (call > 0 && call <= 2 && (call === 1 ? ADDRESSED.has(folded[0]) : folded[0] === 'moi' && folded[1] === 'nguoi')) dropped.fill(true, 0, call + 1);
  // "... không?" / "... chưa?" at the end asks yes or no; elsewhere "không" negates and matters.
  if (last > 0 && (folded[last] === 'khong' || folded[last] === 'chua')) {
    dropped[last] = true;
    // "…, đúng không?": a tag asking the asker's guess be confirmed ("nội dung không", "sử dụng không" are words).
    if (toks[last - 1] === 'đúng' || (unaccented && folded[last - 1] === 'dung' && !DUNG_WORDS.has(folded[last - 2] ?? ''))) dropped[last - 1] = true;
  }
  // "Có bắt buộc … không, mỗi tháng mấy ngày?": a "không" closing a clause that opened "có / được …"
  // asks yes or no of that clause as the last one does.
  for (const i of clauseClosingNegations(text, folded, last)) dropped[i] = true;
  // "chuyển đi", "gửi đi", "mang đi": "đi" after a verb of moving is its direction, no topic
  // ("văn bản đi", outgoing documents, is one).
  for (let i = 1; i < toks.length; i++) if (toks[i] === 'đi' && MOVED.has(folded[i - 1])) dropped[i] = true;
  // "cho tiện" (for convenience), as written: why the asker would ("phương tiện" is a word; "cho tiền" gives money).
  for (let i = 1; i < toks.length; i++) if (toks[i] === 'tiện' && toks[i - 1] === 'cho') dropped[i - 1] = dropped[i] = true;
  // Opening the question before a verb ("Đi dự cuộc họp …", "Đi họp"), it is how one gets there.
  if (toks[0] === 'đi' && GOES_TO.has(folded[1] ?? '')) dropped[0] = true;
  // "sao" asks how or why ("tại sao", "ra sao") except in a kind of copy: "sao y", "sao lục", "sao
  // chụp", or "bản sao" asked about itself ("Bản sao có giá trị gì?"). A copy of something ("xin bản
  // sao biên bản …") asks for that thing.
  const copy = (i: number) =>
    folded[i] === 'sao' &&
    (COPIED.has(folded[i + 1] ?? '') || (folded[i - 1] === 'ban' && (i + 1 === toks.length || syllableWeight(toks[i + 1], unaccented) === 0)));
  // "Có được phong tỏa tài khoản của vợ bị can không, hay chỉ của chính bị can?", "… buộc phải
  // trưng cầu giám định chứ không được tùy ý?": the other option restates the question the other
  // way round; the law answers one of them in its own words, so its words weigh less.
  let alternative = alternativeStart(folded);
  // "…, chưa tính gia hạn?", "…, không kể ngày nghỉ?": what the answer leaves out, closing the question.
  // Its verb asks nothing and the thing left out weighs as an alternative does.
  // (Not when the clause is the asker's guess put up to be confirmed: "…, không tính thời gian ốm đau đúng không?")
  // "… dùng mực màu gì, ký bút bi đen có được không?": after asking what, the asker offers an answer to
  // check; the law writes its own, not the one offered.
  const offered = OFFERED.exec(text);
  if (offered && asksWh(text.slice(0, offered.index), unaccented)) alternative = Math.min(alternative, tokens(text.slice(0, offered.index)).length);
  const left = CONFIRM_TAG.test(text) ? null : LEFT_OUT.exec(text);
  if (left) {
    const at = tokens(text.slice(0, left.index + left[0].indexOf(left[1]))).length;
    if (at + 2 < toks.length && at + 2 < alternative) {
      dropped[at] = dropped[at + 1] = true;
      alternative = at + 2;
    }
  }
  const means = meansAsked(folded);
  toks.forEach((t, i) => {
    if (dropped[i]) return;
    const weight = (copy(i) || quoted.has(folded[i]) || inCompound(folded, i) ? 1 : syllableWeight(t, unaccented)) * (i >= alternative || means.has(i) ? ALTERNATIVE_WEIGHT : 1);
    if (weight > 0) out.push({ term: folded[i], pos: i, weight });
  });
  return out;
}

/**
 * Two-syllable words whose first syllable is a function word on its own ("từ", "cho") and whose
 * second is ambiguous folded: "từ chối", "cho phép" are what a question is about, both syllables
 * whole (folded: typed without accents they are no less). And "người bị …": "người bị tố cáo" is
 * the other party to "người tố cáo", "người bị tạm giữ" no "người tạm giữ".
 */
const COMPOUNDS = new Set(['tu choi', 'tu chuc', 'cho phep', 'sap xep', 'noi chuyen', 'tro chuyen', 'nguoi bi']);

function inCompound(folded: readonly string[], i: number): boolean {
  return COMPOUNDS.has(`${folded[i]} ${folded[i + 1] ?? ''}`) || (i > 0 && COMPOUNDS.has(`${folded[i - 1]} ${folded[i]}`));
}

/** Plural markers before a noun listed ("những cách nào", "các cách nào", "mấy cách nào"). */
const PLURAL_BEFORE = new Set(['nhung', 'cac', 'may']);

/** Whom a chat message calls or closes on: "anh ơi", "… vậy chị?"; as written, and folded for a message typed without accents. */
const ADDRESSED_WRITTEN = new Set('anh chị em bạn ad admin'.split(' '));
const ADDRESSED = new Set([...ADDRESSED_WRITTEN].map(fold));
/** Particles a chat question ends on, as written ("thôi" of "mấy ngày thôi ạ" is "only", said after the fact). */
const TAIL_PARTICLES = new Set('ạ nhỉ nhé nha à hả hở thôi vậy thế'.split(' '));
/** The same, typed without accents: not "a" (a điểm's letter) nor "nha" (nhà), which end questions as content. */
const TAIL_PARTICLES_FOLDED = new Set('nhi nhe ha thoi vay z'.split(' '));

/** How many tokens ending at `at` are a chat tail (a particle, or who is addressed); 0 when none. */
function chatTail(toks: readonly string[], folded: readonly string[], at: number, unaccented: boolean): number {
  if (folded[at] === 'nguoi' && folded[at - 1] === 'moi') return 2;
  if (unaccented ? ADDRESSED.has(folded[at]) : ADDRESSED_WRITTEN.has(toks[at])) {
    // "… vậy anh?", "… không chị?": the one addressed, after a particle or the yes-or-no "không".
    const before = folded[at - 1];
    return before !== undefined && (TAIL_PARTICLES_FOLDED.has(before) || before === 'khong' || before === 'chua' || before === 'the') ? 1 : 0;
  }
  return (unaccented ? TAIL_PARTICLES_FOLDED.has(folded[at]) : TAIL_PARTICLES.has(toks[at])) ? 1 : 0;
}

/** A last clause leaving something out: ", chưa tính …", ", không kể …" (no comma after it). */
const LEFT_OUT = /,\s*((?:chưa|không|chua|khong) (?:tính|kể|tinh|ke) )(?!khai)[^,;]+$/iu;
/** A closing clause asking whether something will do: ", ký bút bi đen có được không?" (bounded: no backtracking over long input). */
const OFFERED = /,[^\S\n]{0,3}[^,;?]{1,160}?\s(?:có |co )?(?:được|duoc|dc|đc) (?:không|khong|ko)(?:\s+(?:ạ|a|anh|chị|chi|nhỉ|nhi)){0,3}\s{0,3}\??\s{0,3}$/iu;
/** A question word before it, as written ("máy", "dấu", "sao y" are none): the clause offers an answer to what was asked. */
const WH = /(?:^|[\s,])(?:gì|nào|bao nhiêu|mấy|ai|đâu|sao(?! (?:y|chụp|chép|lục|lưu|kê)(?:\s|$))|thế nào)(?=[\s,?]|$)/iu;
/** The same typed without accents, where "may" and "dau" can only be guessed to be "mấy", "đâu". */
const WH_PLAIN = /\b(?:gi|nao|bao nhieu|may|ai|dau|the nao)\b/;

function asksWh(before: string, unaccented: boolean): boolean {
  return unaccented ? WH_PLAIN.test(fold(before)) : WH.test(lower(before));
}
/** "… đúng không?", "… phải không ạ?": the message puts something up to be confirmed. */
const CONFIRM_TAG = /(?:đúng|phải|dung|phai) (?:không|khong|ko)(?:\s+(?:ạ|a|anh|chị|chi|nhỉ|nhi))*\s*\??\s*$/iu;

/** Words "dung" ends, typed without accents: "nội dung", "sử dụng", "áp dụng", "tuyển dụng", "ứng dụng", "xây dựng", "trưng dụng". */
const DUNG_WORDS = new Set(['noi', 'su', 'ap', 'tuyen', 'ung', 'xay', 'trung', 'tin', 'thu']);

/** Where the alternative after "không hay" / "chưa hay" / "chứ không" starts (folded tokens); past the end when none. */
function alternativeStart(folded: readonly string[]): number {
  for (let i = 1; i + 1 < folded.length; i++) {
    if (folded[i] === 'hay' && (folded[i - 1] === 'khong' || folded[i - 1] === 'chua')) return i + 1;
    if (folded[i - 1] === 'chu' && folded[i] === 'khong') return i + 1;
  }
  return folded.length;
}

/** Adjacent content syllables of the question, as "a b": Vietnamese words are mostly two syllables. */
export function contentBigrams(terms: readonly QueryTerm[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < terms.length; i++) {
    if (terms[i].pos === terms[i - 1].pos + 1) out.push(`${terms[i - 1].term} ${terms[i].term}`);
  }
  return out;
}


/** The index with extra syllables counted as present (read-only view, the index itself is untouched). */
export function withUnigrams<T extends TermIndex>(idx: T, extra: ReadonlySet<string>): T {
  return extra.size ? extendIndex(idx, { unigrams: extra }) : idx;
}

export function indexTerms(text: string): TermIndex {
  const folded = tokens(text).map(fold);
  const unigrams = new Set(folded);
  const bigrams = new Set<string>();
  for (let i = 1; i < folded.length; i++) bigrams.add(`${folded[i - 1]} ${folded[i]}`);
  return { unigrams, bigrams };
}

export type QuestionKind = 'quantity' | 'time' | 'actor' | 'procedure' | 'list' | 'definition';

const KIND_CUES: Record<QuestionKind, RegExp> = {
  quantity: /\b(bao nhieu|muc (phat|tien)|ty le|ti le|phan tram|so luong)\b/,
  time: /\b(khi nao|bao lau|thoi han|thoi gian|thoi hieu|ngay nao|luc nao|nam nao|han chot|khi nao thi|bao gio)\b/,
  actor: /(^|\s)(ai|co quan nao|nguoi nao|don vi nao|cap nao|tham quyen|chu the|trach nhiem)(\s|$|\?)/,
  procedure: /\b(the nao|thu tuc|trinh tu|cac buoc|quy trinh|cach thuc|cach nao|lam sao)\b/,
  // Also "có quyền gì", "có nhiệm vụ, quyền hạn gì": a law lists rights and duties, item by item.
  list: /\b(gom nhung|gom co|bao gom|nhung gi|nhung truong hop|cac truong hop|truong hop nao|nhung (\w+ ){0,3}(nao|gi)|cac (\w+ ){0,3}(nao|gi)|nhung noi dung|gom nhung gi|phan loai|phan thanh|chia thanh|chia lam|cac loai|(may|bao nhieu) (loai|hinh thuc))\b|\b(quyen han|quyen|nghia vu|nhiem vu|trach nhiem)( (va )?(quyen han|quyen|nghia vu|nhiem vu|trach nhiem))* (gi|nao)\b/,
  // Also "Thế nào thì được gọi là …", "… được coi là gì": what makes a thing the term.
  definition: /\b(la gi|nghia la|duoc hieu|khai niem|dinh nghia|(the nao|nhu the nao) (thi )?(duoc )?(goi|coi) la|(duoc )?(goi|coi) la gi)\b/,
};

/** What happens at a point in time: "có hiệu lực khi nào", "ban hành khi nào", "có từ khi nào". */
const AT_A_TIME = /\b(hieu luc|ban hanh|ky|thong qua|to chuc|dien ra|bat dau|ket thuc|het han|thanh lap|cong bo|trien khai|hoan thanh|ap dung|thi hanh|ra doi|hop)\b|\btu khi nao\b/;
/** Every cue of a time question but "khi nào". */
const TIME_NOT_WHEN = /\b(bao lau|thoi han|thoi gian|thoi hieu|ngay nao|luc nao|nam nao|han chot|bao gio)\b/;

/**
 * "Khi nào Viện kiểm sát trả hồ sơ để điều tra bổ sung?", "Khi nào phải đóng dấu giáp lai?": "khi
 * nào" of an act asks in which case it happens, which a law answers with "khi …", "trường hợp …",
 * not a date. Of what happens at a point in time ("có hiệu lực khi nào") it asks a date.
 */
export function asksCondition(folded: string): boolean {
  return /\bkhi nao\b/.test(folded) && !AT_A_TIME.test(folded) && !TIME_NOT_WHEN.test(folded);
}

/** "Bước 5 là gì?", "bước thứ 3": the number of the step a folded question asks for, if any. */
export function askedStep(folded: string): string | undefined {
  return /\bbuoc (?:thu )?(\d{1,2})\b/.exec(folded)?.[1]?.replace(/^0+(?=\d)/, '');
}

/** "mấy" asks a number; its folded form "may" is also "máy" (a machine), so only the accented form counts. */
export const HOW_MANY = /(?:^|\s)mấy(?=\s|$)/iu;

/** The kinds of answer a question asks for (several may apply). */
export function questionKinds(question: string): Set<QuestionKind> {
  const f = fold(question).replace(/[?!.,;:]/g, ' ').replace(/\s+/g, ' ').trim();
  const kinds = new Set<QuestionKind>();
  for (const [kind, re] of Object.entries(KIND_CUES) as [QuestionKind, RegExp][]) if (re.test(f)) kinds.add(kind);
  // In which case it happens is asked as "trong những trường hợp nào": a law lists the cases.
  if (asksCondition(f)) {
    kinds.delete('time');
    kinds.add('list');
  }
  if (HOW_MANY.test(question)) kinds.add('quantity');
  return kinds;
}

// ---------------------------------------------------------------- matching a question against a passage

const ONLY_LETTERS = /^\p{L}+$/u;

/**
 * A token of three letters or more written in capitals ("BVBMNN", "CĐS"), or holding no vowel
 * ("bvbmnn", "ksnd": every Vietnamese syllable has one, so it is an acronym typed in lower case):
 * an acronym, even one no list knows.
 */
function isAcronym(raw: string): boolean {
  // Letters only, three or more (code units, as the written form is measured).
  if (raw.length < 3 || !ONLY_LETTERS.test(raw)) return false;
  return (raw === raw.toUpperCase() && raw !== raw.toLowerCase()) || !/[aeiouy]/.test(fold(raw).toLowerCase());
}

export interface MatchTerm extends QueryTerm {
  /** Index of the question token the syllable comes from. */
  word?: number;
  /**
   * Folded letters of an acronym the question wrote ("bvbmnn"): found in a passage that
   * writes it, or that has consecutive syllables with these initials ("bảo vệ bí mật nhà nước").
   */
  acronym?: string;
}

/**
 * Content syllables of a question for matching passages: like contentTerms, but document
 * numbers are split into their parts, field abbreviations are expanded (each expanded
 * syllable weighs a share of the abbreviation, which is one concept) and unknown
 * acronyms are kept whole, to be matched by initials.
 */
export function matchTerms(text: string): readonly MatchTerm[] {
  return rememberedMatch(text);
}

const rememberedMatch = memoize(matchTermsOf, 512);

function matchTermsOf(text: string): MatchTerm[] {
  const words = tokens(text);
  const rawWords = rawTokens(text);
  const kept = new Set(contentTerms(text).map((t) => t.pos));
  const weightOf = new Map(contentTerms(text).map((t) => [t.pos, t.weight]));
  const out: MatchTerm[] = [];
  let pos = 0;
  words.forEach((word, i) => {
    if (!kept.has(i)) {
      pos += 2; // a dropped word breaks adjacency
      return;
    }
    const raw = rawWords.length === words.length ? rawWords[i] : word;
    // Inside a document number ("390/qd-vkstc") a short part is its type, however it is typed.
    const inNumber = /\d/.test(raw) && raw.includes('/');
    // Its syllables as matched: a document number split into its parts, so "01 ct vkstc" meets "01/CT-VKSTC".
    for (const part of wordsOf(raw)) {
      const exp = expandAbbreviation(inNumber ? part.toUpperCase() : part);
      if (exp) {
        const syl = exp.split(' ');
        const w = Math.min(1, 2 / syl.length);
        for (const s of syl) out.push({ term: s, pos: pos++, weight: w, word: i });
      } else if (isAcronym(part)) {
        out.push({ term: fold(part).toLowerCase(), pos: pos++, weight: 1.5, acronym: fold(part).toLowerCase(), word: i });
      } else {
        out.push({ term: fold(part.toLowerCase()), pos: pos++, weight: weightOf.get(i) ?? 1, word: i });
      }
    }
  });
  return out;
}

/** Full-weight words the question sentence after a story needs for the story to count as one. */
const MIN_ASKED = 3;
/** How much a word of a story told before the question weighs against the question sentence's. */
const SETTING_WEIGHT = 0.4;
/**
 * How many tokens of the question belong to a story told before it (see storyEnd: "Hôm qua tôi
 * nhận được một lá đơn … không ghi tên và địa chỉ người gửi. Tôi có phải thụ lý … không?"); 0 when
 * there is none, or when the question sentence says too little of its own.
 */
export function settingLength(question: string): number {
  const q = nfc(question);
  const at = askedFrom(q);
  return at ? tokens(q.slice(0, at)).length : 0;
}

/** Where (in the NFC text) the question sentence starts after a story told before it; 0 when none (see settingLength). */
export function askedFrom(question: string): number {
  const q = nfc(question);
  const at = storyBoundary(q);
  if (!at) return 0;
  // "<a statement>. Đúng hay sai?": the statement is what is asked; a question sentence must say something of its own.
  return contentTerms(q.slice(at)).filter((t) => t.weight === 1).length < MIN_ASKED ? 0 : at;
}

/** Does the message tell a case before what it asks (a story sentence, or a chat clause before ", vậy …", ", em có …")? */
export function toldStory(question: string): boolean {
  return storyBoundary(nfc(question)) > 0;
}

/** Where a story told before the question ends: a story sentence's end, a chat clause's, or a clause opening with when it happened (NFC text; 0 when none). */
function storyBoundary(q: string): number {
  return storyEnd(q) || chatSettingEnd(q) || whenToldEnd(q);
}

/**
 * "Sáng nay có 12 hộ dân cùng kéo đến phản ánh chuyện đất đai, em yêu cầu họ cử đại diện thì …": a clause
 * opening with when it happened tells the asker's case, whatever opens the clause after its comma;
 * not one that asks ("Hôm qua là hạn cuối kháng cáo phải không, …"). Folded: the same with or without accents.
 */
const WHEN_TOLD =
  /^\s*(?:hom (?:qua|nay|truoc)|(?:sang|trua|chieu|toi|dem) (?:nay|qua)|(?:tuan|thang) (?:truoc|nay)|vua roi|moi day)\b,?[^,?.;:]*,\s*(?=\S)/;

/** Openings that fold like a time ("toi nay", "dem qua") but, written with their accents, are none. */
const NOT_WHEN = /^\s*(?:tội này|đem qua)(?![\p{L}])/u;

function whenToldEnd(q: string): number {
  // Folding keeps an NFC text's length (one letter for one), so the offset is the text's own.
  const m = WHEN_TOLD.exec(fold(q).toLowerCase());
  if (!m || NOT_WHEN.test(lower(q))) return 0;
  return ASKS_AT_END.test(m[0].replace(/\s*,\s*$/, '')) ? 0 : m[0].length;
}
/** A clause ending on a question word or tag asks ("…, phải không,"), whatever it opens with. */
const ASKS_AT_END = /\b(?:khong|chua|gi|nao|bao lau|bao nhieu|sao|dau|ai)$/;

/**
 * "Em làm ở UBND xã, cho em hỏi …", "Người tố cáo lo bị trả thù, vậy …", "Hôm qua có người say rượu đến
 * phòng tiếp dân, em có được từ chối không?": in a chat message the case is told in a clause, and ", vậy",
 * ", cho em hỏi", ", nghe nói …" or the asker's own "(thì) em / mình có / phải / được …" opens what is asked. Where that is; 0 when none.
 */
const CHAT_ASK =
  /,\s*(?:vậy|thế thì|vậy thì|cho (?:em|mình|tôi|cháu|con) hỏi|xin hỏi|vay|the thi|vay thi|cho (?:em|minh|toi|chau|con) hoi|xin hoi|nghe nói|nghe noi|(?=(?:thì\s+|thi\s+)?(?:em|mình|tôi|chúng tôi|chúng em|bên em|bên mình|đơn vị mình|minh|toi|ben em|don vi minh)\s+(?:có|phải|cần|nên|được|co|phai|can|nen|duoc)\s))\s*(?=\S)/iu;

function chatSettingEnd(q: string): number {
  const m = CHAT_ASK.exec(q);
  if (!m) return 0;
  // The asker's own ", em có …" ends a story only after one: not after a frame ("Theo Luật Tố cáo, tôi có
  // quyền …", "Đối với bị can dưới 18 tuổi, …"), a question of its own ("… là bao lâu, tôi có phải …"), or a word ("Vâng, …").
  if (!/^,\s*(?:vậy|thế|cho|xin|vay|the)/iu.test(m[0])) {
    const before = q.slice(0, m.index);
    if (FRAME_OPENING.test(before) || ASKS_IN_CLAUSE.test(fold(before).toLowerCase()) || contentTerms(before).filter((t) => t.weight === 1).length < 3) return 0;
  }
  return m.index + m[0].length;
}
const FRAME_OPENING = /^\s*(?:theo|đối với|doi voi|trong|khi|nếu|neu|về|ve|với|voi|tại|tai|vâng|dạ|ok)(?=\s|,)/iu;
const ASKS_IN_CLAUSE = /\b(?:bao lau|bao nhieu|may|gi|nao|ai|khong|sao)\b/;

/**
 * matchTerms of a question, the words of a story before it weighing less (SETTING_WEIGHT): the
 * story tells the case in the asker's words (the day, who came, how), which no law writes, and the
 * question sentence says what is asked of it. A story's word is then no topic of its own
 * (missingTopic and the composer's "asked" words read only full-weight ones).
 */
export function questionTerms(question: string): readonly MatchTerm[] {
  return rememberedQuestion(question);
}

/** A condition on the subject's state opening a sentence, up to its "thì": "nếu chưa đủ thì", "khi quá hạn thì" (not "nếu họ bỏ trốn thì", a case). */
const CONDITION = /^(?:nếu|khi|trường hợp|neu|truong hop)\s+(?:vẫn\s+|van\s+)?(?:chưa|không|quá|hết|vượt|chua|khong|qua|het|vuot)\s+[^,?]{0,40}?\s*(?:thì|thi)\s/iu;

/** Tokens of a condition opening `body` that names at most two content words ("nếu chưa đủ thì"); 0 when none. */
function shortCondition(body: string): number {
  const m = CONDITION.exec(body);
  if (!m) return 0;
  return contentTerms(m[0]).filter((t) => t.weight === 1).length <= 2 ? tokens(m[0]).length : 0;
}

/** "Về <the previous topic>: <the follow-up>?", as the rewriter (rewrite.ts) completes a follow-up. */
export const COMPLETED = /^Về ([^:?]+): /u;

/** Token indices inside parentheses: "(ghi nhầm ngày, sai ký hiệu)" gives examples of the case asked about, not the case. */
function parenthesised(question: string): Set<number> {
  const q = nfc(question);
  const spans = [...q.matchAll(/\([^()]*\)/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const out = new Set<number>();
  if (!spans.length) return out;
  let i = 0;
  for (const m of q.matchAll(TOKEN)) {
    if (spans.some(([a, b]) => m.index > a && m.index < b)) out.add(i);
    i++;
  }
  return out;
}

const rememberedQuestion = memoize((question: string): readonly MatchTerm[] => {
  const inParentheses = parenthesised(question);
  const all = matchTerms(question);
  const terms = inParentheses.size ? all.map((t) => (inParentheses.has(t.word ?? -1) ? { ...t, weight: t.weight * SETTING_WEIGHT } : t)) : all;
  // The previous topic a follow-up was completed with is its setting as much as a story is.
  const completed = COMPLETED.exec(nfc(question));
  // "Về tạm giữ: nếu chưa đủ thì được gia hạn mấy lần?": a short condition opening the follow-up is
  // the asker's case ("chưa đủ", "chưa kịp"), which the rule states in its own words; so is the topic.
  const condition = completed ? shortCondition(nfc(question).slice(completed[0].length)) : 0;
  const setting = completed ? tokens(completed[0]).length + condition : settingLength(question);
  if (!setting) return terms;
  const inSetting = (t: MatchTerm) => (t.word ?? 0) < setting;
  // A figure of the story ("bị hại sinh năm 2008", "số tiền 30 triệu") is the case's, and no rule
  // writes it; a previous topic's number ("Kế hoạch 221") still names what is asked about.
  const kept = completed ? terms : terms.filter((t) => !(inSetting(t) && /^\d+$/.test(t.term)));
  return kept.map((t) => (inSetting(t) ? { ...t, weight: t.weight * SETTING_WEIGHT } : t));
}, 512);
