/**
 * Follow-up rewriting: "còn mục tiêu về nghiệp vụ thì sao?", "điều đó áp dụng
 * cho ai?", "vậy còn Luật Tố cáo?" only make sense against the previous turn.
 * The rewriter turns them into a standalone question the retriever can use,
 * and leaves a self-contained question untouched. Pure and deterministic;
 * every cue is matched folded, so unaccented typing works the same.
 */
import type { Turn } from '../types.js';
import { findDocNumbers, fold, foldedSyllables, isUnaccented, lower, nfc } from '../text.js';
import { askedFrom, askedStep, COMPLETED, contentTerms, HOW_MANY } from './terms.js';
import { SOURCES_HEADING } from '../../prompts/answer.js';

interface Tok {
  text: string;
  f: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)*/gu;

function tokenize(text: string): Tok[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], f: fold(m[0]), start: m.index!, end: m.index! + m[0].length }));
}

const seq = (s: string) => s.split(' ');

/** Openers that hand the previous subject over: "còn ...", "thế còn ...", "vậy thì ...". */
const LEADING_CUES = ['the con ve', 'vay con ve', 'con ve', 'the con', 'vay con', 'vay thi', 'the thi', 'con', 'vay', 'the', 'con neu', 'gia su', 'con gia su', 'vay gia su', 'the gia su'].map(seq);
/** Closers of an elliptical question: "... thì sao?", "... thì thế nào?". */
const TRAILING_CUES = ['thi nhu the nao', 'thi the nao', 'thi ra sao', 'thi sao', 'ra sao', 'nua khong', 'thi sao a'].map(seq);

/** Words that name a kind of document; followed by a name or number they reference one. */
const DOC_HEADS = [
  'bo luat', 'luat', 'hien phap', 'nghi dinh', 'nghi quyet', 'thong tu', 'quyet dinh', 'chi thi', 'ke hoach', 'cong van',
  'huong dan', 'bao cao', 'quy che', 'van ban', 'dieu luat', 'phap lenh',
].map(seq);

/** Document types that are also the field's common nouns ("ra quyết định", "báo cáo kết quả"). */
const GENERIC_HEADS = new Set(['quyet dinh', 'ke hoach', 'chi thi', 'cong van', 'huong dan', 'bao cao', 'quy che', 'van ban']);

/** Generic nouns that, with a demonstrative, point back at the previous subject ("điều đó", "quy định này"). */
const ANAPHOR_HEADS = ['dieu', 'viec', 'cai', 'van de', 'noi dung', 'quy dinh', 'truong hop', 'chuyen', 'thu tuc', 'muc tieu', 'nhiem vu', 'khoang gio', 'khoang thoi gian', 'thoi gian', 'thoi diem', 'luc'].map(seq);
/** Demonstratives as written with accents, and folded (typed without accents, "do"/"nay" are also "do" (by), "nay" (now)). */
const DEMONSTRATIVES_WRITTEN = new Set(['đó', 'này', 'ấy', 'trên', 'kia']);
const DEMONSTRATIVES = new Set([...DEMONSTRATIVES_WRITTEN].map(fold));
/** "như vậy" (such). */
const SUCH_WORD = /^(?:như vậy|nhu vay)$/iu;
/** Standalone pronouns / pro-forms. Accent-checked: folded "no" is also "nợ". */
const PRONOUNS = new Set(['nó', 'như vậy', 'vậy thì']);

/** Words that end a document name: verbs, question words, prepositions starting a new phrase. */
const NAME_STOP = new Set(
  'co la quy thi nhu gi nao bao duoc phai cho ap neu gom de khi can se da dang ve theo tai trong doi khong hay hoac va ma con vay the sao ra nam xong'.split(' '),
);

/**
 * How each stop word is written with its accents: written so, "cận" of "Luật Tiếp cận thông tin" is
 * no "cần", nor "đổi" of "chuyển đổi số" an "đối". Typed without accents, any reads as the stop.
 */
const NAME_STOP_WRITTEN: Readonly<Record<string, readonly string[]>> = {
  co: ['có'], la: ['là'], quy: ['quy'], thi: ['thì'], nhu: ['như'], gi: ['gì'], nao: ['nào'], bao: ['bao'], duoc: ['được'],
  phai: ['phải'], cho: ['cho'], ap: ['áp'], neu: ['nếu'], gom: ['gồm'], de: ['để'], khi: ['khi'], can: ['cần'], se: ['sẽ'],
  da: ['đã'], dang: ['đang'], ve: ['về'], theo: ['theo'], tai: ['tại'], trong: ['trong'], doi: ['đối'], khong: ['không'],
  hay: ['hay'], hoac: ['hoặc'], va: ['và'], ma: ['mà'], con: ['còn'], vay: ['vậy'], the: ['thế'], sao: ['sao'], ra: ['ra'],
  nam: ['năm'], xong: ['xong'],
};

function stopsName(t: Tok): boolean {
  if (!NAME_STOP.has(t.f)) return false;
  const raw = t.text.toLowerCase();
  return raw === t.f || (NAME_STOP_WRITTEN[t.f]?.includes(raw) ?? true);
}

function matchAt(toks: Tok[], i: number, pattern: string[]): boolean {
  return pattern.every((p, j) => toks[i + j]?.f === p);
}

interface Span {
  start: number;
  end: number;
}

/** Document references written in a text: "Luật Tố cáo", "Kế hoạch 221/KH-VKSTC", "Nghị định 30". */
export function documentReferences(text: string): { text: string; span: Span }[] {
  const s = nfc(text);
  const toks = tokenize(s);
  const out: { text: string; span: Span }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const head = DOC_HEADS.find((h) => matchAt(toks, i, h));
    if (!head) continue;
    // "pháp luật", "kỷ luật", "điều luật này" are not references to a named document.
    if (i > 0 && (toks[i - 1].f === 'phap' || (toks[i - 1].f === 'ky' && head[0] === 'luat'))) continue;
    let j = i + head.length;
    if (toks[j]?.f === 'so') j++;
    const nameStart = j;
    // A comma or colon ends the name: "Theo Luật Khiếu nại, thời hạn ..." names "Luật Khiếu nại".
    const punctuated = (k: number) => k > nameStart && /[,;:?!]/.test(s.slice(toks[k - 1].end, toks[k].start));
    // A number names the document whole: "Quyết định 390/QĐ-VKSTC | kiện toàn …" goes on about it.
    const numbered = /\d/.test(toks[nameStart]?.text ?? '');
    while (j < toks.length && j - nameStart < (numbered ? 1 : 10) && !stopsName(toks[j]) && !DEMONSTRATIVES.has(toks[j].f) && !punctuated(j)) {
      // A name may include "năm 2024" / "về ..." only as in "Kế hoạch chuyển đổi số năm 2024".
      j++;
    }
    if (toks[j]?.f === 'nam' && /^\d{4}$/.test(toks[j + 1]?.text ?? '')) j += 2;
    if (j === nameStart) continue;
    // "quyết định sơ thẩm", "kế hoạch công tác": a common noun of the field, unless a number or a
    // capital mid-sentence ("Quyết định 390", "theo Báo cáo tổng kết") makes it a document's name.
    const named = toks.slice(nameStart, j).some((t) => /\d/.test(t.text)) || (i > 0 && /^\p{Lu}/u.test(toks[i].text));
    if (GENERIC_HEADS.has(head.join(' ')) && !named) continue;
    const span = { start: toks[i].start, end: toks[j - 1].end };
    out.push({ text: s.slice(span.start, span.end), span });
    i = j - 1;
  }
  // Bare numbers like "221/KH-VKSTC" without a type word are references too.
  for (const n of findDocNumbers(s)) {
    if (!out.some((r) => r.text.replace(/\s+/g, '').includes(n))) {
      const at = s.indexOf(n);
      if (at >= 0) out.push({ text: n, span: { start: at, end: at + n.length } });
    }
  }
  return out;
}

/** Question phrases removed to get the topic of a question. */
const QUESTION_TAILS = [
  // "…, đúng không anh?", "… phải không chị": a tag asking the asker's guess be confirmed, and whom it is asked of.
  ...['dung khong', 'phai khong', 'khong', 'vay'].flatMap((t) => [`${t} anh chi`, `${t} anh`, `${t} chi`]),
  'dung khong', 'phai khong',
  // "… là bao nhiêu ngày", "… mấy tháng": the count asked with its counter.
  ...['ngay lam viec', 'ngay', 'thang', 'nam', 'gio', 'tuan', 'lan', 'nguoi'].flatMap((c) => [`bao nhieu ${c}`, `may ${c}`]),
  'la gi', 'la bao nhieu', 'bao nhieu', 'bao lau', 'khi nao', 'o dau', 'nhu the nao', 'the nao', 'ra sao', 'la ai', 'gom nhung gi',
  'gom nhung', 'nhung gi', 'nao', 'gi', 'khong', 'chua', 'a', 'nhe', 'vay', 'nhu the', 'the', 'nhu', 'sao', 'co', 'la', 'thi', 'duoc', 'nhung', 'cac',
].map(seq);
/**
 * The question words among the tails as they are written with accents: "cụ thể" ends with "thể",
 * not the "thế" of "như thế", and "mục tiêu cụ thể" keeps it. Typed without accents, any reads.
 */
const TAIL_AS_WRITTEN: Record<string, readonly string[]> = {
  the: ['thế'],
  co: ['có'],
  la: ['là'],
  thi: ['thì'],
  nhu: ['như'],
  duoc: ['được'],
  nhung: ['những'],
  cac: ['các'],
  vay: ['vậy'],
  chua: ['chưa'],
  a: ['à', 'ạ'],
  nhe: ['nhé', 'nhe'],
};

function tailAt(toks: Tok[], i: number, tail: string[]): boolean {
  if (!matchAt(toks, i, tail)) return false;
  return tail.every((w, j) => {
    const written = TAIL_AS_WRITTEN[w];
    const raw = toks[i + j].text.toLowerCase();
    return !written || raw === w || written.includes(raw);
  });
}

/** How-to openers, whole: their "nào" is no interrogative inside a topic ("Làm thế để ký số"). */
const HOW_OPENERS = ['lam the nao de', 'lam the nao', 'lam sao de', 'lam sao', 'bang cach nao de', 'cach nao de'].map(seq);

const QUESTION_OPENERS = [
  'cho toi hoi', 'cho hoi', 'xin hoi', 'hay cho biet', 'cho biet', 'ai', 'hoi',
  // A chat's call and its asking leave: "Anh ơi, cho em hỏi …" is no part of the subject a follow-up takes up.
  'cho em hoi', 'cho minh hoi', 'cho chau hoi', 'em xin hoi', 'toi xin hoi', 'minh xin hoi', 'em hoi', 'minh hoi',
  'anh oi', 'chi oi', 'anh chi oi', 'moi nguoi oi',
].map(seq);

