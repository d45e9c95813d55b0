/**
 * How-to questions ("làm thế nào", "cần làm những bước gì", "xử lý ra sao") are
 * answered by a procedure's numbered steps, in order, not by a guide's
 * introduction. This finds the retrieved section that is a numbered procedure
 * (joining its consecutive chunks) and summarises each step by its first
 * sentences, so the reader sees the whole sequence within the answer budget.
 */
import type { Chunk, DocType, Scored } from '../types.js';
import { fold } from '../text.js';
import { termMatch } from './abstain.js';
import { contentTerms, indexTerms, type QueryTerm } from './terms.js';
import { headingTitle, plainText, splitProse } from './units.js';
import { memoize } from '../memo.js';

/** Syllables of a section (heading and text) and of its heading alone, once per chunk. */
const sectionIndexOf = memoize((c: Chunk) => ({
  all: indexTerms(`${c.heading}\n${c.text}`),
  heading: indexTerms(c.heading ?? ''),
  steps: stepsOf(c.text).length,
}));

const HOW_TO =
  /\b(lam the nao|lam sao|cach (nao|thuc|lam)?|cac buoc|nhung buoc|buoc nao|ra sao|the nao|huong dan|thu tuc|quy trinh|trinh tu)\b/;

/** A guide's section: its document and heading (a section may be cut into several chunks). */
function sectionKey(c: Chunk): string {
  return `${c.docId}\u0000${c.heading}`;
}

/** Does the question ask how to do something (a procedure), rather than what a rule says? */
export function asksHowTo(question: string): boolean {
  // "Theo hướng dẫn ký số, hình ảnh chữ ký số phải có màu gì?": the guide named as the source asks no procedure.
  const f = fold(question).toLowerCase().replace(/\btheo (?:cac |nhung |ban )?huong dan\b/g, ' ');
  if (!HOW_TO.test(f) || /\b(la gi|bao nhieu|bao lau|khi nao)\b/.test(f) || DEFINITION_HOW.test(f)) return false;
  // "Hình ảnh chữ ký số … được trình bày thế nào?" asks how a thing is, in the passive, not what to do;
  // "thời hiệu lần đầu thế nào?" asks a time limit.
  return !((PASSIVE_HOW.test(f) || LIMIT_HOW.test(f)) && !PROCEDURE_ASKED.test(f));
}

/** How much better the best passage, in another guide, must match the question than the steps found. */
const OTHER_SECTION_MARGIN = 0.15;

/** A limit or a legal worth the law sets ("có giá trị pháp lý như thế nào"), asked "thế nào / ra sao": its value, no procedure (unless a procedure's verb asks how to extend or count it). */
const LIMIT_HOW = /\b(?:thoi hieu|thoi han|nhiem ky|muc phat|do tuoi) (?:(?!gia han|keo dai|tinh|xin|nop|gui|lam)\S+ ){0,6}(?:nhu )?(?:the nao|ra sao)\b|\bgia tri(?: phap ly)? (?:\S+ ){0,1}(?:nhu )?(?:the nao|ra sao)\b/;

/** "Thế nào là quyết định hành chính?", "thế nào được coi là tấn công mạng": what a term means, not how to do it. */
const DEFINITION_HOW = /\b(?:nhu )?the nao (?:thi )?(?:duoc (?:goi|coi|hieu) )?la\b/;

/**
 * "được trình bày / tính / quy định (như) thế nào", "Tờ trình viết tắt thế nào", "Quốc hiệu trình bày ra
 * sao": how a thing is, or is written, not what to do. Not "phải được bảo quản thế nào", which asks what
 * must be done (the passive only; "phải trình bày thế nào" is read as how a thing is written too).
 */
const PASSIVE_HOW = /(?<!\b(?:phai|can) )\bduoc (?:\S+ ){1,2}(?:nhu )?(?:the nao|ra sao)\b|\b(?:viet tat|viet hoa|trinh bay|ky hieu) (?:\S+ ){0,1}(?:nhu )?(?:the nao|ra sao)\b/;
/** Words that ask for a procedure whatever the verb. */
const PROCEDURE_ASKED = /\b(lam the nao|lam sao|cach (nao|thuc|lam)|cac buoc|nhung buoc|buoc nao|huong dan|thu tuc|quy trinh|trinh tu)\b/;

