/**
 * Post-OCR clean-up for Vietnamese legal text. Pure: text in, text out.
 *
 * The rules target how Tesseract misreads scanned Vietnamese documents, not one
 * file: look-alike code points (Icelandic Ð for Đ), combining marks Vietnamese
 * never uses (diaeresis, caron…), the structural words chunking depends on
 * ("Điều", "khoản", "điểm") losing their tone, stray marks from stamps and
 * punch holes, page numbers, and lines wrapped mid-sentence.
 */

/** Combining marks of the Vietnamese alphabet; any other mark on a letter is OCR noise. */
const VIETNAMESE_MARKS = new Set([0x0300, 0x0301, 0x0302, 0x0303, 0x0306, 0x0309, 0x031b, 0x0323]);

/** Letters that look like Vietnamese ones but are other code points. */
const LOOKALIKES: Record<string, string> = {
  '\u00d0': 'Đ', // Ð Icelandic eth
  '\u00f0': 'đ',
  '\u0189': 'Đ', // Ɖ African D
  '\u0256': 'đ',
  '\u00f8': 'ơ',
  '\u00d8': 'Ơ',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
};

/** NFC, look-alike letters mapped, foreign combining marks dropped ("ä" → "a", "thaÿ" → "thay"). */
export function normaliseLetters(text: string): string {
  let t = text.normalize('NFC').replace(/[\u00d0\u00f0\u0189\u0256\u00f8\u00d8\ufb01\ufb02]/g, (c) => LOOKALIKES[c] ?? c);
  t = t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, (m) => (VIETNAMESE_MARKS.has(m.codePointAt(0)!) ? m : ''))
    .normalize('NFC');
  return t.replace(/[\u200b-\u200d\ufeff\u00ad]/g, '');
}

// Vowel e with any tone, with or without circumflex: the tone on "ề" is what OCR drops or swaps.
const E_ANY = '[eéèẻẽẹêếềểễệ]';
const DIEU_NUM = new RegExp(`(?<![\\p{L}\\p{N}])([ĐđD])i${E_ANY}u(\\s+)(\\d+|[IVXLC]+\\b)`, 'gu');
const DIEM_POINT = new RegExp(`(?<![\\p{L}\\p{N}])([đĐ])i${E_ANY}m(\\s+)([a-zđ])(?=\\s*(?:[,;)]|khoản|\\s[Đđ]iều|$))`, 'gmu');
const KHOAN_NUM = /(?<![\p{L}\p{N}])([Kk])ho[aáàảãạăắằẳẵặâấầẩẫậ]n(\s+)(\d+)/gu;

/**
 * "Điêu 2", "Ðiếu 3" → "Điều 2"; "điệm a khoản" → "điểm a khoản"; "khoán 1" → "khoản 1".
 * Only before a number (or a point letter), where no other word fits.
 */
export function fixStructureWords(text: string): string {
  // "khoản" and "Điều" first: the "điểm" rule looks for them after the point letter.
  return text
    .replace(KHOAN_NUM, (_m, k: string, sp: string, n: string) => `${k}hoản${sp}${n}`)
    .replace(DIEU_NUM, (_m, d: string, sp: string, n: string) => `${d === 'đ' ? 'đ' : 'Đ'}iều${sp}${n}`)
    .replace(DIEM_POINT, (_m, d: string, sp: string, p: string) => `${d}iểm${sp}${p}`);
}

