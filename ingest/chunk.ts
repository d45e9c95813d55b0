/**
 * Chunking that follows the structure of Vietnamese legal texts.
 *
 * Legal texts (Phần / Chương / Mục / Điều / khoản / điểm): one chunk per Điều when it fits,
 * otherwise split at khoản, then điểm, then sentences, each piece with a readable locator
 * ("Chương II, Điều 10, khoản 2") and the article heading. The text before Điều 1 (title,
 * căn cứ) is its own chunk. Anything else (news, guidance, Markdown) is packed by paragraphs
 * and sentences with a sentence of overlap, located by the nearest heading.
 *
 * Every chunk is a contiguous piece of the source (whitespace aside; a long table repeats its
 * header row), never cut inside a sentence unless the sentence alone exceeds the limit, and
 * then never inside a number, a date or a document number.
 */
import { createHash } from 'node:crypto';
import type { Chunk, DocMeta } from '../core/types.js';
import { splitSentences } from '../core/text.js';
import { CLOSING_LOCATOR, PREAMBLE_LOCATOR } from '../prompts/ingest.js';

export interface ChunkOptions {
  maxChars?: number;
  overlapSentences?: number;
}

export const DEFAULT_MAX_CHARS = 1500;

// ---------------------------------------------------------------- line classification

/** Markdown decoration off: "## Điều 5." / "**Điều 5.** Tên" / "### Chương II" read as plain lines. */
export function plainLine(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*\*\*(.+?)\*\*/, '$1')
    .replace(/^\s*__(.+?)__/, '$1')
    .replace(/\*\*\s*$/, '')
    .trim();
}

const PART = /^(?:Phần|PHẦN)\s+(thứ\s+[\p{L}]+|THỨ\s+[\p{L}]+|[IVXLC]+|\d+)(?![\p{L}\d])\s*[.:]?\s*(.*)$/u;
const CHAPTER = /^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d+)(?![\p{L}\d])\s*[.:]?\s*(.*)$/u;
const SECTION = /^(?:Mục|MỤC)\s+(\d+|[IVXLC]+)(?![\p{L}\d])\s*[.:]?\s*(.*)$/u;
const ARTICLE = /^(?:Điều|ĐIỀU)\s+(\d+(?:\.[0-9A-ZĐ]+)*[a-zđ]?)\s*(?:[.:]\s*(.*))?$/u;
const CLAUSE = /^(\d{1,3}[a-zđ]?)\.\s+\S/u;
const POINT = /^([a-zđ]\d{0,2})\)\s+\S/u;
/** Signature block and distribution list after the last article. */
const CLOSING = /^(?:Nơi nhận\s*:|TM\.\s|KT\.\s|Q\.\s|TL\.\s|TUQ\.\s)/u;

type LineKind = 'part' | 'chapter' | 'section' | 'article' | 'text';

interface Classified {
  kind: LineKind;
  label?: string;
  /** Article number. */
  num?: string;
  /** Article title (rest of the heading line). */
  rest?: string;
}

function classify(line: string): Classified {
  const p = plainLine(line);
  let m = p.match(ARTICLE);
  if (m) return { kind: 'article', num: m[1], rest: (m[2] ?? '').trim() };
  m = p.match(CHAPTER);
  if (m) return { kind: 'chapter', label: `Chương ${m[1]}` };
  m = p.match(SECTION);
  if (m) return { kind: 'section', label: `Mục ${m[1]}` };
  m = p.match(PART);
  if (m) {
    const n = m[1].replace(/^THỨ/u, 'thứ').replace(/^thứ\s+(\p{L}+)/u, (_x, w: string) => `thứ ${w.toLocaleLowerCase('vi')}`);
    return { kind: 'part', label: `Phần ${n}` };
  }
  return { kind: 'text' };
}

function articleOrder(num: string): number {
  const n = parseInt(num, 10);
  const suffix = num.match(/^\d+([a-zđ])$/u)?.[1];
  return n + (suffix ? (suffix.charCodeAt(0) % 32) / 100 : 0);
}

// ---------------------------------------------------------------- safe splitting

/** Spans a split must never fall inside: dates, numbers written with spaces, references. */
const PROTECTED = [
  /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/giu,
  /tháng\s+\d{1,2}\s+năm\s+\d{4}/giu,
  /\d[\d.,]*\s+(?=\d)/gu,
  /(?:Điều|khoản|điểm|Khoản|Điểm|Chương|Mục|số|Số)\s+\d+[\p{L}\d/.-]*/gu,
];

function protectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of PROTECTED) for (const m of text.matchAll(re)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

/** Cut an over-long sentence at whitespace, preferring after , ; : and never inside a protected span. */
function hardSplit(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const spans = protectedSpans(rest);
    const allowed = (i: number) => /\s/u.test(rest[i]) && !spans.some(([a, b]) => i > a && i < b - 1);
    let cut = -1;
    for (let i = Math.min(max, rest.length - 1); i > max * 0.5; i--) {
      if (allowed(i) && /[,;:]/u.test(rest[i - 1] ?? '')) {
        cut = i;
        break;
      }
    }
    if (cut < 0) for (let i = Math.min(max, rest.length - 1); i > 0; i--) if (allowed(i)) { cut = i; break; }
    if (cut <= 0) for (let i = Math.min(max, rest.length - 1); i > 0; i--) if (/\s/u.test(rest[i])) { cut = i; break; }
    if (cut <= 0) cut = max; // a single "word" longer than the limit: nothing better exists
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/** Sentences of a block, each at most `max` long. */
function sentencesOf(text: string, max: number): string[] {
  const sentences: string[] = [];
  for (const s of splitSentences(text)) {
    const prev = sentences[sentences.length - 1];
    // "4. Người ..." splits after the khoản marker; the marker belongs to its sentence.
    if (prev !== undefined && LIST_MARKER.test(prev)) sentences[sentences.length - 1] = `${prev} ${s}`;
    else sentences.push(s);
  }
  return sentences.flatMap((s) => (s.length > max ? hardSplit(s, max) : [s]));
}

const LIST_MARKER = /^(?:\d{1,3}[a-zđ]?\.|[a-zđ]\d{0,2}\)|[IVXLC]+\.|[-–+•])$/u;

// ---------------------------------------------------------------- packing

interface Unit {
  text: string;
  clause?: string;
  point?: string;
  /** Joiner before this unit when packed after another one. */
  sep: '\n' | ' ';
  /** Sentences of the unit, for overlap. */
  heading?: boolean;
}

interface Piece {
  text: string;
  units: Unit[];
}

function pack(units: Unit[], max: number, overlap = 0): Piece[] {
  const pieces: Piece[] = [];
  let cur: Unit[] = [];
  let len = 0;
  const flush = (carry: boolean) => {
    if (!cur.length) return;
    const text = joinUnits(cur);
    pieces.push({ text, units: cur });
    let next: Unit[] = [];
    if (carry && overlap > 0) {
      const tail = sentencesOf(cur[cur.length - 1].text, max).slice(-overlap);
      const t = tail.join(' ');
      if (t && t.length < max / 3) next = [{ text: t, sep: '\n', clause: cur[cur.length - 1].clause }];
    }
    cur = next;
    len = next.length ? joinUnits(next).length : 0;
  };
  for (const u of units) {
    if (u.heading && cur.length) flush(false);
    const add = cur.length ? u.text.length + 1 : u.text.length;
    if (len + add > max && cur.length) {
      flush(true);
      // The carried overlap must leave room for the unit itself.
      if (len + u.text.length + 1 > max) {
        cur = [];
        len = 0;
      }
    }
    cur.push(u);
    len = joinUnits(cur).length;
  }
  flush(false);
  return pieces;
}

function joinUnits(units: Unit[]): string {
  return units.map((u, i) => (i === 0 ? u.text : u.sep + u.text)).join('');
}

/** Break a unit longer than max: at điểm lines, then at sentences. */
function splitUnit(u: Unit, max: number): Unit[] {
  if (u.text.length <= max) return [u];
  const lines = u.text.split('\n');
  if (!u.point && lines.some((l, i) => i > 0 && POINT.test(plainLine(l)))) {
    const groups: Unit[] = [];
    for (const l of lines) {
      const pm = plainLine(l).match(POINT);
      if (pm || !groups.length) groups.push({ text: l, clause: u.clause, point: pm?.[1], sep: '\n' });
      else groups[groups.length - 1].text += `\n${l}`;
    }
    return groups.flatMap((g) => splitUnit(g, max));
  }
  if (lines.length > 1) {
    return lines.flatMap((l, i) => splitUnit({ text: l, clause: u.clause, point: u.point, sep: i === 0 ? u.sep : '\n' }, max));
  }
  return sentencesOf(u.text, max).map((s, i) => ({ text: s, clause: u.clause, point: u.point, sep: i === 0 ? u.sep : ' ' }));
}

function range(values: string[]): string | undefined {
  const uniq = [...new Set(values)];
  if (!uniq.length) return undefined;
  return uniq.length === 1 ? uniq[0] : `${uniq[0]}–${uniq[uniq.length - 1]}`;
}

/** ", khoản 2" / ", khoản 2–4" / ", khoản 3, điểm a–c" for a piece of an article. */
function subLocator(units: Unit[]): string {
  const clauses = units.map((u) => u.clause).filter((c): c is string => !!c);
  const k = range(clauses);
  if (!k) return '';
  const single = new Set(clauses).size === 1;
  const points = units.map((u) => u.point).filter((p): p is string => !!p);
  const d = single ? range(points) : undefined;
  return `, khoản ${k}${d ? `, điểm ${d}` : ''}`;
}

// ---------------------------------------------------------------- legal structure

interface Article {
  num: string;
  heading: string;
  /** Headings (Phần/Chương/Mục and their titles) printed right before the article. */
  prefix: string[];
  lines: string[];
  context: string[];
}

interface LegalParse {
  preamble: string[];
  articles: Article[];
  closing: string[];
}

/** A heading line that names the article ("Điều 10. Nhiệm vụ, quyền hạn ..."), not an untitled body. */
function articleHeading(num: string, rest: string): string {
  const title = rest.trim();
  if (!title || CLAUSE.test(title) || title.length > 400 || /[.;]$/u.test(title)) return `Điều ${num}`;
  return `Điều ${num}. ${title}`;
}

function parseLegal(lines: string[]): LegalParse | undefined {
  const kinds = lines.map(classify);
  // Quoted amendments and references can start a line with "Điều N." out of order; only a
  // rising sequence of article numbers is structure. Numbering may start again at "Điều 1" (a
  // decree followed by the regulation it issues), but only after it got past 1: a run of
  // "Điều 1." lines is a collection of forms (each template opens with one), not articles.
  let last = 0;
  const isArticle = kinds.map((k) => {
    if (k.kind !== 'article') return false;
    const dotted = k.num!.includes('.');
    const order = articleOrder(k.num!);
    if (dotted || order > last || (order === 1 && last !== 1)) {
      last = dotted ? last : order;
      return true;
    }
    return false;
  });
  if (isArticle.filter(Boolean).length < 2) return undefined;

  const preamble: string[] = [];
  const articles: Article[] = [];
  const closing: string[] = [];
  const ctx: { part?: string; chapter?: string; section?: string } = {};
  let pending: string[] = [];
  let current: Article | undefined;
  let started = false;
  let inClosing = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const k = kinds[i];
    if (inClosing) {
      closing.push(line);
      continue;
    }
    if (current && CLOSING.test(plainLine(line))) {
      inClosing = true;
      closing.push(line);
      continue;
    }
    const structural = k.kind === 'part' || k.kind === 'chapter' || k.kind === 'section';
    if (structural) {
      started = true;
      if (k.kind === 'part') {
        ctx.part = k.label;
        ctx.chapter = undefined;
        ctx.section = undefined;
      } else if (k.kind === 'chapter') {
        ctx.chapter = k.label;
        ctx.section = undefined;
      } else ctx.section = k.label;
      current = undefined;
      pending.push(line);
      continue;
    }
    if (k.kind === 'article' && isArticle[i]) {
      started = true;
      current = {
        num: k.num!,
        heading: articleHeading(k.num!, k.rest ?? ''),
        prefix: pending,
        lines: [line],
        context: [ctx.part, ctx.chapter, ctx.section].filter((x): x is string => !!x),
      };
      pending = [];
      articles.push(current);
      continue;
    }
    if (current) current.lines.push(line);
    else if (started) pending.push(line); // chapter titles between "Chương I" and "Điều 1"
    else preamble.push(line);
  }
  // Headings with no article after them (a trailing "Phụ lục" title) stay with the closing text.
  if (pending.length) closing.unshift(...pending);
  return { preamble, articles, closing };
}