/** The words that ask for a procedure, folded: two-syllable ones and single syllables. */
const PROCEDURE_PAIRS: ReadonlySet<string> = new Set(['quy trinh', 'trinh tu', 'thu tuc', 'huong dan']);
const PROCEDURE_WORDS: ReadonlySet<string> = new Set(['buoc', 'cach']);

function withoutProcedureWords(terms: readonly QueryTerm[]): QueryTerm[] {
  const at = new Map(terms.map((t) => [t.pos, t.term]));
  const drop = new Set<number>();
  for (const t of terms) {
    if (PROCEDURE_WORDS.has(t.term)) drop.add(t.pos);
    if (PROCEDURE_PAIRS.has(`${t.term} ${at.get(t.pos + 1)}`)) drop.add(t.pos).add(t.pos + 1);
  }
  return terms.filter((t) => !drop.has(t.pos));
}

const STEP = /^(\d{1,2})[.)]\s+(.*)$/u;
/** Section headings that announce a procedure. */
const PROCEDURE_HEADING = /\b(cac buoc|quy trinh|trinh tu|thu tuc|khi |cach )/;

export interface StepAnswer {
  /** The chunks the steps come from, in document order. */
  chunks: Scored<Chunk>[];
  /** "1. Title. First sentence…" per step, in order. */
  steps: string[];
}

/**
 * A step's summary: its first sentences up to `max` characters (a title alone says too little).
 * With `words`, the sentences holding them come right after the title.
 */
function summarise(step: string, max: number, words: readonly QueryTerm[] = []): string {
  let sentences = splitProse(step);
  if (words.length && sentences.length > 2) {
    const holds = (s: string) => termMatch(words, indexTerms(s)) >= 0.5;
    // The step's number and title stay first ("7." then "Phụ lục, văn bản kèm theo.").
    const lead = /^\d{1,2}[.)]$/.test(sentences[0]) ? 2 : 1;
    const body = sentences.slice(lead);
    sentences = [...sentences.slice(0, lead), ...body.filter(holds), ...body.filter((s) => !holds(s))];
  }
  let out = sentences[0] ?? step;
  for (const s of sentences.slice(1)) {
    if (`${out} ${s}`.length <= max) {
      out = `${out} ${s}`;
      continue;
    }
    // The sentence after a step's title is its substance: keep its first clauses.
    const room = max - out.length - 1;
    const head = s.slice(0, room);
    const cut = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', '));
    if (cut > 40) out = `${out} ${s.slice(0, cut)} …`;
    // A step's number alone says nothing ("7."): its text, cut at a word, follows it.
    else if (/^\d{1,2}[.)]$/.test(out)) out = `${out} ${head.slice(0, Math.max(head.lastIndexOf(' '), 0)) || head} …`;
    break;
  }
  return out;
}

/** Each step summarised in an even share of the room, at least a line's worth. */
function sharing(steps: readonly string[], maxChars: number): string[] {
  const per = Math.max(140, Math.floor(maxChars / Math.max(1, steps.length)));
  return steps.map((s) => summarise(s, per));
}

/** Is every line from the first step on a step, with no điểm or prose under one that a summary would drop? */
function onlySteps(text: string): boolean {
  const lines = text.split(/\n+/).map((l) => plainText(l.trim())).filter(Boolean);
  const first = lines.findIndex((l) => STEP.test(l));
  return first >= 0 && lines.slice(first).every((l) => STEP.test(l));
}

function stepsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => plainText(l.trim()))
    .filter((l) => STEP.test(l));
}

/**
 * A law's or decree's numbered items are provisions, not steps, in an article or in an appendix
 * alike ("III. Yêu cầu chức năng của hệ thống: 1. … 2. …").
 */
const NORMATIVE: ReadonlySet<DocType> = new Set<DocType>(['Hiến pháp', 'Bộ luật', 'Luật', 'Nghị quyết', 'Nghị định', 'Thông tư']);

/** A law's article that is itself a procedure: "Điều 20. Trình tự quản lý văn bản đến". */
const LAW_PROCEDURE_HEADING = /\b(trinh tu|thu tuc|quy trinh|cac buoc)\b/;
/** How much of the question's topic such an article's heading must name, and by how much more than the guide's heading. */
const LAW_PROCEDURE_MATCH = 0.6;
const LAW_PROCEDURE_MARGIN = 0.3;
/** The same for the best passage's own article heading, whatever it names ("Điều 21. Tiếp nhận văn bản đến"). */
const FIRST_LAW_MATCH = 0.35;
const FIRST_LAW_MARGIN = 0.2;

