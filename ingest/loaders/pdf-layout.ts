/**
 * PDF text-layer clean-up, pure: page texts in, flowing text out.
 *
 * A PDF gives visual lines: paragraphs wrap mid-sentence, pages carry numbers and running
 * headers/footers, words are hyphenated at line ends. Retrieval and chunking want the
 * logical text back, with the legal structure (Chương / Điều / khoản / điểm) still one per line.
 */

/** Lines that are only a page number: "3", "- 3 -", "Trang 3", "Trang 3/29", "3/29", "Page 3 of 29". */
const PAGE_NUMBER =
  /^\s*(?:[-–—]\s*)?(?:(?:trang|page)\s*)?\d{1,4}(?:\s*(?:\/|of|trên)\s*\d{1,4})?(?:\s*[-–—])?\s*$/iu;

/** Decorative rules under the header ("_________", "-----"). */
const RULE = /^\s*[-_–—=.*·•]{3,}\s*$/u;

/** Lines that open a new logical unit and must never be glued to the previous line. */
const BLOCK_START = new RegExp(
  [
    String.raw`(?:Phần|PHẦN)\s+(?:thứ\s+\S+|THỨ\s+\S+|[IVXLC]+\b|\d+\b)`,
    String.raw`(?:Chương|CHƯƠNG)\s+(?:[IVXLC]+|\d+)\b`,
    String.raw`(?:Mục|MỤC)\s+(?:[IVXLC]+|\d+)\b`,
    String.raw`(?:Điều|ĐIỀU)\s+\d+[a-zđ]?\s*[.:]`,
    String.raw`\d{1,3}[a-zđ]?\.\s`,
    String.raw`[a-zđ]\d?\)\s`,
    String.raw`[IVXLC]+\.\s`,
    String.raw`[-–—+•*]\s`,
    String.raw`(?:Số|Căn cứ|Theo đề nghị|Nơi nhận|TM\.|KT\.|Q\.|TL\.)`,
    String.raw`(?:“|")?(?:Điều)\s+\d+[a-zđ]?\.`,
  ].map((s) => `^(?:${s})`).join('|'),
  'u',
);

const HEADING_START = /^(?:#+\s*)?(?:\*\*)?(?:Phần|Chương|Mục|Điều)\s+\S+/iu;

const SENTENCE_END = /[.;:!?…”"»)]\s*$/u;

function isUpperLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function canonicalEdge(line: string): string {
  return line.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** Drop page numbers and running headers/footers (lines repeated at the same edge of many pages). */
export function stripPageFurniture(pages: string[]): string[][] {
  const split = pages.map((p) => p.split('\n').map((l) => l.replace(/\s+$/u, '')));
  const edgeCount = new Map<string, number>();
  for (const lines of split) {
    const nonEmpty = lines.filter((l) => l.trim());
    const edges = new Set([...nonEmpty.slice(0, 2), ...nonEmpty.slice(-2)].map(canonicalEdge));
    for (const e of edges) edgeCount.set(e, (edgeCount.get(e) ?? 0) + 1);
  }
  const repeated = new Set(
    [...edgeCount].filter(([, n]) => pages.length >= 3 && n >= Math.max(3, pages.length * 0.5)).map(([e]) => e),
  );
  return split.map((lines) => {
    const idx = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
    const edgeIdx = new Set([...idx.slice(0, 2), ...idx.slice(-2)]);
    return lines.filter((l, i) => {
      if (!edgeIdx.has(i)) return true;
      if (PAGE_NUMBER.test(l)) return false;
      return !repeated.has(canonicalEdge(l));
    });
  });
}

/**
 * Re-join visual lines into logical paragraphs. A line is glued to the previous one when the
 * previous one does not end a sentence and this one does not open a structural unit; a short
 * unterminated line before a capitalised one is a heading or a paragraph end, and stays.
 */
export function joinWrappedLines(lines: string[]): string {
  const widths = lines.map((l) => l.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  const typical = widths.length ? widths[Math.floor(widths.length * 0.8)] : 80;
  const out: string[] = [];
  let prevRaw = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      if (out.length && out[out.length - 1] !== '') out.push('');
      prevRaw = '';
      continue;
    }
    if (RULE.test(line)) continue;
    const prev = out.length ? out[out.length - 1] : '';
    if (prev && prevRaw && shouldJoin(prevRaw, line, typical)) {
      if (/\p{L}-$/u.test(prev) && /^\p{Ll}/u.test(line)) {
        out[out.length - 1] = prev.slice(0, -1) + line;
      } else {
        out[out.length - 1] = `${prev} ${line}`;
      }
    } else {
      out.push(line);
    }
    prevRaw = line;
  }
  return out.join('\n');
}

function shouldJoin(prevLine: string, line: string, typical: number): boolean {
  if (BLOCK_START.test(line)) return false;
  if (isUpperLine(line) || isUpperLine(prevLine)) return false;
  if (SENTENCE_END.test(prevLine)) return false;
  // Continuation in lower case (or a number/date carried over) is always part of the same sentence.
  if (/^[\p{Ll}\d(“"]/u.test(line)) return true;
  // A heading ("Điều 21. Quy định chuyển tiếp ...") is followed by its body on a new line.
  // A reference carried to the next line ("... quy định tại\nĐiều 7 của Nghị quyết") still continues it.
  if (HEADING_START.test(prevLine)) return /^(?:Điều|khoản|điểm)\s+\d+[a-zđ]?\s+(?![.:])/u.test(line);
  // Capitalised next line: glue only when the previous line ran to the full width, i.e. it wrapped.
  return prevLine.length >= typical * 0.75;
}

/** The whole clean-up: page furniture out, wrapped lines joined. */
export function cleanPdfPages(pages: string[]): string {
  const kept = stripPageFurniture(pages);
  // A page break is a line wrap like any other: paragraphs routinely continue across pages.
  return joinWrappedLines(kept.flat());
}