function articleUnits(a: Article): Unit[] {
  const units: Unit[] = [];
  const head: Unit = { text: [...a.prefix, a.lines[0]].filter((l) => l.trim()).join('\n'), sep: '\n' };
  // "Điều 2. 1. Nhà nước ..." (Hiến pháp style): the first khoản shares the heading line.
  const inline = plainLine(a.lines[0]).match(/^(?:Điều|ĐIỀU)\s+\S+?[.:]\s*(\d{1,3}[a-zđ]?)\.\s+\S/u);
  if (inline) head.clause = inline[1];
  units.push(head);
  let cur: Unit | undefined = head;
  for (const line of a.lines.slice(1)) {
    if (!line.trim()) continue;
    const cm = plainLine(line).match(CLAUSE);
    if (cm) {
      cur = { text: line, clause: cm[1], sep: '\n' };
      units.push(cur);
    } else if (cur === head && !head.clause) {
      // Introductory text before khoản 1 is its own unit so a split can start at khoản 1.
      cur = { text: line, sep: '\n' };
      units.push(cur);
    } else {
      cur!.text += `\n${line}`;
    }
  }
  return units;
}

// ---------------------------------------------------------------- free text

const MD_HEADING = /^\s*#{1,6}\s+\S/u;
const BOLD_LINE = /^\s*\*\*[^*]+\*\*\s*$/u;
const ROMAN_HEADING = /^[IVXLC]+\.\s+\p{Lu}/u;
const TABLE_ROW = /^\s*\|/u;
const TABLE_SEP = /^\s*\|?\s*:?-{2,}/u;
/** A heading names something: it holds a word of two letters or more. */
const NAMES = /\p{L}{2}/u;