/** Share of the best retriever score a passage needs to give the steps. */
const STEP_SCORE_SHARE = 0.5;

/**
 * The retrieved numbered procedure that best matches the question, or undefined when no hit
 * holds one. Only sections (guides, plans) count: a law's numbered khoản are not steps.
 */
export function findSteps(
  terms: readonly QueryTerm[],
  hits: Scored<Chunk>[],
  weight: (t: string) => number,
  maxChars: number,
): StepAnswer | undefined {
  let best: { key: string; score: number } | undefined;
  // "Quy trình / các bước / thủ tục" says a procedure is asked for, which every procedure is: what
  // tells one procedure from another is the rest of the question ("giải quyết đơn khiếu nại").
  const topic = withoutProcedureWords(terms);
  const asked = topic.length ? topic : terms;
  // Steps answer only from passages the retriever itself ranks close to the best:
  // a numbered list in a far weaker hit is another document's procedure.
  const top = hits.reduce((m, h) => Math.max(m, h.score), 0);
  hits.forEach((h, rank) => {
    if (h.item.article || !h.item.heading || NORMATIVE.has(h.item.type)) return;
    if (top > 0 && h.score < STEP_SCORE_SHARE * top) return;
    const section = sectionIndexOf(h.item);
    if (section.steps < 2) return;
    const heading = fold(h.item.heading).toLowerCase();
    const score = termMatch(asked, section.all, weight) + 0.5 * termMatch(asked, section.heading, weight) + (PROCEDURE_HEADING.test(heading) ? 0.3 : 0) - 0.05 * rank;
    if (!best || score > best.score) best = { key: sectionKey(h.item), score };
  });
  if (!best) return undefined;
  // "Quy trình xử lý văn bản đến": a law's own procedure article ("Điều 20. Trình tự quản lý văn bản
  // đến") among the passages close to the best, whose heading names the topic where the guide's does
  // not, is the procedure asked for, its khoản the steps; a guide's steps for another task ("Các bước
  // tiếp công dân", where people "đến") only share its words.
  const key = best.key;
  const bestHit = hits.find((h) => sectionKey(h.item) === key)!;
  const stepsHeading = termMatch(asked, sectionIndexOf(bestHit.item).heading, weight);
  let law: { hit: Scored<Chunk>; match: number } | undefined;
  for (const h of hits) {
    if (!NORMATIVE.has(h.item.type) || !h.item.heading || h.score < STEP_SCORE_SHARE * top) continue;
    if (!LAW_PROCEDURE_HEADING.test(fold(h.item.heading).toLowerCase())) continue;
    const match = termMatch(asked, sectionIndexOf(h.item).heading, weight);
    if (match >= LAW_PROCEDURE_MATCH && match >= stepsHeading + LAW_PROCEDURE_MARGIN && (!law || match > law.match)) law = { hit: h, match };
  }
  // "Văn thư nhận văn bản giấy gửi đến thì các bước tiếp nhận thế nào?": the retriever's best passage is a
  // law's article whose heading names the task ("Điều 21. Tiếp nhận văn bản đến") where the guide's steps
  // are for another task ("Các bước ký số …"): its khoản answer.
  const first = hits[0];
  if (!law && first && NORMATIVE.has(first.item.type) && first.item.article && first.item.heading) {
    const match = termMatch(asked, sectionIndexOf(first.item).heading, weight);
    if (match >= FIRST_LAW_MATCH && match >= stepsHeading + FIRST_LAW_MARGIN) return undefined;
    // "Người dân muốn rút đơn khiếu nại thì phải làm thủ tục gì?": every word of its title ("Điều 10.
    // Rút khiếu nại") is in the question, which names that article whatever else it says.
    if (namesWholeTitle(asked, first.item.heading)) return undefined;
  }
  if (law) {
    // Asked of one part of it ("… có những cách thức nào?"), or not laid out as steps: its khoản answer.
    const steps = stepsOf(law.hit.item.text);
    if (focusWords(asked, law.hit.item).length || steps.length < 2 || !onlySteps(law.hit.item.text)) return undefined;
    return { chunks: [law.hit], steps: sharing(steps, maxChars) };
  }
  // "Văn bản đã ký số mà cần in ra giấy để phát hành thì làm sao?": the retriever's best passage, a
  // guide's list of cases that names the very task, says how; another guide's numbered steps
  // ("Khi soạn thảo") only share its words.
  if (first && sectionKey(first.item) !== key && first.item.type === 'Hướng dẫn') {
    // (Another guide's: a guide's own opening section restates its steps' subject, and they answer it.)
    if (first.item.docId !== bestHit.item.docId && termMatch(asked, sectionIndexOf(first.item).all, weight) >= termMatch(asked, sectionIndexOf(bestHit.item).all, weight) + OTHER_SECTION_MARGIN) return undefined;
  }
  // A procedure that lacks the question's rarest word, which one of the retriever's best three
  // passages holds ("rút" of "Điều 33. Rút tố cáo"), is another procedure: that passage answers.
  const rarest = asked.reduce<QueryTerm | undefined>((m, t) => (t.weight === 1 && (!m || weight(t.term) > weight(m.term)) ? t : m), undefined);
  const holds = (c: Chunk) => !!rarest && sectionIndexOf(c).all.unigrams.has(rarest.term);
  const inSteps = hits.some((h) => sectionKey(h.item) === key && holds(h.item));
  if (!inSteps && hits.slice(0, 3).some((h) => holds(h.item))) return undefined;
  const chunks = hits
    .filter((h) => sectionKey(h.item) === key)
    .sort((a, b) => a.item.ord - b.item.ord);
  const all = chunks.flatMap((h) => stepsOf(h.item.text));
  // Steps may repeat when chunks overlap.
  const unique = [...new Set(all)];
  const focus = focusedStep(asked, unique, chunks[0].item, weight);
  if (!focus) return { chunks, steps: sharing(unique, maxChars) };
  // The step the question singles out ("phụ lục không cùng tệp tin") is read whole, where it says
  // so; the others stay one line each, so the whole sequence still shows.
  const rest = Math.max(110, Math.floor((maxChars - FOCUS_CHARS) / Math.max(1, unique.length - 1)));
  return { chunks, steps: unique.map((s, i) => (i === focus.at ? summarise(s, FOCUS_CHARS, focus.words) : summarise(s, rest))) };
}

