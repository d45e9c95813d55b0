/**
 * Cuts a chunk into the pieces an extractive answer may quote: whole khoản /
 * điểm lines, whole sentences of prose, and for list questions a khoản (or an
 * introductory line ending with ":") together with its điểm. Nothing is ever
 * cut inside a sentence, so numbers, dates and document numbers stay whole.
 */
import type { Chunk } from '../types.js';
import { memoize } from '../memo.js';

export type UnitShape = 'line' | 'sentence' | 'block';

export interface Unit {
  text: string;
  shape: UnitShape;
  /** Order of the unit's first line in its chunk. */
  index: number;
  /** For a điểm (or a list item), the khoản / lead-in line it belongs to: quoted with it. */
  parent?: string;
  /** For a lead-in line ending with ":", its whole block (lead-in plus items). */
  block?: string;
  /**
   * For a numbered line under an unnumbered lead-in ending with ":" ("Không được khởi tố vụ án
   * hình sự khi có một trong các căn cứ sau:"), that lead-in: quoted above it, but not read with
   * it for ranking (a khoản answers by its own words; its lead-in says what it is a case of).
   */
  context?: string;
}

const KHOAN = /^\d{1,3}[.)]\s/;
/** A điểm that only names a case, without a verb's sentence: short, unpunctuated ("a) Đối với hồ sơ giấy"). */
const TITLE_ITEM = /^[a-zđ]\)\s[^.;:!?]{3,60}$/u;
const DIEM = /^[a-zđ]\)\s|^[-–•+]\s/u;
/** Prose lines longer than this are split into sentences. */
const LONG_LINE = 360;
/**
 * Blocks longer than this are not offered whole. A list longer than an answer still is: the
 * composer quotes its lead-in and as many items as fit (BLTTHS's "Bị can có quyền:" runs to
 * 1,900 characters), which answers "có những quyền gì" better than one item under its lead-in.
 */
const LONG_BLOCK = 4000;

/**
 * Sentence split for prose. Unlike splitSentences (core/text.ts), it does not split at
 * ";" or ":", because Vietnamese plans list their targets inside one sentence
 * ("gồm có: 70% ...; 20% ...") and a list item without its lead-in answers nothing.
 */
export function splitProse(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}"“(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:": the lead-in of a law's definitions,
 * which says nothing a definition ("4. Không gian mạng quốc gia là …") does not.
 */
const DEFINITIONS_LEAD = /(từ ngữ|thuật ngữ).*\bhiểu như sau:\s*$/iu;

/** A Markdown heading ("## Các bước ...") names a section; it never answers. */
const MD_HEADING = /^#{1,6}\s/u;

/** A row of a Markdown table (its cells captured), and the rule under its header ("| --- | :---: |"). */
export const TABLE_ROW = /^\|(.*)\|$/u;
export const TABLE_RULE = /^\|(\s*:?-{3,}:?\s*\|)+$/u;