function isUpperHeading(line: string): boolean {
  const t = line.trim();
  const letters = t.replace(/[^\p{L}]/gu, '');
  return t.length <= 120 && letters.length >= 4 && letters === letters.toUpperCase() && !/[.;,]$/u.test(t);
}

function headingText(line: string): string {
  return plainLine(line).replace(/\*\*/g, '').trim();
}

interface FreeUnit extends Unit {
  section?: string;
}

/** "Phụ lục II" on a line of its own: an appendix, above the parts and headings inside it. */
const APPENDIX = /^(?:Phụ lục|PHỤ LỤC)\s+([IVXLC]+|\d+)\s*$/u;

/**
 * Where free text is: its appendix and part ("Phụ lục I", "Phần II") when it has them, then
 * its nearest heading. A heading written over several all-capital lines is one title.
 */
class SectionPath {
  private appendix?: string;
  private part?: string;
  private heading?: string;
  private lastWasUpperHeading = false;

  enter(text: string): void {
    const appendix = text.match(APPENDIX);
    const k = classify(text);
    if (appendix) {
      this.appendix = `Phụ lục ${appendix[1]}`;
      this.part = this.heading = undefined;
    } else if (k.kind === 'part' && text.length <= 20) {
      this.part = k.label;
      this.heading = undefined;
    } else {
      const upper = isUpperHeading(text);
      // "I. QUY ĐỊNH CHUNG" under a title is a heading of its own, not the title's next line.
      const continues = upper && this.lastWasUpperHeading && this.heading && !/^(?:[IVXLC]+|\d+)\./u.test(text);
      this.heading = continues ? `${this.heading} ${text}` : text;
      this.lastWasUpperHeading = upper;
      return;
    }
    this.lastWasUpperHeading = false;
  }

  /** Any line that is not a heading ends a title spread over several lines. */
  leave(): void {
    this.lastWasUpperHeading = false;
  }

  get locator(): string | undefined {
    return [this.appendix, this.part, this.heading].filter(Boolean).join(', ') || undefined;
  }
}

/** Paragraph units of free text, headings marked, tables kept as row groups. */
function freeUnits(lines: string[], max: number): FreeUnit[] {
  const units: FreeUnit[] = [];
  const path = new SectionPath();
  let section: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    if (TABLE_ROW.test(line)) {
      path.leave();
      const rows: string[] = [];
      while (i < lines.length && TABLE_ROW.test(lines[i])) rows.push(lines[i++]);
      i--;
      for (const t of tableUnits(rows, max)) units.push({ text: t, sep: '\n', section });
      continue;
    }
    // A form's blank ("#### ........ 1 ........") is laid out like a heading but names nothing.
    const isHeading =
      (MD_HEADING.test(line) || BOLD_LINE.test(line) || ROMAN_HEADING.test(line.trim()) || isUpperHeading(line)) && NAMES.test(headingText(line));
    if (isHeading) {
      path.enter(headingText(line));
      section = path.locator;
      units.push({ text: line.trim(), sep: '\n', heading: true, section });
      continue;
    }
    path.leave();
    for (const u of splitUnit({ text: line.trim(), sep: '\n' }, max)) units.push({ ...u, section });
  }
  // Consecutive heading lines ("# NGHỊ ĐỊNH" / "# QUY ĐỊNH ...") open one chunk together.
  for (let i = 1; i < units.length; i++) if (units[i].heading && units[i - 1].heading) units[i].heading = false;
  return units;
}