/** Does the question hold every content word of an article's title (two words or more)? */
function namesWholeTitle(asked: readonly QueryTerm[], heading: string): boolean {
  const words = contentTerms(headingTitle(heading)).filter((t) => t.weight === 1 && !/^\d+$/.test(t.term)).map((t) => t.term);
  const have = new Set(asked.filter((t) => t.weight === 1).map((t) => t.term));
  return words.length >= 2 && words.every((w) => have.has(w));
}

/** Room for a step the question singles out. */
const FOCUS_CHARS = 480;

/** The question's words the procedure's heading does not hold: what it asks of the procedure. */
function focusWords(asked: readonly QueryTerm[], section: Chunk): QueryTerm[] {
  const heading = sectionIndexOf(section).heading;
  return asked.filter((t) => t.weight === 1 && !heading.unigrams.has(t.term));
}

/**
 * The one step that holds the question's own words far better than the others ("Phụ lục
 * không cùng tệp tin thì văn thư ký số thế nào?" is step 7 of the signing procedure); none when
 * the question asks the procedure as a whole.
 */
function focusedStep(
  asked: readonly QueryTerm[],
  steps: readonly string[],
  section: Chunk,
  weight: (t: string) => number,
): { at: number; words: QueryTerm[] } | undefined {
  const words = focusWords(asked, section);
  if (!words.length || steps.length < 3) return undefined;
  const scores = steps.map((s) => termMatch(words, indexTerms(s), weight));
  const best = Math.max(...scores);
  if (best < 0.5) return undefined;
  const top = scores.map((x, i) => [x, i] as const).filter(([x]) => x >= best - 1e-9).map(([, i]) => i);
  // Words every step shares single nothing out.
  const others = scores.filter((x) => x < best - 1e-9);
  if (top.length > 1 || !others.length || Math.max(...others) > 0.6 * best) return undefined;
  return { at: top[0], words };
}