/** The topic of a question: the question without its question words and punctuation. */
export function topicOf(question: string): string {
  // "Bên em có vụ …, nghe nói phải có yêu cầu của bị hại mới khởi tố được?": the case told first is the
  // asker's; what the conversation is about is what they ask of it.
  const q = nfc(question).trim();
  let s = q.slice(askedFrom(q)).trim().replace(/[?!.…]+$/u, '').trim();
  // "Làm thế nào để ký số văn bản": the how is asked, the topic is what is done.
  const how = tokenize(s);
  const opener = HOW_OPENERS.find((o) => how.length > o.length && matchAt(how, 0, o));
  if (opener) s = s.slice(how[opener.length].start);
  // Interrogatives inside the sentence ("có những mục tiêu gì trong ...") carry no topic.
  s = tidy(s.replace(/(^|\s)(gì|gi|nào|nao)(?=\s|,|$)/giu, '$1'));
  for (let changed = true; changed; ) {
    changed = false;
    const toks = tokenize(s);
    if (!toks.length) break;
    for (const tail of QUESTION_TAILS) {
      const i = toks.length - tail.length;
      if (i > 0 && tailAt(toks, i, tail)) {
        s = s.slice(0, toks[i].start).replace(/[\s,;:]+$/u, '');
        changed = true;
        break;
      }
    }
    if (changed) continue;
    for (const open of QUESTION_OPENERS) {
      if (toks.length > open.length && matchAt(toks, 0, open)) {
        s = s.slice(toks[open.length].start);
        changed = true;
        break;
      }
    }
  }
  // A count asked inside it ("Kế hoạch … có bao nhiêu mục tiêu cụ thể"): the topic is what is counted.
  s = s.replace(/(^|\s)(?:có|co)\s+(?:bao nhiêu|bao nhieu|mấy)(?=\s)/giu, '$1');
  // "…, trong bao lâu": the preposition the question words leave behind goes with them.
  return tidy(s);
}

/** A question asking yes or no: "… không?", "… chưa?". */
const YES_NO_END = /(?:^|\s)(?:không|khong|chưa|chua)\s*[?!.…]*$/iu;
/** Modals a yes-or-no question puts after its "có": "có được", "có phải", "có bị", "có cần". */
const HAVE_MODALS = 'được|duoc|phải|phai|bị|bi|cần|can';
/** The modal a yes-or-no question puts before what it asks of its subject (the first one). */
const YES_NO_MODAL = new RegExp(`(\\S)\\s+(?:có|co)\\s+(?:${HAVE_MODALS}|thể|the|bắt buộc(?:\\s+phải)?|bat buoc(?:\\s+phai)?)(?=\\s)`, 'iu');

/** The "có" of that modal, which a pointer drops ("bị", "được" stay: "… có bị xử lý …" is "… bị xử lý …"), and "có thể" whole. */
const YES_NO_HAVE = new RegExp(`(\\S)\\s+(?:(?:có|co)\\s+(?:thể|the)|(?:có|co)(?=\\s+(?:${HAVE_MODALS}|bắt buộc|bat buoc)\\s))`, 'iu');

/** The subject before a yes-or-no question's modal: "Thông điệp dữ liệu" of "Thông điệp dữ liệu có được dùng làm chứng cứ không?". */
function modalSubject(question: string): string | undefined {
  const q = nfc(question).trim();
  if (!YES_NO_END.test(q)) return undefined;
  const m = YES_NO_MODAL.exec(q);
  if (!m) return undefined;
  const subject = tidy(q.slice(0, m.index + m[1].length));
  // "Nếu bị can bỏ trốn thì …": a condition, not what is asked of.
  if (CONDITION_OPENS.test(subject) || THEN_BEFORE.test(subject)) return undefined;
  return contentTerms(subject).filter((t) => t.weight === 1).length >= 2 ? subject : undefined;
}

/** Question words asking something of their own, folded and spaced ("thì sao?" asks the same again). */
const OWN_ASK = / (?:ai|gi|nao|dau|bao lau|bao nhieu|khi nao|the nao|ra sao) /;

/** A question asked of another question's subject: "Về Viện trưởng VKSND cấp tỉnh: nhiệm kỳ mấy năm?". */
export function askedOfSubject(question: string, asked: string): string {
  return `Về ${askedSubject(question)}: ${lowerFirst(asked.replace(/[?!.…]+$/u, '').trim())}?`;
}

/** "Trong bao lâu" → "trong bao lâu", after a colon; an acronym ("VKSND") stays as written. */
function lowerFirst(s: string): string {
  return s.replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase());
}

/** What a question asks, opening after its subject: "… thì ai giải quyết", "… do ai bổ nhiệm", "… có những mức nào". */
const ASK_OPENS = /\s+(?:(?:thì|thi|do|được|duoc|có|co|là|la|phải|phai|cần|can)\s+)?(?:ai|bao nhiêu|bao nhieu|bao lâu|bao lau|mấy|khi nào|khi nao|ở đâu|o dau|thế nào|the nao|như thế nào|nhu the nao|ra sao)(?=\s|$)|\s+(?:có|co|gồm|gom)\s+(?:những|nhung|các|cac)(?=\s|$)/iu;
/** Or a thing asked of it, ending the question: "… phải màu gì", "… ban hành ngày nào", "… là gì". */
const ASKED_THING = /\s+(?:(?:thì|thi|do|được|duoc|có|co|là|la|phải|phai|cần|can|nên|nen)\s+)?(?:[\p{L}\d/-]+\s+)?(?:gì|gi|nào|nao)$/iu;
/** Or a yes-or-no question on it: "Người tố cáo muốn rút tố cáo | thì có phải làm văn bản không". */
const THEN = /\s+(?:thì|thi)\s+/iu;

/**
 * The subject of a question, before what it asks: "Viện trưởng VKSND cấp tỉnh" of "Viện trưởng VKSND
 * cấp tỉnh do ai bổ nhiệm?", what a second question on it ("nhiệm kỳ mấy năm?") is about.
 */
export function askedSubject(question: string): string {
  const q = nfc(question).trim().replace(/[?!.…]+$/u, '').trim();
  const at = [ASK_OPENS, ASKED_THING, THEN].map((re) => re.exec(q)).find((m) => m && m.index > 0);
  return tidy(at ? q.slice(0, at.index) : topicOf(q));
}

/** A time limit asked (folded): "bao lâu", "thời hạn", "mấy / bao nhiêu ngày". */
const TIME_ASKED = /\b(?:bao lau|thoi han|(?:bao nhieu|may) (?:ngay|thang|nam|gio|tuan))\b/;
/** Extending it: the follow-up is about the same time limit. */
const EXTENDED = /\b(?:gia han|keo dai)\b/;

/** A question opening with its condition: "Nếu …", "Khi …", "Trường hợp …". */
const CONDITION_OPENS = /^(?:nếu|neu|khi|trường hợp|truong hop|trong trường hợp|trong truong hop)\s/iu;

/**
 * "Trong đó, …", "Trong số đó, …", "Ngoài ra, …" open a question about what the previous one named
 * (its list, its plan). Only with the comma: "Trong độ tuổi nào …" folds to the same letters.
 */
const SET_OPENER = /^\s*(?:trong (?:số |so )?(?:đó|do)|ngoài ra|ngoai ra)\s*,\s*/iu;

function stripLeadingCue(s: string): { text: string; cued: boolean } {
  const opener = SET_OPENER.exec(s);
  if (opener) return { text: s.slice(opener[0].length), cued: true };
  const toks = tokenize(s);
  const cue = LEADING_CUES.find((c) => toks.length >= c.length && matchAt(toks, 0, c));
  if (!cue) return { text: s, cued: false };
  const rest = toks[cue.length];
  return { text: rest ? s.slice(rest.start) : '', cued: true };
}

function stripTrailingCue(s: string): { text: string; cued: boolean } {
  const toks = tokenize(s);
  const cue = TRAILING_CUES.find((c) => toks.length >= c.length && matchAt(toks, toks.length - c.length, c));
  if (!cue) return { text: s, cued: false };
  return { text: s.slice(0, toks[toks.length - cue.length].start), cued: true };
}

/** An anaphor in the question: what it is and where. */
interface Anaphor {
  span: Span;
  /** "văn bản này", "kế hoạch đó": points at the previous document rather than its topic. */
  documentPointer: boolean;
  /** The noun before the demonstrative, folded syllables ("thủ tục" of "thủ tục đó"). */
  head?: string[];
  /** For a document pointer, its document type ("luật" of "luật này"). */
  kind?: string[];
  /** A noun of the previous question repeated ("gia hạn" of "việc gia hạn đó"), as written. */
  noun?: string;
}

function findAnaphor(s: string, prev?: string): Anaphor | undefined {
  const toks = tokenize(s);
  // "thời hạn đó", "biện pháp này": a noun of the previous question with a demonstrative points back at it.
  const prevHeads = prev ? previousNouns(prev) : [];
  for (let i = 0; i < toks.length; i++) {
    const lowerTok = toks[i].text.toLowerCase();
    if (PRONOUNS.has(lowerTok) || (toks[i].f === 'no' && lowerTok === 'no' && i > 0)) {
      return { span: { start: toks[i].start, end: toks[i].end }, documentPointer: false };
    }
    if (matchAt(toks, i, ['nhu', 'vay']) && i + 2 >= toks.length - 1) {
      return { span: { start: toks[i].start, end: toks[i + 1].end }, documentPointer: false };
    }
    for (const [heads, documentPointer] of [
      [DOC_HEADS, true],
      [ANAPHOR_HEADS, false],
      [prevHeads, false],
    ] as const) {
      const head = heads.find((h) => matchAt(toks, i, h));
      if (!head) continue;
      const det = toks[i + head.length];
      if (!det || !DEMONSTRATIVES.has(det.f)) continue;
      // Unaccented "do"/"nay" are also "do" (by) and "nay" (now): accept them only at the end or before a verb-ish word.
      const accented = det.text.toLowerCase() !== det.f;
      // Written with accents, only the demonstrative itself points: "tài liệu độ Tuyệt mật" is no "tài liệu đó".
      if (accented && !DEMONSTRATIVES_WRITTEN.has(det.text.toLowerCase())) continue;
      const atEnd = i + head.length === toks.length - 1;
      if (!accented && !atEnd && !['la', 'co', 'ap', 'quy', 'duoc', 'thi', 'gom', 'can', 'ban', 'nhu'].includes(toks[i + head.length + 1]?.f ?? '')) continue;
      // "trên" is "on" after most nouns; only "văn bản trên", "kế hoạch trên" point back.
      if (det.f === 'tren' && !documentPointer) continue;
      // A generic noun ("thủ tục đó", "trường hợp này") names a part of the previous topic; one of its
      // own words ("giải quyết đó") or a one-syllable one ("việc đó") points at all of it.
      return {
        span: { start: toks[i].start, end: det.end },
        documentPointer,
        ...((heads === ANAPHOR_HEADS && head.length > 1) || heads === prevHeads ? { head } : {}),
        ...(documentPointer ? { kind: head } : {}),
        ...(heads === prevHeads ? { noun: s.slice(toks[i].start, toks[i + head.length - 1].end) } : {}),
      };
    }
  }
  return undefined;
}

/**
 * The previous topic from the noun the anaphor repeats: "thủ tục đó" after "Điều kiện để áp dụng
 * thủ tục rút gọn" is "thủ tục rút gọn", not the conditions. The whole topic when it opens with
 * that noun or does not hold it. `own`: the follow-up's own content words, when the pointer sits inside
 * a clause of it.
 */
function fromHead(topic: string, head: string[] | undefined, own?: readonly string[]): string {
  if (!head?.length) return topic;
  // "Có được cho bị hại … đối chất với bị can trong trường hợp này?" after "Nếu bị can dưới 18 tuổi thì lúc
  // hỏi cung …?": an action of the follow-up's own, sharing nothing with what the previous question asked
  // of the case, happens in the case told alone. Otherwise ("Thời hạn điều tra tính thế nào trong trường
  // hợp này?" after "… thì có phải tạm đình chỉ điều tra không?"), and opening the follow-up, it is all of it.
  if (own && head.join(' ') === 'truong hop') {
    const told = CASE_TOLD.exec(topic);
    if (told && actsOnItsOwn(own, topic.slice(told.index + told[0].length))) return `trường hợp ${told[1]}`;
  }
  const toks = tokenize(topic);
  if (matchAt(toks, 0, head)) return topic;
  for (let i = 1; i + head.length <= toks.length; i++) {
    if (!matchAt(toks, i, head)) continue;
    // "… được từ chối tiếp trong những trường hợp": the cases are those the rest of the topic describes.
    if (i + head.length === toks.length) {
      const before = tidy(topic.slice(0, toks[i].start).replace(/\s+(?:(?:trong|của|cua|với|voi|ở|o|tại|tai|có|co|gồm|gom)\s+)?(?:(?:những|nhung|các|cac)\s+)?$/iu, ''));
      return before ? `${topic.slice(toks[i].start)} ${lowerFirst(before)}` : topic;
    }
    // "Bị can là người dưới 18 tuổi thì thời hạn tạm giam": the case told before the noun is part of it.
    if (THEN_BEFORE.test(topic.slice(0, toks[i].start))) return topic;
    // The noun's own phrase: "cơ quan nhà nước cung cấp thông tin", not the "thì làm …" after it.
    return topic.slice(toks[i].start).split(isUnaccented(topic) ? CLAUSE_BREAK_PLAIN : CLAUSE_BREAK)[0];
  }
  return topic;
}