/** A heading's title: "Điều 10. Rút khiếu nại" → "Rút khiếu nại"; a guide's "## Các bước …" → "Các bước …". */
export function headingTitle(heading: string): string {
  return heading.replace(/^\s*(Điều\s+\d+[a-zđ]?\.|#+)\s*/iu, '');
}

/** Markdown emphasis ("**không bảo đảm**") is layout, not text: quoted without it. */
export function plainText(line: string): string {
  if (!line.includes('*')) return line;
  return line.replace(/\*\*(.+?)\*\*/gu, '$1').replace(/(^|\s)\*(\S.*?)\*(?=\s|$|[.,;:])/gu, '$1$2');
}

function isHeadingLine(line: string, chunk: Chunk): boolean {
  if (MD_HEADING.test(line)) return true;
  if (chunk.heading && line === chunk.heading.trim()) return true;
  // A title in capitals ("GIAO KẾT VÀ THỰC HIỆN HỢP ĐỒNG ĐIỆN TỬ") names the chapter or section that follows.
  if (isCapitalTitle(line)) return true;
  // Structural headings carry no answer: "Điều 30. Thời hạn ...", "Chương III", "Mục 2".
  return /^(Điều\s+\d+[a-zđ]?\.|Chương\s+[IVXLC\d]+\b|Mục\s+\d+\b|Phần\s+(thứ\s+)?\S+$)/iu.test(line) && line.length < 200;
}

/** A line in capitals with a few words of them: acronyms alone ("VKSND") are not a title. */
function isCapitalTitle(line: string): boolean {
  // A lower-case ASCII letter rules it out without an upper-cased copy of every line.
  return line.length < 200 && !/[a-z]/.test(line) && line === line.toUpperCase() && (line.match(/\p{Lu}/gu)?.length ?? 0) >= 8 && /\p{L}\s+\p{L}/u.test(line);
}

/** The pieces of a chunk, computed once per chunk object (treat the result as read-only). */
export const unitsOf: (chunk: Chunk) => readonly Unit[] = memoize(splitUnits);

function splitUnits(chunk: Chunk): Unit[] {
  const lines = chunk.text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l && !MD_HEADING.test(l))
    .map(plainText);
  const units: Unit[] = [];
  let leadIn: string | undefined;
  let listLead: string | undefined;
  let tableHead: string | undefined;
  // "a) Đối với hồ sơ giấy" over the prose that says it: a điểm that is only a title.
  let titled: string | undefined;
  let titleLine: string | undefined;
  let titleAt = -1;
  lines.forEach((line, i) => {
    if (isHeadingLine(line, chunk)) return;
    // A Markdown table: its header row names the columns and answers nothing; each row is read and
    // quoted under it ("| STT | Tên loại văn bản | Chữ viết tắt |" over "|  | Tờ trình | TTr |").
    if (TABLE_ROW.test(line)) {
      if (TABLE_RULE.test(line)) return;
      if (i + 1 < lines.length && TABLE_RULE.test(lines[i + 1])) {
        tableHead = `${line}\n${lines[i + 1]}`;
        return;
      }
      units.push({ text: line, shape: 'line', index: i, parent: tableHead });
      return;
    }
    tableHead = undefined;
    const isItem = DIEM.test(line);
    const numbered = KHOAN.test(line);
    const prose = !isItem && !numbered && !/:\s*$/.test(line);
    if (prose && titled) {
      // The title alone ("3. Thủ tục nộp lưu / a) Đối với hồ sơ giấy") says nothing: its prose answers.
      if (titleLine !== undefined) {
        // Only the title's own line and its khoản's block, pushed just before the prose.
        for (let k = units.length - 1; k >= 0 && units[k].index >= titleAt - 1; k--) if (units[k].text === titleLine || units[k].text === titled) units.splice(k, 1);
        titleLine = undefined;
      }
      // Read and quoted under its title, as a điểm is under its khoản.
      for (const s of line.length > LONG_LINE ? splitProse(line) : [line]) {
        units.push({ text: s, shape: line.length > LONG_LINE ? 'sentence' : 'line', index: i, parent: titled });
      }
      return;
    }
    titled = isItem && TITLE_ITEM.test(line) ? [leadIn, line].filter(Boolean).join('\n') : undefined;
    titleLine = titled ? line : undefined;
    titleAt = i;
    if (!isItem && !numbered) listLead = /:\s*$/.test(line) && !DEFINITIONS_LEAD.test(line) ? line : undefined;
    if (!isItem) leadIn = numbered || /:\s*$/.test(line) ? line : undefined;
    if (line.length > LONG_LINE && !KHOAN.test(line) && !isItem) {
      for (const s of splitProse(line)) units.push({ text: s, shape: 'sentence', index: i });
    } else {
      units.push({ text: line, shape: 'line', index: i, parent: isItem ? leadIn : undefined, context: numbered ? listLead : undefined });
    }
    const self = units[units.length - 1];
    // A khoản, or a lead-in ending with ":", followed by its điểm: offered whole for list questions.
    const leadsList = KHOAN.test(line) || /:\s*$/.test(line);
    if (!leadsList) return;
    const items: string[] = [];
    for (let j = i + 1; j < lines.length && DIEM.test(lines[j]); j++) items.push(lines[j]);
    if (!items.length && /:\s*$/.test(line)) {
      // "... sau đây:" followed by numbered khoản (a whole article that is a list).
      for (let j = i + 1; j < lines.length && KHOAN.test(lines[j]); j++) items.push(lines[j]);
    }
    if (!items.length) return;
    const block = [line, ...items].join('\n');
    if (/:\s*$/.test(line)) self.block = block;
    if (block.length <= LONG_BLOCK) units.push({ text: block, shape: 'block', index: i });
  });
  const list = articleList(lines, chunk);
  if (list) units.push(list);
  return units;
}

/** Fewest short khoản for an article to read as one list ("Hệ thống Viện kiểm sát gồm: 1. ... 5. ..."). */
const MIN_LIST_ITEMS = 3;
const SHORT_ITEM = 240;

/**
 * An article that is nothing but a few short khoản, with no lead-in line, is one list under its
 * heading ("Điều 40. Hệ thống Viện kiểm sát nhân dân / 1. ... tối cao. / 2. ... cấp cao. ..."):
 * offered whole, heading first, so "gồm những cấp nào" is answered by every item.
 */
function articleList(lines: string[], chunk: Chunk): Unit | undefined {
  // A chapter title in capitals ("TỔ CHỨC CỦA VIỆN KIỂM SÁT NHÂN DÂN") heads the chapter, not the list.
  const body = lines.map((line, i) => ({ line, i })).filter((x) => !isHeadingLine(x.line, chunk));
  if (body.length < MIN_LIST_ITEMS) return undefined;
  if (!body.every((x) => KHOAN.test(x.line) && x.line.length <= SHORT_ITEM)) return undefined;
  const heading = lines.find((l) => /^Điều\s+\d+[a-zđ]?\.\s/u.test(l));
  if (!heading) return undefined;
  const text = [heading, ...body.map((x) => x.line)].join('\n');
  return text.length <= LONG_BLOCK ? { text, shape: 'block', index: body[0].i } : undefined;
}