/** Tokens made only of marks OCR invents from specks, rules and stamp edges. */
const JUNK_TOKEN = /^(?:[`_~|¬^ˆ⁄\\•·°]+|[-—–_.~`¬]{2,}|[“”"‘’']+)$/u;

/** A point marker read as a symbol: "©)" is how tesseract reads "c)". */
function fixPointMarkers(line: string): string {
  return line.replace(/^([©®])\)/u, (_m, c: string) => (c === '©' ? 'c)' : 'r)'));
}

export function stripJunk(line: string): string {
  let tokens = fixPointMarkers(line.trim()).split(/\s+/).filter((t) => t && !JUNK_TOKEN.test(t));
  // Leading debris before a list marker: "` -_ 1. Nghị định", ": - Văn phòng", "Ö_ a) Sĩ quan".
  while (tokens.length > 1 && /^[^\p{L}\p{N}]+$|^\p{Lu}?[_`:|]+$/u.test(tokens[0]) && !/^[-–+]$/.test(tokens[0])) tokens = tokens.slice(1);
  if (tokens.length > 1 && /^[:;,.]$/.test(tokens[0])) tokens = tokens.slice(1);
  // Trailing debris after the sentence has ended: "…cao nhất là Trung tướng; Ặ", "Nguồn kinh phí |".
  while (tokens.length > 1 && /[.;:,]$/.test(tokens[tokens.length - 2]) && /^[\p{L}\p{P}\p{S}]$/u.test(tokens[tokens.length - 1])) tokens.pop();
  while (tokens.length > 1 && /^[^\p{L}\p{N}]+$/u.test(tokens[tokens.length - 1]) && !/^[)”"]$/.test(tokens[tokens.length - 1])) tokens.pop();
  return tokens
    .join(' ')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/(\d)\s+\/\s*(\d{4}\/)/g, '$1/$2'); // "199 /2026/NĐ-CP"
}

/** Line starts that open a new structural unit and must never be glued to the line before. */
const STRUCTURE_START = new RegExp(
  [
    `^(?:[ĐđD]i${E_ANY}u|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\\s+[\\dIVXLC]`,
    '^\\d{1,3}[.)]\\s',
    '^\\d{1,3}\\.\\d', // 1.1 sub-numbering
    '^[a-zđ]\\)\\s',
    '^[-–+•*]\\s',
    '^(?:Căn cứ|Nơi nhận|Theo đề nghị|TM\\.|KT\\.|Q\\.)',
  ].join('|'),
  'u',
);

const HEADING = new RegExp(`^(?:[ĐđD]i${E_ANY}u|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\\s+[\\dIVXLC]+`, 'u');

function isUpperLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/**
 * Joins lines a scanner wrapped mid-sentence. A line is continued by the next
 * when it does not end a sentence, is not a heading or an all-caps title, and
 * either the next line starts in lower case or this line runs (nearly) the full
 * text width, which is what a wrapped line does.
 */
export function joinWrappedLines(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const lengths = lines.map((l) => l.length).filter((n) => n >= 20).sort((a, b) => a - b);
  const fullWidth = lengths.length ? lengths[Math.floor(lengths.length * 0.75)] * 0.8 : Infinity;
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let cur = lines[i++];
    if (!cur) {
      out.push('');
      continue;
    }
    for (;;) {
      // Look past a single blank line: OCR often splits one paragraph into two blocks.
      let j = i;
      if (j < lines.length && !lines[j] && j + 1 < lines.length) j++;
      const next = lines[j];
      if (!next || j >= lines.length) break;
      const endsSentence = /[.;:!?]["”)]?$/u.test(cur);
      if (endsSentence || HEADING.test(cur) || isUpperLine(cur) || STRUCTURE_START.test(next) || isUpperLine(next)) break;
      const lowerStart = /^[\p{Ll}\d(]/u.test(next);
      const wrapped = cur.length >= fullWidth || /[,\-–]$/.test(cur);
      if (!lowerStart && !wrapped) break;
      if (j > i && !lowerStart) break; // across a blank line only an obvious continuation
      cur = `${cur} ${next}`;
      i = j + 1;
    }
    out.push(cur);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A line that is only a page number: "3", "- 3 -", "Trang 3", "3/12", or the page number with a speck. */
function isPageNumberLine(line: string, pageNo: number): boolean {
  const t = line.trim();
  if (/^[-–—\s]*(?:trang\s*)?\d{1,4}(?:\s*\/\s*\d{1,4})?[-–—\s]*$/iu.test(t)) return true;
  const tokens = t.split(/\s+/);
  return t.length <= 12 && tokens.length <= 3 && tokens.includes(String(pageNo)) && tokens.every((tok) => tok.length <= 4);
}

function headerKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Removes page numbers and running headers/footers: the first and last two
 * lines of a page that are a page number, or that repeat (digits ignored) at
 * the same end of most pages.
 */
export function removePageFurniture(pages: readonly string[]): string[] {
  const split = pages.map((p) => p.split('\n'));
  const edgeCounts = new Map<string, number>();
  const edges = (lines: string[]) => {
    const idx = lines.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
    return [...idx.slice(0, 2), ...idx.slice(-2)];
  };
  for (const lines of split) {
    for (const key of new Set(edges(lines).map((i) => headerKey(lines[i])))) edgeCounts.set(key, (edgeCounts.get(key) ?? 0) + 1);
  }
  const repeatedMin = Math.max(2, Math.ceil(pages.length * 0.6));
  return split.map((lines, p) => {
    const drop = new Set(
      edges(lines).filter((i) => {
        const line = lines[i];
        return isPageNumberLine(line, p + 1) || (pages.length >= 2 && headerKey(line).length >= 4 && (edgeCounts.get(headerKey(line)) ?? 0) >= repeatedMin);
      }),
    );
    return lines.filter((_l, i) => !drop.has(i)).join('\n');
  });
}

/** Clean one page's (or one image's) OCR text. */
export function cleanOcrText(text: string): string {
  const lines = normaliseLetters(text)
    .split('\n')
    .map((l) => stripJunk(fixStructureWords(l.replace(/[ \t]+/g, ' ').trim())));
  return joinWrappedLines(lines.join('\n'));
}

/** Clean a whole document: page furniture off, each page cleaned, pages joined. */
export function cleanOcrPages(pages: readonly string[]): string[] {
  return removePageFurniture(pages.map((p) => normaliseLetters(p))).map(cleanOcrText);
}