/** Enough distinct words of its own (five), none of them in the main clause of the previous question. */
function actsOnItsOwn(own: readonly string[], main: string): boolean {
  const mainTerms = new Set(contentTerms(main).map((t) => t.term));
  return new Set(own).size >= 5 && !own.some((t) => mainTerms.has(t));
}

/** A case told at the head of a question: "Nếu …/Khi …/Trường hợp … thì". */
const CASE_TOLD = /^(?:nếu|neu|khi|(?:trong )?(?:trường hợp|truong hop))\s+(.+?)(?:\s*,\s*|\s+)(?:thì|thi)\s/iu;
/** Document types also written as plain nouns ("văn bản điện tử", "quyết định tạm giữ", "kế hoạch của đơn vị"). */
const NOUN_KINDS = new Set(['van ban', 'quyet dinh', 'ke hoach', 'huong dan', 'bao cao', 'cong van']);

/**
 * The phrase a noun opening the topic makes, up to the next clause ("Văn bản điện tử được ký số | thì …").
 * Only a noun that opens it, with words of its own after it: inside the topic ("… phải làm bằng văn bản
 * không?") it is a means, and "Văn bản nào quy định …?" asks for the document the answer then names.
 */
function nounPhrase(topic: string, head: string[]): string | undefined {
  const toks = tokenize(topic);
  const next = toks[head.length];
  if (!matchAt(toks, 0, head) || !next || ['nao', 'gi', 'do', 'nay'].includes(next.f.toLowerCase())) return undefined;
  const phrase = topic.split(isUnaccented(topic) ? CLAUSE_BREAK_PLAIN : CLAUSE_BREAK)[0].split(/\s+(?:khi|khi nào|sau khi|trước khi)\s+/iu)[0];
  return tokenize(phrase).length > head.length ? phrase : undefined;
}

/** Where a clause ends inside a topic: a comma, or "thì" / "mà" opening the next one. */
const CLAUSE_BREAK = /\s*,\s*|\s+(?:thì|mà)\s+/iu;
/** Typed without accents, "thi" and "ma" may be those too ("thi hành án" is no clause break when accented). */
const CLAUSE_BREAK_PLAIN = /\s*,\s*|\s+(?:thi|ma)\s+/i;
/** A case told before the noun: "… thì" right before it. */
const THEN_BEFORE = /(?:^|\s)(?:thì|thi)\s*$/iu;

/** Two-syllable content words of a question ("thoi han", "bien phap"), folded: what "<word> đó" may point back at. */
function previousNouns(prev: string): string[][] {
  const terms = contentTerms(prev).filter((t) => t.weight === 1);
  const out: string[][] = [];
  for (let i = 1; i < terms.length; i++) if (terms[i].pos === terms[i - 1].pos + 1) out.push([terms[i - 1].term, terms[i].term]);
  // A one-syllable noun standing alone in it ("Họ có những ngạch nào?" → "các ngạch đó"), after the pairs.
  for (let i = 0; i < terms.length; i++) {
    const alone = terms[i - 1]?.pos !== terms[i].pos - 1 && terms[i + 1]?.pos !== terms[i].pos + 1;
    if (alone && terms[i].term.length >= 4) out.push([terms[i].term]);
  }
  return out;
}

const CONTENT_SHORT = 2;
/** "Sau khi / trước khi / khi / nếu / muốn <one or two syllables> thì …", "<verb> xong thì …": a clause whose verb has no object of its own. */
const BARE_CLAUSE = /^(?:sau khi|truoc khi|khi|neu|muon) ((?:\p{L}+ ){1,2})(?:thi |, ?)|^((?:\p{L}+ ){1,3})xong(?: thi| roi|,)? /u;
/** A question word opening a short question ("Ai có quyền gia hạn?"): what it asks of is the previous subject. */
const WH_FIRST = /^(?:vay |the )?(?:ai|khi nao|bao lau|bao nhieu|may|o dau|lam sao|the nao)\s/;
/** A step asked by its number and nothing else: "bước 3 là gì", "còn bước thứ 4 thì sao", "bước 2 làm gì". */
const STEP_ASKED = /^(?:(?:vay|the|con) )?buoc (?:thu )?\d{1,2}(?: (?:la|lam|gom|co|thi|noi|ve|can lam|phai lam))?(?: (?:gi|nhung gi|ra sao|the nao|nhu the nao|sao))?\W*$/;
/** "… gồm (các / những) bước (nào)": what a question on a procedure's steps asks, not its topic. */
const STEPS_ASKED = /\s+(?:gồm|gom|có|co)?\s*(?:các|cac|những|nhung)\s+(?:bước|buoc)\s*$/iu;

/** The procedure a previous question asked about: its "Về …:" context, or its topic without the steps it asked. */
function procedureOf(prev: string): string {
  const context = /^Về (.+?): /u.exec(prev);
  return context ? context[1] : tidy(topicOf(prev).replace(STEPS_ASKED, ''));
}

/** A modal or passive opening a question in place of its subject. */
const VERB_FIRST = /^(?:vay |the )?(?:duoc|bi|phai|can|co duoc|co phai|co the|co bat buoc)\s/;
/**
 * A short condition on the previous subject's state and the clause it opens: "nếu chưa kịp | thì | được gia
 * hạn thêm bao lâu", "khi quá hạn thì …" (folded). Only a state ("chưa", "không", "quá", "hết"): "trường hợp
 * khẩn cấp thì ai …", "nếu bị oan thì …" name a case of their own.
 */
const CONDITION_THEN = /^(?:neu|khi|truong hop) ((?:van )?(?:chua|khong|qua|het|vuot) (?:\S+ ){0,3}?)thi (.+)$/;

/** True when the question leans on the previous turn: a cue, an anaphor, or too little of its own. */
export function isFollowUp(question: string, history: Turn[] = []): boolean {
  const previous = previousQuestion(history);
  if (!previous) return false;
  const q = nfc(question).trim();
  if (stripLeadingCue(q).cued || stripTrailingCue(q.replace(/[?!.…]+$/u, '')).cued) return true;
  if (findAnaphor(q, previous) || personAnaphor(q) || (roleAnaphor(q) && roleIn(previous))) return true;
  // "Họ có được gia hạn thêm không?": "họ" (they) opening it are the people or the body asked about before.
  const previousSubject = COMPLETED.exec(previous)?.[1] ?? previous;
  if (THEY.test(q) || (THEY_IF.test(q) && peopleOf(previousSubject)) || themAt(q, previousSubject) || SUCH.test(q) || lapsed(q)) return true;
  // A syllable that may be a function word typed without accents ("thi": thì) is not content of its own.
  const content = contentTerms(q).filter((t) => t.weight === 1).length;
  if (documentReferences(q).length) return false;
  const f = fold(q).toLowerCase();
  // "Sau khi điều chỉnh thì phải thông báo … trong bao lâu?": a clause of nothing but a verb the
  // previous question used ("Ai có thẩm quyền điều chỉnh độ mật …?") leaves its object there.
  // So does "Ra quyết định xong thì …": the action done is the previous question's.
  const clause = BARE_CLAUSE.exec(f);
  if (clause) {
    const asked = new Set(foldedSyllables(previous));
    if ((clause[1] ?? clause[2]).trim().split(' ').every((w) => asked.has(w))) return true;
  }
  // "Bước thứ 3 làm gì?": a step asked by its number is a step of the previous question's procedure.
  if (STEP_ASKED.test(f)) return true;
  // "Được gia hạn mấy lần?": a question opening with its verb has left its subject in the previous turn.
  if (content <= CONTENT_SHORT || (content <= CONTENT_SHORT + 1 && WH_FIRST.test(f)) || (content <= CONTENT_SHORT + 2 && VERB_FIRST.test(f))) return true;
  // So has one whose main clause does, after a short condition: "Nếu chưa kịp thì được gia hạn thêm bao lâu?".
  const main = CONDITION_THEN.exec(f);
  if (!main) return false;
  const own = contentTerms(main[2]).filter((t) => t.weight === 1).length;
  return contentTerms(main[1]).filter((t) => t.weight === 1).length <= 2 && ((own <= CONTENT_SHORT + 1 && WH_FIRST.test(main[2])) || (own <= CONTENT_SHORT + 2 && VERB_FIRST.test(main[2])));
}

/** Is the word right before `span` a content word ("người" of "mấy người như vậy")? */
function afterContentWord(q: string, span: Span): boolean {
  const before = q.slice(0, span.start).trim().split(/\s+/).pop() ?? '';
  return contentTerms(before).length > 0;
}

/** The question with what stands at `span` put in its place, as a question. */
function askedWith(q: string, span: Span, put: string): string {
  return `${capitalise(tidy(q.slice(0, span.start) + put + q.slice(span.end)).replace(/[?!.…]+$/u, ''))}?`;
}

/** "Về <subject>: <the question as asked>?": a whole question of its own, asked of what the conversation is about. */
function askedAbout(subject: string, q: string): string {
  return `Về ${subject}: ${q.replace(/[?!.…]+$/u, '')}?`;
}

function previousQuestion(history: Turn[]): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const q = (history[i].standalone ?? history[i].question)?.trim();
    if (q) return nfc(q);
  }
  return undefined;
}

function removeSpans(text: string, spans: Span[]): string {
  let out = text;
  for (const sp of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, sp.start) + out.slice(sp.end);
  return tidy(out);
}

/** A preposition left dangling at the end. Typed without accents "trong", "tai", "cua" may be "trọng", "tài", "cua": kept. */
const DANGLING = /\b(theo|của|trong|tại)\s*$/iu;
const DANGLING_PLAIN = /\b(theo)\s*$/i;