/** A table that does not fit is cut between rows; every part repeats the header so it stays readable. */
function tableUnits(rows: string[], max: number): string[] {
  const whole = rows.join('\n');
  if (whole.length <= max) return [whole];
  const hasHeader = rows.length > 2 && TABLE_SEP.test(rows[1]);
  const header = hasHeader ? rows.slice(0, 2).join('\n') : '';
  const body = hasHeader ? rows.slice(2) : rows;
  const out: string[] = [];
  let cur: string[] = [];
  const budget = max - (header ? header.length + 1 : 0);
  const flush = () => {
    if (cur.length) out.push([header, ...cur].filter(Boolean).join('\n'));
    cur = [];
  };
  for (const row of body) {
    if (row.length > budget) {
      flush();
      out.push(...hardSplit(row, max));
      continue;
    }
    if (cur.join('\n').length + row.length + 1 > budget) flush();
    cur.push(row);
  }
  flush();
  return out;
}

// ---------------------------------------------------------------- chunks

function chunkId(docId: string, locator: string | undefined, text: string, dup: number): string {
  const h = createHash('sha256').update(`${docId}\n${locator ?? ''}\n${text}`);
  if (dup > 0) h.update(`\n#${dup}`);
  return h.digest('hex').slice(0, 20);
}

export function chunkDocument(text: string, meta: DocMeta, opts: ChunkOptions = {}): Chunk[] {
  const max = Math.max(200, opts.maxChars ?? DEFAULT_MAX_CHARS);
  const overlap = Math.max(0, opts.overlapSentences ?? 1);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const drafts: Array<Omit<Chunk, 'id' | 'ord' | 'docId' | 'title' | 'number' | 'type'>> = [];

  const legal = parseLegal(lines);
  if (legal) {
    if (legal.preamble.some((l) => l.trim())) {
      for (const p of pack(freeUnits(legal.preamble, max).map(stripHeadingFlag), max)) {
        drafts.push({ text: p.text, locator: PREAMBLE_LOCATOR, heading: meta.title });
      }
    }
    for (const a of legal.articles) {
      const base = [...a.context, `Điều ${a.num}`].join(', ');
      const units = articleUnits(a);
      const whole = joinUnits(units);
      if (whole.length <= max) {
        drafts.push({ text: whole, locator: base, article: a.num, heading: a.heading });
        continue;
      }
      const pieces = pack(units.flatMap((u) => splitUnit(u, max)), max);
      for (const p of pieces) {
        drafts.push({ text: p.text, locator: base + subLocator(p.units), article: a.num, heading: a.heading });
      }
    }
    if (legal.closing.some((l) => l.trim())) {
      for (const p of pack(freeUnits(legal.closing, max).map(stripHeadingFlag), max)) {
        drafts.push({ text: p.text, locator: CLOSING_LOCATOR });
      }
    }
  } else {
    for (const p of pack(freeUnits(lines, max), max, overlap)) {
      // Located by its first paragraph's section: the headings opening a chunk lead up to it.
      const units = p.units as FreeUnit[];
      const section = (units.find((u) => u.section && !u.heading) ?? units.find((u) => u.section))?.section;
      drafts.push({ text: p.text, locator: section, heading: section });
    }
  }

  const seen = new Map<string, number>();
  return drafts
    .filter((d) => d.text.trim())
    .map((d, ord) => {
      const key = `${d.locator}\n${d.text}`;
      const dup = seen.get(key) ?? 0;
      seen.set(key, dup + 1);
      const chunk: Chunk = {
        id: chunkId(meta.docId, d.locator, d.text, dup),
        docId: meta.docId,
        text: d.text,
        ord,
        title: meta.title,
        type: meta.type,
      };
      if (d.locator) chunk.locator = d.locator;
      if (d.article) chunk.article = d.article;
      if (d.heading) chunk.heading = d.heading;
      if (meta.number) chunk.number = meta.number;
      return chunk;
    });
}

function stripHeadingFlag(u: FreeUnit): FreeUnit {
  return { ...u, heading: false };
}