function tidy(s: string): string {
  return s
    .replace(/\s+([,;:?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '')
    .replace(isUnaccented(s) ? DANGLING_PLAIN : DANGLING, '')
    // "Theo <document>, ..." with the document removed leaves a dangling "Theo,".
    .replace(/^(theo|của|trong|tại)\s*[,;:]\s*/iu, '')
    .replace(/[\s,;:]+$/, '')
    .trim();
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * Does the token write this (accented) function word? As written in a text typed with accents
 * ("bảo vệ" holds no "về"), folded in one typed without them.
 */
function writesWord(t: Tok, word: string, plain: boolean): boolean {
  return plain ? t.f.toLowerCase() === fold(word) : t.text.toLowerCase() === word;
}

/**
 * A facet the previous topic was narrowed by ("trong quản lý, chỉ đạo, điều hành"): when the
 * follow-up names a facet of its own ("còn về nghiệp vụ"), the old one must go, or the
 * rewritten question would still ask the previous thing.
 */
function dropFacet(topic: string): string {
  const toks = tokenize(topic);
  const plain = isUnaccented(topic);
  const is = (t: Tok, word: string) => writesWord(t, word, plain);
  const at = toks.findIndex((t, i) => i > 0 && (is(t, 'về') || is(t, 'trong') || (is(t, 'đối') && !!toks[i + 1] && is(toks[i + 1], 'với'))));
  if (at < 0) return topic;
  const refs = documentReferences(topic).filter((r) => r.span.start > toks[at].start);
  const stop = toks.findIndex((t, i) => i > at && ['cua', 'theo', 'tai'].includes(t.f));
  const end = refs.length ? Math.min(refs[0].span.start, stop >= 0 ? toks[stop].start : Infinity) : stop >= 0 ? toks[stop].start : topic.length;
  return tidy(topic.slice(0, toks[at].start) + ' ' + topic.slice(end));
}

/** "về nghiệp vụ", "trong quản lý": a facet; "trong thời hạn bao lâu", "trong bao lâu" ask a time. */
const hasFacet = (s: string) => /(^|\s)(ve|trong|doi voi)\s(?!(thoi han|thoi gian|bao lau|vong|bao nhieu|may)\b)/.test(` ${fold(s).toLowerCase()} `);

/**
 * "Tôi là cán bộ mới, hôm nay nhận được đơn tố cáo …": who is asking is not what is asked. A first
 * clause introducing the asker goes when a question of its own follows.
 */
const PREAMBLE = /^\s*(?:tôi|em|mình|chúng tôi|chúng em|toi|minh|chung toi)\s+(?:là|mới|vừa|đang|la|moi|vua|dang)\s[^,.;:?!]{1,80}[,.;:]\s+/iu;

export function withoutPreamble(question: string): string {
  const q = nfc(question);
  const m = PREAMBLE.exec(q);
  if (!m) return q;
  const rest = q.slice(m[0].length);
  return contentTerms(rest).filter((t) => t.weight === 1).length >= 3 ? capitalise(rest) : q;
}

/**
 * The standalone form of `question` given the conversation so far. A question that
 * does not lean on the previous turn is returned unchanged (NFC, trimmed).
 */
export function rewriteFollowUp(question: string, history: Turn[] = []): string {
  const q = nfc(question).trim();
  const prev = previousQuestion(history);
  if (!prev || !q || !isFollowUp(q, history)) return q;

  // 0. "Ai bổ nhiệm chức vụ đó?": the office the previous question named.
  const role = roleAnaphor(q);
  const office = role && roleIn(prev);
  if (role && office) return askedWith(q, role, office);
  // "người đó giữ chức vụ gì?": the person the previous answer named.
  const person = personAnaphor(q);
  const name = person && (lastAnswerName(history) ?? roleIn(prev));
  if (person && name) return askedWith(q, person, name);

  // "Về <subject>: <follow-up>?": the subject is what the conversation is about.
  const completed = COMPLETED.exec(prev);
  const completedSubject = completed?.[1];
  // The previous question without its "Về <subject>: ", as asked.
  const prevBody = completed ? prev.slice(completed[0].length) : prev;
  const prevTopic = topicOf(completedSubject ?? prev);
  const prevDocs = documentReferences(prevTopic);

  // "Bước thứ 3 làm gì?": that step of the procedure the conversation is about.
  const folded = fold(q).toLowerCase();
  const step = STEP_ASKED.test(folded) ? askedStep(folded) : undefined;
  if (step) return `Về ${procedureOf(prev)}: bước ${step} là gì?`;

  // "Họ tập huấn phần mềm gì …?" after "VKSND hai cấp Sóc Trăng đã số hóa được bao nhiêu …?": they are its subject.
  if (THEY.test(q)) return askedAbout(askedSubject(completedSubject ?? prev), q);
  const people = THEY_IF.test(q) ? peopleOf(completedSubject ?? prev) : undefined;
  if (people) return askedAbout(people, q);
  // "Cơ quan nào lo bảo vệ tính mạng cho họ?" after "Người tố cáo được bảo vệ những gì?": them, named.
  const them = themAt(q, completedSubject ?? prev);
  if (them) return askedWith(q, { start: them.at, end: them.at + 'họ'.length }, lowerFirst(them.who));

  // 1. An anaphor is replaced in place by what it points at.
  const anaphor = findAnaphor(q, prev);
  // "Vậy cần ít nhất mấy người như vậy?": "such" after a noun qualifies it; the question is asked of the previous topic.
  if (anaphor && SUCH_WORD.test(q.slice(anaphor.span.start, anaphor.span.end)) && afterContentWord(q, anaphor.span)) {
    return askedAbout(completedSubject ?? prevTopic, stripLeadingCue(tidy(removeSpans(q, [anaphor.span]))).text);
  }
  if (anaphor) {
    // "văn bản đó" after "Văn bản điện tử được ký số thì …?": the thing the previous question named so, no document.
    const named = anaphor.documentPointer && !prevDocs.length && anaphor.kind && NOUN_KINDS.has(anaphor.kind.join(' ')) ? nounPhrase(prevTopic, anaphor.kind) : undefined;
    // "Luật này …" after a question that named no document: the law the previous answer quoted.
    const cited = anaphor.documentPointer && !prevDocs.length && !named ? (lastAnswerDocument(history, anaphor.kind) ?? earlierDocument(history, anaphor.kind)) : undefined;
    // "Nó thay thế luật nào?" after "Luật … 2023 có hiệu lực từ ngày nào?": "nó" is what the previous question was about.
    const it = q.slice(anaphor.span.start, anaphor.span.end).toLowerCase() === 'nó' ? (prevDocs[0]?.text ?? documentSubject(prevTopic) ?? framedNoun(prevTopic) ?? modalSubject(prevBody)) : undefined;
    // "thủ tục này" when the previous question wrote no "thủ tục": the one a question before it named.
    const further = anaphor.head && !anaphor.noun && !holdsHead(prev, anaphor.head) ? earlierHead(history, anaphor.head) : undefined;
    // What a pointer stands for is done, not asked: "việc đó" after "Điều tra viên có được hỏi cung … không?" is the questioning.
    const pointed = YES_NO_END.test(prev) ? prevTopic.replace(YES_NO_HAVE, '$1') : prevTopic;
    // Words of the follow-up's own before the pointer: it sits inside a clause, not in place of the subject.
    const inClause = contentTerms(stripLeadingCue(q.slice(0, anaphor.span.start)).text).length > 0;
    const own = inClause ? contentTerms(removeSpans(q, [anaphor.span])).filter((t) => t.weight === 1).map((t) => t.term) : undefined;
    let target = anaphor.documentPointer && prevDocs.length ? prevDocs.map((d) => d.text).join(', ') : (it ?? named ?? cited ?? further ?? fromHead(pointed, anaphor.head, own));
    // "việc gia hạn đó" after "Về tạm giữ: … được gia hạn mấy lần?": the extension of that subject, its noun kept.
    if (anaphor.noun && !foldedSyllables(target).join(' ').includes(foldedSyllables(anaphor.noun).join(' '))) target = `${anaphor.noun} ${lowerFirst(target)}`;
    const replaced = q.slice(0, anaphor.span.start) + target + q.slice(anaphor.span.end);
    const rest = stripTrailingCue(stripLeadingCue(removeSpans(q, [anaphor.span]).replace(/[?!.…]+$/u, '')).text).text;
    // "cái đó thì sao?": nothing but the pointer, so the previous question stands; "nó quy định về việc gì?" asks its own.
    if (!contentTerms(rest).length && !(it && OWN_ASK.test(` ${fold(rest).toLowerCase()} `))) return prev;
    const body = stripLeadingCue(replaced.replace(/[?!.…]+$/u, '')).text;
    return `${capitalise(tidy(stripTrailingCue(body).text))}?`;
  }

  // "Nếu hết hạn mà chưa đủ căn cứ thì …": a question of its own on the time limit asked before.
  if (lapsed(q)) return askedAbout(completedSubject ?? dropAsked(prev, prevTopic, q), q);

  // 2. An elliptical question: its focus, completed with the previous subject.
  const trailing = stripTrailingCue(stripLeadingCue(q.replace(/[?!.…]+$/u, '')).text);
  const focus = accentedLike(tidy(trailing.text), prev);
  if (!contentTerms(focus).length) {
    // "Trong bao lâu?" after "… thì ai giải quyết?": another question of the same subject.
    const asked = stripLeadingCue(q.replace(/[?!.…]+$/u, '')).text.trim();
    if (OWN_ASK.test(` ${fold(asked).toLowerCase()} `) || HOW_MANY.test(asked)) return askedOfSubject(prev, asked);
    return prev;
  }
  const focusDocs = documentReferences(focus);
  if (focusDocs.length) {
    const beyondDoc = contentTerms(removeSpans(focus, focusDocs.map((d) => d.span)));
    // "vậy còn Luật Tố cáo?": the same question about another document.
    if (!beyondDoc.length) {
      const base = prevDocs.length ? removeSpans(prevTopic, prevDocs.map((d) => d.span)) : prevTopic;
      const named = focusDocs.map((d) => d.text).join(', ');
      const docs = documentReferences(prev);
      // The previous question was about its document itself ("Kế hoạch 221 có bao nhiêu mục tiêu?",
      // "Quyết định 390 là gì?"): the same question about the other one, never an empty subject
      // (" theo Kế hoạch 222?") or a subject-less one ("Có hiệu lực từ ngày theo ...").
      const subjectIsDoc = docs.length > 0 && docs[0].span.start === 0;
      if (!contentTerms(base).length || subjectIsDoc) {
        if (!docs.length) return `${capitalise(prev.replace(/[?!.…]+$/u, ''))} theo ${named}?`;
        const first = docs[0].span;
        return `${capitalise(tidy(prev.slice(0, first.start) + named + prev.slice(first.end)).replace(/[?!.…]+$/u, ''))}?`;
      }
      return `${capitalise(tidy(base))} theo ${named}?`;
    }
    return `${capitalise(focus)}?`;
  }
  // "Sau khi điều chỉnh thì …": a whole question of its own but for the verb's object.
  if (BARE_CLAUSE.test(fold(focus).toLowerCase())) return `Về ${dropAsked(prev, prevTopic, focus)}: ${focus}?`;
  const swapped =
    swapMeasure(prev, focus) ?? swapQualifier(prev, focus) ?? swapSibling(prev, focus) ?? swapContrast(prev, prevTopic, focus) ?? swapPrefix(prev, focus, trailing.cued) ?? swapOwner(prev, focus);
  // A "swap" giving the previous question back swapped nothing: "Vậy từ chối phải làm bằng hình thức gì?"
  // after "… giờ từ chối được không?" names the same item and asks its own question of it.
  if (swapped && foldedSyllables(swapped).join(' ') !== foldedSyllables(prev).join(' ')) return swapped;
  // "Còn khổ giấy?" after "Về văn bản hành chính: lề trái để bao nhiêu?": the subject that one was completed with.
  const context = completedSubject ?? subjectOnly(prev, prevTopic, focus) ?? (hasFacet(focus) ? dropFacet(prevTopic) : dropAsked(prev, prevTopic, focus));
  const contrasted = withoutContrasted(context, focus);
  // "Thế nếu là tội đặc biệt nghiêm trọng thì sao?" after "Về tạm giam … tội rất nghiêm trọng: gia hạn
  // thì được mấy lần?": nothing but another item of the kind asked about, so the same question of it.
  if (contrasted !== context && onlyItem(focus, contrasted)) {
    if (completedSubject) return `Về ${contrasted}: ${prevBody}`;
    const whole = itemSwapped(prev, focus);
    if (whole) return `${capitalise(whole)}?`;
  }
  // "Thế nếu là VKS cấp trên trực tiếp?" after "Về …: VKS cùng cấp muốn kháng nghị … thì có bao lâu?": the
  // item is the previous question's own, not its subject's.
  if (completedSubject && contrasted === context) {
    const whole = itemSwapped(prevBody, focus);
    if (whole && onlyItem(focus, whole)) return `Về ${completedSubject}: ${whole}?`;
  }
  // "Còn hỏi cung tại trại tạm giam thì có bắt buộc ghi âm, ghi hình không?": a whole question of its own
  // after the cue, no item of the previous one swapped; the previous subject would only pull it elsewhere.
  if (contrasted === context && ownQuestion(focus, q)) return `${capitalise(withRegime(focus, prevTopic))}?`;
  return `Về ${contrasted}: ${focus}?`;
}

/**
 * Distinct content words enough to name a topic, a question word or a yes-or-no ending of its own, and
 * nothing pointing back ("họ", "… đó", "như vậy"): "Gia hạn được mấy lần, mỗi lần bao lâu?" still leans
 * on what is extended, "Vậy họ có phải mở văn phòng …?" on who they are.
 */
const OWN_TOPIC = 5;
const POINTS_BACK = /(?:^|[^\p{L}])(?:họ|đó|này|ấy|kia|vậy|thế)(?![\p{L}])/iu;
const POINTS_BACK_PLAIN = /\b(?:ho|do|nay|ay|kia|vay|the)\b/i;
/** OWN_ASK as written, for a follow-up typed with accents. */
const OWN_ASK_WRITTEN = / (?:ai|gì|nào|đâu|bao lâu|bao nhiêu|khi nào|thế nào|ra sao) /u;
/** A follow-up telling a case ("Còn nếu …", "Giả sử …", "Lỡ …"), folded. */
const SUPPOSED = /^(?:(?:con|the|vay|nhung)\s+)*(?:neu|khi|gia su|truong hop|lo)\s/;
function ownQuestion(focus: string, q: string): boolean {
  const plain = isUnaccented(focus);
  if ((plain ? POINTS_BACK_PLAIN : POINTS_BACK).test(focus)) return false;
  // "Nếu …", "Giả sử …": a case of what the conversation is about, however many words it tells. "Vậy …"
  // (so) goes on with it ("Vậy lực lượng chuyên trách phải báo trước … bao lâu?" of the inspection asked).
  const asked = fold(q).toLowerCase();
  if (SUPPOSED.test(asked) || /^vay\s/.test(asked)) return false;
  const distinct = new Set(contentTerms(focus).filter((t) => t.weight === 1).map((t) => t.term));
  if (distinct.size < OWN_TOPIC) return false;
  // Asked as written: folded, "lần đầu" and "dấu" would hold a "đâu".
  const f = ` ${plain ? fold(focus).toLowerCase() : nfc(focus).toLowerCase()} `;
  return plain ? OWN_ASK.test(f) || / (?:khong|chua) $/.test(f) : OWN_ASK_WRITTEN.test(f) || / (?:không|chưa) $/u.test(f);
}

/**
 * The body of rules the previous question was asked under ("trong tố tụng hình sự", a person under 18),
 * carried over to a follow-up of its own that names none: "Còn thời hạn giải quyết tố cáo
 * tối đa là bao nhiêu ngày?" after a denunciation in criminal procedure is still asked of that procedure.
 */
const REGIME = /(?:trong |theo )?(?:tố tụng hình sự|Bộ luật Tố tụng hình sự|BLTTHS)|(?:là )?(?:người )?dưới 18 tuổi/iu;
function withRegime(focus: string, prevTopic: string): string {
  const regime = REGIME.exec(prevTopic)?.[0];
  if (!regime || REGIME.test(focus)) return focus;
  // "trong tố tụng hình sự" reads on as written; "người dưới 18 tuổi" is who it is asked for.
  return /^(?:trong|theo)\s/iu.test(regime) ? `${focus} ${regime}` : `${focus} đối với ${regime}`;
}

/** A question asked again with the follow-up's item in place of its own, without its mark; undefined when none was swapped. */
function itemSwapped(question: string, focus: string): string | undefined {
  const asked = question.replace(/[?!.…]+$/u, '');
  const whole = withoutContrasted(asked, focus);
  return whole !== asked ? whole : undefined;
}

/** Does the follow-up write nothing the completed subject lacks (its item swapped in)? */
function onlyItem(focus: string, subject: string): boolean {
  const written = new Set(foldedSyllables(subject));
  return contentTerms(focus).every((t) => t.weight < 1 || written.has(t.term));
}

/**
 * "Còn VKS có mấy ngày để quyết định truy tố?" after "Án áp dụng thủ tục rút gọn thì thời hạn điều tra là
 * bao lâu?": a follow-up asking its own question, of none of what the previous one asked of its subject,
 * is about that subject alone ("Án áp dụng thủ tục rút gọn"), not the other time limit.
 */
function subjectOnly(prev: string, prevTopic: string, focus: string): string | undefined {
  const folded = ` ${fold(focus)} `;
  if (!OWN_ASK.test(folded) && !HOW_MANY.test(focus)) return undefined;
  // The subject is what comes before "thì", unless a condition opens the question ("Nếu … thì …"); the
  // previous question asked a time limit after it, and the follow-up is not about extending it.
  const then = CONDITION_OPENS.test(prevTopic) ? null : THEN.exec(prevTopic);
  if (!then || then.index === 0) return undefined;
  if (!TIME_ASKED.test(fold(prev.slice(prev.indexOf(then[0])))) || EXTENDED.test(folded)) return undefined;
  const subject = tidy(prevTopic.slice(0, then.index));
  if (contentTerms(subject).length < 2) return undefined;
  const rest = new Set(contentTerms(prevTopic.slice(subject.length)).map((t) => t.term));
  return rest.size && !contentTerms(focus).some((t) => rest.has(t.term)) ? subject : undefined;
}

/**
 * "Còn kháng nghị theo thủ tục tái thẩm thì ai có quyền?" after a question on "giám đốc thẩm": the
 * follow-up names an item of the same kind (same last word) as one of the context's, which it
 * replaces there, or the context would still ask about the old one.
 */
function withoutContrasted(context: string, focus: string): string {
  // "Còn Viện trưởng VKSND tối cao thì …?" after a question on the one of cấp huyện: the office it names.
  const office = ROLE.exec(context);
  const asked = roleIn(focus);
  if (office && asked && asked !== office[0]) return tidy(context.slice(0, office.index) + asked + context.slice(office.index + office[0].length));
  // "Thế nếu là Viện kiểm sát cấp trên trực tiếp?" after "Viện kiểm sát cùng cấp muốn kháng nghị …": the body at that level.
  // Only a body of the same kind (a procuracy for a procuracy: a court lodges no "kháng nghị"), and only when
  // the follow-up says nothing else ("Còn nếu Viện kiểm sát cấp tỉnh không đồng ý thì …?" asks its own).
  const body = LEVELLED_BODY.exec(context);
  const other = LEVELLED_BODY.exec(focus);
  if (body && other && bodyKind(other[0]) === bodyKind(body[0]) && fold(other[0]).toLowerCase() !== fold(body[0]).toLowerCase()) {
    const beyond = contentTerms(removeSpans(focus, [{ start: other.index, end: other.index + other[0].length }])).filter((t) => t.weight === 1);
    const inContext = new Set(foldedSyllables(context));
    if (beyond.every((t) => inContext.has(t.term))) return tidy(context.slice(0, body.index) + other[0] + context.slice(body.index + body[0].length));
  }
  const ft = tokenize(focus);
  const c = tokenize(context);
  // Compared as written when both are accented: "quản" (chủ quản) is no "quan" (quan trọng).
  const plain = isUnaccented(context) || isUnaccented(focus);
  const key = (t: Tok) => (plain ? t.f.toLowerCase() : t.text.toLowerCase());
  const inContext = new Set(c.map(key));
  const inFocus = new Set(ft.map(key));
  const free = (t: Tok | undefined, other: Set<string>) => !!t && !other.has(key(t)) && !STOP_IN_ITEM.has(t.f.toLowerCase());
  for (let j = 1; j < ft.length; j++) {
    // The follow-up's item: the words before a word of the context that the context lacks ("thủ tục tái | thẩm").
    if (!inContext.has(key(ft[j])) || STOP_IN_ITEM.has(ft[j].f.toLowerCase()) || !free(ft[j - 1], inContext)) continue;
    let i = j - 1;
    while (i > 0 && j - i < 3 && free(ft[i - 1], inContext)) i--;
    // The context's item of that kind: the same last word after words the follow-up lacks, right
    // after a word both share ("kháng nghị | giám đốc | thẩm", "độ | Tuyệt | mật").
    for (let k = 1; k < c.length; k++) {
      if (key(c[k]) !== key(ft[j]) || !free(c[k - 1], inFocus)) continue;
      let m = k - 1;
      while (m > 0 && k - m < 3 && free(c[m - 1], inFocus)) m--;
      // Items of one kind are about as long ("Tuyệt" / "Tối", "giám đốc" / "thủ tục tái").
      if (m === 0 || !inFocus.has(key(c[m - 1])) || Math.abs(k - m - (j - i)) > 1) continue;
      const item = focus.slice(ft[i].start, ft[j].end);
      return tidy(`${context.slice(0, c[m].start)}${item}${context.slice(c[k].end)}`);
    }
  }
  return context;
}

/** Words no contrasted item holds. */
const STOP_IN_ITEM = new Set(
  'thi la co ai gi nao the sao bao nhieu may nhu duoc phai can va hoac cua theo trong khi neu da dang se roi cung chi moi van nua do nay ay cho voi tu den mot'.split(' '),
);

/**
 * Nouns a law lists side by side for the same subject ("Người tố cáo có quyền: …", "Người tố cáo
 * có nghĩa vụ: …"): one asked after the other is the same question about the other list.
 */
const SIBLINGS: readonly (readonly string[])[] = [
  ['quyen han', 'quyen', 'nghia vu', 'nhiem vu', 'trach nhiem'],
  ['dieu kien', 'tieu chuan'],
  ['thoi han', 'thoi hieu'],
  ['tham quyen', 'trinh tu', 'thu tuc', 'ho so'],
];

/** "Còn nghĩa vụ?" after "Người tố cáo có những quyền gì?": "Người tố cáo có những nghĩa vụ gì?". */
function swapSibling(prev: string, focus: string): string | undefined {
  const core = tokenize(focus);
  const said = core.map((t) => t.f.toLowerCase()).join(' ');
  const group = SIBLINGS.find((g) => g.includes(said));
  if (!group) return undefined;
  const base = nfc(prev).trim();
  const pt = tokenize(base);
  // The first of the others the previous question writes, longest form first ("quyền hạn" before "quyền").
  const others = group.filter((g) => g !== said).sort((a, b) => b.length - a.length);
  for (let i = 0; i < pt.length; i++) {
    const other = others.find((o) => o.split(' ').every((w, j) => pt[i + j]?.f.toLowerCase() === w));
    if (!other) continue;
    const end = pt[i + other.split(' ').length - 1].end;
    return capitalise(tidy(`${base.slice(0, pt[i].start)}${core.map((t) => t.text).join(' ')}${base.slice(end)}`));
  }
  return undefined;
}

/**
 * A follow-up typed without accents takes them from the previous question where it repeats its words:
 * "tội phạm rất nghiêm trọng" for "toi pham rat nghiem trong" after "… tội phạm ít nghiêm trọng?".
 * Words the previous question does not write stay as typed.
 */
function accentedLike(text: string, prev: string): string {
  if (!isUnaccented(text) || isUnaccented(prev)) return text;
  const written = new Map<string, string>();
  for (const t of tokenize(prev)) if (t.f !== t.text.toLowerCase()) written.set(t.f.toLowerCase(), t.text.toLowerCase());
  let out = '';
  let at = 0;
  for (const t of tokenize(text)) {
    const accented = written.get(t.text.toLowerCase());
    out += text.slice(at, t.start) + (accented ?? t.text);
    at = t.end;
  }
  return out + text.slice(at);
}

/** A document's type opening a topic: the topic is about that document. */
const DOC_SUBJECT = /^(?:bộ luật|luật|nghị định|thông tư|quyết định|kế hoạch|chỉ thị|hướng dẫn|bo luat|luat|nghi dinh|thong tu|quyet dinh|ke hoach|chi thi|huong dan)\s/iu;
/** Where a document's name ends in a topic: the verb of what was asked of it. */
const DOC_SUBJECT_END = /\s(?:có|được|là|do|quy định|ban hành|thay thế|hết|áp dụng|gồm|co|duoc|la|quy dinh|ban hanh|thay the|het|ap dung|gom)\s/iu;

/** Words a question frames its topic with before naming it ("Khi nào thì được áp dụng …", "Ai có thẩm quyền …"). */
const FRAME_START = new Set(['khi', 'luc', 'neu', 'trong', 'truong', 'ai', 'co', 'duoc', 'phai', 'can', 'o', 'tai', 'vi', 'bao']);
/** Nouns "nó" stands for, as a topic names them ("thủ tục rút gọn", "biện pháp ngăn chặn"), folded. */
const PRONOUN_HEADS = ['thu tuc', 'bien phap', 'quyet dinh', 'van ban', 'ho so', 'tai lieu', 'chu ky', 'thoi han', 'che do', 'hinh thuc', 'dich vu', 'he thong', 'quy trinh', 'bi mat', 'lenh', 'don'].map(seq);

/**
 * "nó" after "Khi nào thì được áp dụng thủ tục rút gọn trong vụ án hình sự?": the noun the frame leads to
 * ("thủ tục rút gọn trong vụ án hình sự"), not the frame.
 */
function framedNoun(topic: string): string | undefined {
  const toks = tokenize(topic);
  if (!toks.length || !FRAME_START.has(toks[0].f.toLowerCase())) return undefined;
  for (let i = 1; i < toks.length; i++) if (PRONOUN_HEADS.some((h) => matchAt(toks, i, h))) return topic.slice(toks[i].start);
  return undefined;
}

/** The document a topic is about ("Luật Giao dịch điện tử 2023" of "… 2023 có hiệu lực từ ngày"), when it opens with one. */
function documentSubject(topic: string): string | undefined {
  if (!DOC_SUBJECT.test(topic)) return undefined;
  const end = DOC_SUBJECT_END.exec(topic);
  return end && end.index > 0 ? topic.slice(0, end.index) : undefined;
}

/** "Họ …" (they) opening a question, or its condition ("Nếu họ kích động …"); not "Họ tên", "Họ và tên", "Họ hàng". */
const THEY = /^họ\s(?!(?:và\s)?tên|hàng)/iu;
/** "Nếu họ …", "Còn khi họ …": they as a condition's subject, the previous question's people when it names some. */
const THEY_IF = /^(?:(?:vậy|thế|còn|nhưng)\s+)?(?:nếu|khi|lỡ|nếu như|trong trường hợp)\s+họ\s(?!(?:và\s)?tên|hàng)/iu;
/** "Mỗi lần như vậy …", "trường hợp như thế …": such a one as the previous turn was about (not "như vậy thì", "then"). */
const SUCH = /\p{L}\s+như\s+(?:vậy|thế)(?=[\s?.,!]|$)(?!\s+(?:thì|là|nào|nữa))/u;

/**
 * "Nếu hết hạn mà …", "Quá hạn rồi thì …" opening a question: the time limit that lapses is the one the
 * conversation is about, unless the question names it ("hết thời hạn tạm giữ") or whose it is ("Kháng cáo quá hạn thì …").
 */
const LAPSED = /^(?:(?:còn|vậy|thế|nhưng|con|vay|the|nhung)\s+)?(?:(?:nếu|khi|lỡ|trường hợp|neu|lo|truong hop)\s+)?(?:(?:sắp|đã|sap|da)\s+)?(?:hết|quá|het|qua) (?:thời |thoi )?(?:hạn|han)(?=\s*(?:[,?.!]|$|mà\s|ma\s|thì\s|thi\s|rồi\s|roi\s|nhưng\s|nhung\s|vẫn\s|van\s|chưa\s|chua\s|không\s|khong\s))/iu;

/** "Nếu hết hạn mà …" opening the question, which names no document of its own ("Theo Luật Khiếu nại, … quá hạn"). */
function lapsed(q: string): boolean {
  return LAPSED.test(q) && !documentReferences(q).length;
}

/** A verb after the people a question is about: "Người tố cáo | được …", "Bị can | có quyền …". */
const SUBJECT_VERB = /\s(?:được|bị|có|phải|cần|là|do|thì|sẽ|đã|đang|không|duoc|bi|co|phai|can|la|thi|se|da|dang|khong)\s/giu;
/** "… cho họ", "quyền của họ": they, after a preposition or a verb of protecting; accented only ("ho" is also "hộ", "hồ"). */
const THEM = /(?<=\s(?:cho|của|với|về|giúp|bảo vệ|đối với|hỗ trợ))\s+(họ)(?=[\s?.,!;:]|$)(?!\s+(?:(?:và\s+)?tên|hàng))/u;
/** Nouns of people "họ" can stand for (as written, lower case). */
const PEOPLE = /^(?:người|những người|nhiều người|bị can|bị cáo|bị hại|công dân|cán bộ|công chức|kiểm sát viên|kiểm tra viên|điều tra viên|thẩm phán|luật sư|nhân chứng|đương sự|viện trưởng|lãnh đạo|nhân dân|trẻ em|phụ nữ|ksv|đtv)(?=\s|$)/u;

/**
 * The people a previous question was about, named up to their verb ("Người bị tạm giữ | có những
 * quyền gì"): a verb right after the first word belongs to the name ("người bị hại", "người có quyền lợi").
 * None when its subject is no people ("Thời hạn tạm giam …": "họ" cannot be that).
 */
function peopleOf(question: string): string | undefined {
  const subject = askedSubject(question);
  if (!PEOPLE.test(subject.toLowerCase())) return undefined;
  const firstWord = /^\S+/u.exec(subject)?.[0].length ?? 0;
  for (const m of subject.matchAll(SUBJECT_VERB)) if (m.index > firstWord) return subject.slice(0, m.index).trim();
  return subject;
}

/** "họ" after a preposition, pointing back at a previous question's people, not at people its own sentence names first. */
function themAt(q: string, prev: string): { at: number; who: string } | undefined {
  const them = THEM.exec(q);
  if (!them) return undefined;
  const at = them.index + them[0].length - them[1].length;
  const before = q.slice(0, at).toLowerCase();
  if (/(?:^|\s)(?:người|bị can|bị cáo|bị hại|công dân|cán bộ|nhân chứng|đương sự)\s/u.test(before)) return undefined;
  const who = peopleOf(prev);
  return who ? { at, who } : undefined;
}

/** Modals before what a subject must have, asked "… gì?" ("phải dùng phông chữ gì", "cần ghi những gì"). */
const MODALS = ['phải', 'cần', 'nên'];

/** Prepositions before the thing a question asks "… gì?" of ("trình bày trên | khổ giấy gì"). */
const ASKED_AFTER = new Set(['trên', 'trong', 'của', 'về', 'cho', 'với', 'bằng', 'theo', 'tại', 'ở', 'dưới']);

/**
 * "Còn định lề trang thì thế nào?" after "Văn bản hành chính được trình bày trên khổ giấy gì?": the
 * follow-up asks about another thing than "khổ giấy", which the context must not keep asking.
 */
function dropAsked(prev: string, prevTopic: string, focus: string): string {
  const measured = droppedMeasure(prev, prevTopic, focus);
  if (measured !== undefined) return measured;
  if (!/(?:^|\s)(?:gì|nào|gi|nao)\s*[?.!]*\s*$/iu.test(prev)) return prevTopic;
  const toks = tokenize(prevTopic);
  const plain = isUnaccented(prevTopic);
  const asked = (t: Tok) => [...ASKED_AFTER].some((w) => writesWord(t, w, plain));
  let at = toks.length - 1;
  while (at > 0 && toks.length - at <= 3 && !asked(toks[at])) at--;
  if (at <= 0 || toks.length - at > 4 || !asked(toks[at])) {
    // "Văn bản hành chính | phải dùng phông chữ gì?": what the subject must have, asked after its modal.
    const modal = toks.findIndex((t, i) => i > 0 && toks.length - i <= 5 && MODALS.some((w) => writesWord(t, w, plain)));
    if (modal <= 0) return prevTopic;
    const thing = new Set(toks.slice(modal + 1).map((t) => t.f.toLowerCase()));
    if (tokenize(focus).some((t) => thing.has(t.f.toLowerCase()))) return prevTopic;
    // "Ký văn bản giấy thì | phải dùng …": the "thì" before the modal goes with it.
    return tidy(prevTopic.slice(0, toks[modal].start).replace(/\s+(?:thì|thi)\s*$/iu, ''));
  }
  const thing = new Set(toks.slice(at + 1).map((t) => t.f.toLowerCase()));
  // "Còn khổ giấy A5 thì sao?" still asks about a khổ giấy: the context keeps it.
  if (tokenize(focus).some((t) => thing.has(t.f.toLowerCase()))) return prevTopic;
  return tidy(prevTopic.slice(0, toks[at].start));
}

/** Words opening a condition after a follow-up's item ("lần hai | mà là …", "| khi …", "| nếu …"). */
const CONDITION_START = new Set(['ma', 'khi', 'neu', 'trong', 'doi']);

/** What a "… là bao lâu / bao nhiêu?" question measures, opening its topic ("Thời hiệu khiếu nại lần đầu …"). */
const MEASURES = 'thoi han|thoi hieu|thoi gian|muc|so luong|ty le|ti le';
const MEASURE_LEAD = new RegExp(`^(${MEASURES})\\s`);
const MEASURE_WORD = new RegExp(` (${MEASURES}) `);
const ASKS_MEASURE = /\b(bao lau|bao nhieu|may|khi nao)\W*$/;
const OWN_QUESTION = / (ai|gi|nao|dau|bao lau|bao nhieu|may|the nao|sao|khong) /;
const OWN_QUESTION_WRITTEN = / (ai|gì|nào|đâu|bao lâu|bao nhiêu|mấy|thế nào|sao|không) /u;

/** Prepositions opening what qualifies a noun: "(mục tiêu) trong quản lý", "(quyền) về nghiệp vụ". */
const QUALIFIER_OPENERS = ['ve', 'trong', 'doi voi', 'cua', 'cho', 'tai', 'o'].map(seq);
/** Question words a noun may carry before its qualifier: "những mục tiêu nào trong …". */
const NOUN_ASKED = ['nao', 'gi', 'nhu the nao'].map(seq);

function qualifierAt(toks: Tok[], i: number): boolean {
  return QUALIFIER_OPENERS.some((o) => matchAt(toks, i, o));
}

/**
 * "còn mục tiêu về nghiệp vụ thì sao?" after "Kế hoạch … có những mục tiêu nào trong quản lý, chỉ
 * đạo, điều hành?": the follow-up names the previous question's noun with another qualifier, which
 * replaces the one that closed it ("Kế hoạch … có những mục tiêu nào về nghiệp vụ?").
 */
function swapQualifier(prev: string, focus: string): string | undefined {
  const ft = tokenize(focus);
  const pt = tokenize(nfc(prev).replace(/[?!.…]+$/u, ''));
  // The noun: the follow-up's first one or two syllables, before a preposition.
  for (const n of [2, 1]) {
    if (ft.length <= n || !qualifierAt(ft, n)) continue;
    const noun = ft.slice(0, n).map((t) => t.f);
    for (let i = pt.length - n - 1; i > 0; i--) {
      if (!matchAt(pt, i, noun)) continue;
      let j = i + n;
      const asked = NOUN_ASKED.find((w) => matchAt(pt, j, w));
      if (asked) j += asked.length;
      // Its qualifier closes the previous question.
      if (j >= pt.length || !qualifierAt(pt, j)) return undefined;
      const head = nfc(prev).slice(0, pt[j].start).trimEnd();
      return `${capitalise(tidy(`${head} ${focus.slice(ft[n].start)}`))}?`;
    }
  }
  return undefined;
}

/** Words after which the owner named by "của …" ends: the predicate of the question. */
const OWNER_END = new Set(['la', 'co', 'duoc', 'do', 'bao', 'may', 'gom', 'thi', 'phai', 'can', 'khi', 'trong', 'tu', 'ke']);

/**
 * "Kiểm sát viên thì sao?" after "Nhiệm kỳ của Viện trưởng VKSND tối cao là mấy năm?": a bare noun
 * phrase asks the same of another owner, the one after "của" ("Nhiệm kỳ của Kiểm sát viên …").
 */
function swapOwner(prev: string, focus: string): string | undefined {
  const ft = tokenize(focus);
  if (!ft.length || ft.length > 5 || OWN_QUESTION.test(` ${fold(focus).toLowerCase()} `)) return undefined;
  const base = nfc(prev).trim();
  const pt = tokenize(base);
  const of = pt.map((t, i) => (t.f.toLowerCase() === 'cua' ? i : -1)).filter((i) => i > 0);
  if (of.length !== 1) return undefined;
  const from = of[0] + 1;
  let to = from;
  while (to < pt.length && !OWNER_END.has(pt[to].f.toLowerCase())) to++;
  if (to === from || to === pt.length || to - from > 8) return undefined;
  return capitalise(tidy(`${base.slice(0, pt[from].start)}${focus}${base.slice(pt[to - 1].end)}`));
}

/** Where the measured thing ends and the question about it starts ("… là bao lâu", "… tối đa mấy ngày"). */
const MEASURE_ASKED = / (?:la|duoc|co|toi da|toi thieu|khong qua|keo dai|bao lau|bao nhieu|may|khi nao)(?= )/;

/**
 * "Còn thời hạn giải quyết lần đầu?" after "Luật Khiếu nại quy định thời hiệu khiếu nại là bao
 * lâu?": another measure, asked the same way, replaces the one the previous question measured
 * ("Luật Khiếu nại quy định thời hạn giải quyết lần đầu là bao lâu?"), or the context would still
 * ask the old one. Undefined unless both measure, the follow-up names what it measures and asks
 * nothing of its own.
 */
function swapMeasure(prev: string, focus: string): string | undefined {
  const asked = ` ${fold(focus).toLowerCase()} `;
  // Read with its accents where it has them: "lần đầu" asks nothing, "ở đâu" does.
  const own = isUnaccented(focus) ? OWN_QUESTION.test(asked) : OWN_QUESTION_WRITTEN.test(` ${nfc(focus).toLowerCase()} `);
  const lead = MEASURE_LEAD.exec(asked.trimStart());
  // A measure alone ("còn thời hiệu?") swaps only that word, further on (swapPrefix).
  if (!lead || own || asked.trim() === lead[1]) return undefined;
  const p = nfc(prev).replace(/[?!.…]+$/u, '');
  const folded = fold(p).toLowerCase();
  // Folding keeps every character's place (one letter for one): offsets in it hold in the question as written.
  if (folded.length !== p.length || !ASKS_MEASURE.test(folded)) return undefined;
  const m = MEASURE_WORD.exec(` ${folded} `);
  if (!m) return undefined;
  const start = m.index;
  const end = MEASURE_ASKED.exec(` ${folded} `.slice(start + m[0].length - 1));
  if (!end) return undefined;
  const stop = start + m[0].length - 1 + end.index - 1;
  return `${capitalise(tidy(`${p.slice(0, start)}${focus} ${p.slice(stop).trimStart()}`))}?`;
}

/**
 * "Đơn đó phải gửi cho ai?" after "Thời hiệu khiếu nại lần đầu đối với quyết định kỷ luật … là bao lâu?":
 * the follow-up asks another thing of the same subject, so the measure the previous one asked goes
 * ("khiếu nại lần đầu đối với quyết định kỷ luật …"). Undefined when there is none to drop.
 */
function droppedMeasure(prev: string, prevTopic: string, focus: string): string | undefined {
  const folded = fold(prevTopic).toLowerCase();
  const m = MEASURE_LEAD.exec(folded);
  if (!m || !ASKS_MEASURE.test(fold(prev).toLowerCase())) return undefined;
  const asked = ` ${fold(focus).toLowerCase()} `;
  // "Còn lần hai thì sao?" asks the same measure of another thing: only a question of its own asks another.
  if (asked.includes(` ${m[1]} `) || !OWN_QUESTION.test(asked)) return undefined;
  const toks = tokenize(prevTopic);
  const n = m[1].split(' ').length;
  const rest = toks[n] ? prevTopic.slice(toks[n].start) : '';
  return contentTerms(rest).length ? tidy(rest) : undefined;
}

/** Words that end the item a previous question named ("của người có thẩm quyền | trên văn bản …"). */
const ITEM_END_WORDS = ['trên', 'được', 'là', 'có', 'thì', 'trong', 'theo', 'khi', 'phải', 'bị', 'cho', 'tại', 'gì', 'nào', 'bao', 'như', 'thế', 'ra', 'sao', 'để', 'đối'];
/** Is the token one of those words? As written in an accented text: "trọng" (nghiêm trọng) is no "trong". */
function endsItem(t: Tok, plain: boolean): boolean {
  return ITEM_END_WORDS.some((w) => writesWord(t, w, plain));
}

/** Words of a swapped item after the shared ones; more when the follow-up is only the item ("Còn … thì sao?"). */
const SWAPPED_WORDS = 4;
const ITEM_WORDS = 10;

/**
 * "Còn hình ảnh chữ ký số của cơ quan thì sao?" after "Hình ảnh chữ ký số của người có thẩm quyền
 * trên văn bản điện tử được trình bày thế nào?": the follow-up starts like an item of the previous
 * question (two words or more) and ends otherwise, so that item's ending is swapped for its own.
 */
function swapPrefix(prev: string, focus: string, itemOnly = false): string | undefined {
  const ft = tokenize(focus);
  const base = nfc(prev).trim();
  const pt = tokenize(base);
  const f = (t: Tok) => t.f.toLowerCase();
  let best: { i: number; len: number } | undefined;
  for (let i = 0; i < pt.length; i++) {
    let len = 0;
    while (len < ft.length && i + len < pt.length && f(pt[i + len]) === f(ft[len])) len++;
    if (len >= 2 && len < ft.length && (!best || len > best.len)) best = { i, len };
  }
  if (!best) return undefined;
  let rest = ft.slice(best.len);
  // "khiếu nại lần hai | mà là kỷ luật buộc thôi việc": the swapped item, then a condition of its own,
  // asked with the previous question.
  let extra = '';
  const cut = rest.findIndex((t, k) => k > 0 && CONDITION_START.has(f(t)));
  if (rest.length > SWAPPED_WORDS && cut > 0 && cut <= SWAPPED_WORDS) {
    extra = focus.slice(rest[cut].start);
    rest = rest.slice(0, cut);
  }
  if (rest.length > (itemOnly && !extra ? ITEM_WORDS : SWAPPED_WORDS)) return undefined;
  // "tài liệu | độ Tuyệt mật" after "Tài liệu bí mật nhà nước độ Mật …": the rest is an item of a kind
  // (same first and last word) the previous question names further on; it replaces that one.
  if (!extra && rest.length >= 2 && rest.length <= 4) {
    const kind = swapKind(prev, rest, true);
    if (kind) return kind;
  }
  const from = best.i + best.len;
  const same = (k: number, t: Tok) => !!pt[k] && f(pt[k]) === f(t);
  // "theo hướng | có lợi" after "theo hướng | không có lợi …": the follow-up goes on with the previous
  // question's words a little further on, so the words it skips are what it takes away.
  for (let skip = 1; skip <= 2; skip++) {
    if (rest.every((t, k) => same(from + skip + k, t))) {
      return capitalise(tidy(`${base.slice(0, pt[from].start)}${base.slice(pt[from + skip].start)}`));
    }
  }
  // "theo hướng | không có lợi" after "theo hướng | có lợi …": it adds words before the previous ones.
  for (let add = 1; add <= 2 && add < rest.length; add++) {
    if (rest.slice(add).every((t, k) => same(from + k, t))) {
      const added = focus.slice(rest[0].start, rest[add - 1].end);
      return capitalise(tidy(`${base.slice(0, pt[from].start)}${added} ${base.slice(pt[from].start)}`));
    }
  }
  let to = from;
  // "người có thẩm quyền" is one item: its "có" starts no predicate.
  const plain = isUnaccented(base);
  const inItem = (k: number) => !endsItem(pt[k], plain) || (f(pt[k]) === 'co' && f(pt[k + 1] ?? pt[k]) === 'tham');
  while (to < pt.length && inItem(to) && to - from < 6) to++;
  if (to === from) return undefined;
  // "Thời điểm | nhận" after "Thời điểm | gửi một thông điệp dữ liệu …": an item too long to end is
  // swapped word for word.
  if (to - from >= 6 && to < pt.length) to = from + rest.length;
  const swapped = focus.slice(rest[0].start, rest[rest.length - 1].end);
  const asked = capitalise(tidy(`${base.slice(0, pt[from].start)}${swapped}${base.slice(pt[to - 1].end)}`));
  return extra ? `${asked.replace(/[?!.…]+$/u, '')}, ${tidy(extra)}?` : asked;
}

/** Words that open a condition, never an item: "nếu", "khi". */
const CONDITION_OPENERS = new Set(['neu', 'khi']);

/** Words after which a follow-up's contrasted item ends ("lần hai | thì bao lâu"). */
const CORE_END = new Set(['thi', 'la', 'co', 'the', 'sao', 'bao', 'nhu', 'duoc', 'phai', 'can']);

/**
 * "còn độ Mật thì sao?" after "Thời hạn bảo vệ ... độ Tuyệt mật là bao lâu?": the follow-up
 * contrasts an item that the previous question ends with (same head word, "độ" / "lần"), so
 * the previous question is asked again with that item swapped.
 */
function swapContrast(prev: string, prevTopic: string, focus: string): string | undefined {
  const ft = tokenize(focus);
  let n = 0;
  while (n < ft.length && !CORE_END.has(fold(ft[n].text).toLowerCase())) n++;
  // "nếu thấy bì …", "khi …": a condition of its own, no item of a kind.
  if (n < 1 || n > 4 || CONDITION_OPENERS.has(fold(ft[0].text).toLowerCase())) return undefined;
  const core = focus.slice(ft[0].start, ft[n - 1].start + ft[n - 1].text.length);
  const level = swapLevel(prev, core);
  if (level || n < 2) return level;
  const tt = tokenize(prevTopic);
  const head = fold(ft[0].text).toLowerCase();
  // The contrasted item closes the previous topic: its head word is among the topic's last words.
  for (let i = tt.length - 1; i >= Math.max(1, tt.length - 3); i--) {
    if (fold(tt[i].text).toLowerCase() !== head) continue;
    const base = nfc(prev).trim();
    const tail = base.startsWith(prevTopic) ? base.slice(prevTopic.length).trim() : '?';
    return `${tidy(`${prevTopic.slice(0, tt[i].start)}${core} ${tail}`)}`.replace(/\s+\?$/u, '?');
  }
  return swapKind(prev, ft.slice(0, n));
}

/** A secrecy level as the contrasted item ("Tuyệt mật", "độ Tối mật"), accented ("mất" is no "mật") or typed without accents. */
const LEVEL_ASKED = /^(?:(?:độ|mức|cấp) )?(tuyệt mật|tối mật|mật)$/u;
const LEVEL_ASKED_PLAIN = /^(?:(?:do|muc|cap) )?(tuyet mat|toi mat|mat)$/;
/**
 * Where the previous question names a level, most explicit first: "Tối mật" / "Tuyệt mật", then
 * "độ Mật", then a capital "Mật" standing alone (not "tài liệu mật", "Mật khẩu", "bí mật", "độ mật"
 * as a notion). Typed without accents: after "do" (see LEVELS_WRITTEN_PLAIN).
 */
const LEVELS_WRITTEN: readonly RegExp[] = [
  /(?<![\p{L}])(?:tuyệt|tối)\s+mật(?![\p{L}])/iu,
  /(?<=(?:độ|Độ)\s+)Mật(?![\p{L}])/u,
  /(?<![\p{L}])(?<!(?:bí|bảo|tối|tuyệt|Tối|Tuyệt)\s+)Mật(?!\s+(?:khẩu|mã))(?![\p{L}])/u,
];
/** Without accents only after "do" (độ): "toi mat" is also "tôi mất", "do mat" alone "do mất". */
const LEVELS_WRITTEN_PLAIN: readonly RegExp[] = [/(?<=\bdo )(?:(?:tuyet|toi) )?mat\b/i];

/**
 * "Thế còn Tuyệt mật?" after "Tài liệu độ Mật được bảo vệ mấy năm?": one level of secrecy for
 * another, where the previous question names it (the levels share no head word swapKind could use).
 */
function swapLevel(prev: string, core: string): string | undefined {
  const plain = isUnaccented(core);
  const level = (plain ? LEVEL_ASKED_PLAIN.exec(fold(core).toLowerCase()) : LEVEL_ASKED.exec(lower(core)))?.[1];
  if (!level) return undefined;
  const base = nfc(prev).trim();
  const m = (isUnaccented(base) ? LEVELS_WRITTEN_PLAIN : LEVELS_WRITTEN).map((re) => re.exec(base)).find(Boolean);
  if (!m || fold(m[0]).toLowerCase() === fold(level)) return undefined;
  const written = core.replace(/^(?:độ|mức|cấp|do|muc|cap)\s+/iu, '');
  return capitalise(tidy(`${base.slice(0, m.index)}${written}${base.slice(m.index + m[0].length)}`));
}

/**
 * "vậy Điều tra viên thì sao?" after "Kiểm sát viên không được làm những việc gì?": the contrasted
 * item is of the same kind as an item of the previous question, a compound with the same last word
 * ("… viên"), which it replaces where it stands.
 */
function swapKind(prev: string, core: Tok[], sameHead = false): string | undefined {
  const base = nfc(prev).trim();
  const pt = tokenize(base);
  // Both written with accents, words are compared as written: "Kiểm sát viên" ends in no "Viện".
  const plain = isUnaccented(base) || core.every((t) => t.text === t.f);
  const key = (t: Tok) => (plain ? t.f : t.text).toLowerCase();
  const c = core.map(key);
  const n = c.length;
  let best: { start: number; end: number; rank: number } | undefined;
  for (let i = pt.length - 1; i >= 1; i--) {
    if (key(pt[i]) !== c[n - 1]) continue;
    // The replaced item ends with the same word and is about as long: "tội phạm ít nghiêm trọng" for
    // "tội phạm nghiêm trọng", "Viện trưởng" for "Phó Viện trưởng", "Kiểm sát viên" for "Điều tra viên".
    for (const len of [n + 1, n, n - 1]) {
      if (len < 2 || i - len + 1 < 0) continue;
      const span = pt.slice(i - len + 1, i + 1).map(key);
      if (span.join(' ') === c.join(' ')) continue;
      // "tra viên" of "Kiểm tra viên" is no item of its own: a capitalised name goes on before it.
      if (i - len >= 1 && /^\p{Lu}/u.test(pt[i - len].text) && /^\p{Ll}/u.test(pt[i - len + 1].text)) continue;
      // "ký số" after "chữ" is the whole "chữ ký số" already: the follow-up names the same item.
      if (len < n && i - len >= 0 && c.slice(0, n - len).join(' ') === pt.slice(Math.max(0, i - n + 1), i - len + 1).map(key).join(' ')) continue;
      // Two-word items alike only in their last word are not alike ("gia hạn" is no "thời hạn").
      const rank = span[0] === c[0] ? 0 : span.join(' ') === c.slice(n - len).join(' ') ? 1 : len === n && n >= 3 ? 2 : 3;
      if (rank < (sameHead ? 1 : 3) && (!best || rank < best.rank)) best = { start: pt[i - len + 1].start, end: pt[i].end, rank };
    }
  }
  if (!best) return undefined;
  return capitalise(tidy(`${base.slice(0, best.start)}${core.map((t) => t.text).join(' ')}${base.slice(best.end)}`));
}

/** "người đó", "ông ấy", "đồng chí này": a pointer at a person, not at a topic. */
const PERSON_ANAPHOR = /(?:^|\s)((?:người|ông|bà|đồng chí|vị)\s+(?:đó|ấy|này|kia))(?=[\s?.,!]|$)/iu;
/** The same typed without accents ("nguoi do"); not "ba"/"vi", which are also "ba" (three) and "vì". */
const PERSON_ANAPHOR_FOLDED = /(?:^|\s)((?:nguoi|ong|dong chi)\s+(?:do|ay|nay|kia))(?=[\s?.,!]|$)/i;

/**
 * "chức vụ đó", "chức danh này": the office the previous question named, never a person's name.
 * Typed without accents only at the end: "chuc vu do ai bo nhiem" is "do" (by).
 */
const ROLE_ANAPHOR = /(?:^|\s)((?:chức vụ|chức danh|chuc vu|chuc danh)\s+(?:(?:đó|ấy|này)(?=[\s?.,!]|$)|(?:do|ay|nay)(?=\s*[?.!]*\s*$)))/iu;

/** Where the pattern's first group stands in the question. */
function groupSpan(re: RegExp, q: string): Span | undefined {
  const m = re.exec(q);
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length };
}

function roleAnaphor(q: string): Span | undefined {
  return groupSpan(ROLE_ANAPHOR, q);
}

function personAnaphor(q: string): Span | undefined {
  return groupSpan(isUnaccented(q) ? PERSON_ANAPHOR_FOLDED : PERSON_ANAPHOR, q);
}

/**
 * An office the previous question names ("bổ nhiệm Viện trưởng Viện kiểm sát nhân dân cấp tỉnh"):
 * what "người đó" stands for when no answer named a person.
 */
const ROLE =
  /(?:Phó\s+)?(?:Viện trưởng|Chánh án|Thủ trưởng|Kiểm sát viên|Điều tra viên|Thẩm phán|Hội thẩm|Thư ký Tòa án|Kiểm tra viên|Thẩm tra viên|Chấp hành viên)(?:\s+(?:Viện kiểm sát nhân dân|Viện kiểm sát quân sự|Viện kiểm sát|Tòa án nhân dân|Tòa án quân sự|Tòa án|Cơ quan điều tra|VKSNDTC|VKSTC|VKSND|VKS|TAND)(?![\p{L}\p{N}])(?:\s+(?:tối cao|cấp cao|cấp tỉnh|cấp huyện|tỉnh|huyện|trung ương|quân khu|khu vực))?)?/u;

/** A procedural body at a level: "Viện kiểm sát cùng cấp", "VKS cấp trên trực tiếp", "Tòa án cấp tỉnh". */
const LEVELLED_BODY =
  /(?:Viện kiểm sát(?:\s+(?:nhân dân|quân sự))?|VKSND|VKS|Tòa án(?:\s+(?:nhân dân|quân sự))?|TAND|Cơ quan điều tra|CQĐT)\s+(?:cùng cấp|cấp trên trực tiếp|cấp trên|cấp dưới|cấp tỉnh|cấp huyện|cấp cao|tối cao|tỉnh|huyện|khu vực)(?![\p{L}\p{N}])/iu;

/** Which kind of body: a procuracy, a court or an investigating agency. */
function bodyKind(body: string): string {
  const f = fold(body).toLowerCase();
  return /^(?:vien kiem sat|vks)/.test(f) ? 'vks' : /^(?:toa an|tand)/.test(f) ? 'toa' : 'cqdt';
}

function roleIn(question: string): string | undefined {
  return ROLE.exec(question)?.[0];
}

/** A person's name as Vietnamese news writes it: "đồng chí Nhiếp Văn Ngọc", "ông Nguyễn Huy Tiến". */
const NAMED_PERSON = /(?:[đĐ]ồng chí|[ôÔ]ng|[bB]à)\s+((?:\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}*)/u;

/** The first document a sources line names, "- Luật Tố cáo (25/2018/QH14), Điều 9": its title and number. */
const SOURCE_LINE = /^- (?:\[\d+\] )?(.+?) \(([^()]*\d[^()]*)\)(?:,|$)/u;

/**
 * The document the last answer quoted first, when it is of the kind a pointer names ("luật này":
 * a "Luật" or "Bộ luật"; "văn bản này": any), from its sources block.
 */
function lastAnswerDocument(history: Turn[], kind: readonly string[] | undefined): string | undefined {
  const last = history[history.length - 1]?.answer;
  const answer = last ? nfc(last) : '';
  const at = answer.lastIndexOf(`\n${SOURCES_HEADING}\n`);
  if (at < 0) return undefined;
  const m = SOURCE_LINE.exec(answer.slice(at + SOURCES_HEADING.length + 2).split('\n')[0]);
  if (!m) return undefined;
  const title = foldedSyllables(m[1]);
  const fits = !kind || kind.join(' ') === 'van ban' || title.join(' ').includes(kind.join(' '));
  return fits ? m[1] : undefined;
}

/** The questions (as answered) of the few turns before the previous one, latest first. */
function earlierQuestions(history: Turn[]): string[] {
  const out: string[] = [];
  for (let i = history.length - 2; i >= Math.max(0, history.length - 4); i--) {
    const q = history[i].standalone ?? history[i].question;
    if (q) out.push(q);
  }
  return out;
}

/** Does the topic write the noun ("thủ tục" in "… áp dụng thủ tục rút gọn …")? */
function holdsHead(topic: string, head: string[]): boolean {
  const toks = tokenize(topic);
  return toks.some((_, i) => matchAt(toks, i, head));
}

/** The noun's phrase in the topic of one of the few questions before the previous one, latest first. */
function earlierHead(history: Turn[], head: string[]): string | undefined {
  for (const q of earlierQuestions(history)) {
    const topic = topicOf(COMPLETED.exec(q)?.[1] ?? q);
    if (holdsHead(topic, head)) return fromHead(topic, head);
  }
  return undefined;
}

/**
 * "Ai đã công bố quyết định này?" two turns after "Quyết định 390/QĐ-VKSTC là về việc gì?": the last
 * document of that kind an earlier question named, when the previous one and its answer named none.
 */
function earlierDocument(history: Turn[], kind: readonly string[] | undefined): string | undefined {
  for (const q of earlierQuestions(history)) {
    const doc = documentReferences(nfc(q)).find((d) => !kind || kind.join(' ') === 'van ban' || foldedSyllables(d.text).join(' ').startsWith(kind.join(' ')));
    if (doc) return doc.text;
  }
  return undefined;
}

function lastAnswerName(history: Turn[]): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const a = history[i].answer;
    if (!a) continue;
    const m = NAMED_PERSON.exec(nfc(a));
    return m ? m[1] : undefined;
  }
  return undefined;
}
