/**
 * Document metadata from the text itself: the administrative header of a Vietnamese
 * document (issuer, "Số: ...", "Hà Nội, ngày ... tháng ... năm ...", type word, title)
 * follows Nghị định 30/2020/NĐ-CP closely enough to be read with a few line rules.
 * Declared metadata (front matter, sidecar) always wins.
 */
import path from 'node:path';
import type { DocMeta, DocType } from '../core/types.js';
import { findDates, findDocNumbers, fold } from '../core/text.js';
import { toDocType } from './loaders/declared.js';

/** How far into the text the header (issuer, number, date, type, title) may reach. */
const HEADER_LINES = 40;

/** Type words as they open a title line, longest first so "bộ luật" wins over "luật". */
const TYPE_WORDS: Array<[string, DocType]> = [
  ['hien phap', 'Hiến pháp'],
  ['bo luat', 'Bộ luật'],
  ['nghi quyet', 'Nghị quyết'],
  ['nghi dinh', 'Nghị định'],
  ['thong tu lien tich', 'Thông tư'],
  ['thong tu', 'Thông tư'],
  ['quyet dinh', 'Quyết định'],
  ['chi thi', 'Chỉ thị'],
  ['ke hoach', 'Kế hoạch'],
  ['cong van', 'Công văn'],
  ['huong dan', 'Hướng dẫn'],
  ['bao cao', 'Báo cáo'],
  ['luat', 'Luật'],
];

/** Type from the code part of a document number ("30/2020/NĐ-CP", "221/KH-VKSTC"). */
const NUMBER_CODES: Array<[RegExp, DocType]> = [
  [/\/ND-/, 'Nghị định'],
  [/\/NQ-|\/NQ$/, 'Nghị quyết'],
  [/\/KH-|\/KH$/, 'Kế hoạch'],
  [/\/QD-|\/QD$/, 'Quyết định'],
  [/\/TTLT-|\/TT-/, 'Thông tư'],
  [/\/CT-|\/CT$/, 'Chỉ thị'],
  [/\/HD-|\/HD$/, 'Hướng dẫn'],
  [/\/BC-|\/BC$/, 'Báo cáo'],
  [/\/\d{4}\/QH\d+$/, 'Luật'],
];

/** Issuer implied by a number's code, for texts that lost their header. */
const NUMBER_ISSUERS: Array<[RegExp, string]> = [
  [/UBTVQH\d*$/, 'Ủy ban Thường vụ Quốc hội'],
  [/\/QH\d+$/, 'Quốc hội'],
  [/VPQH$/, 'Văn phòng Quốc hội'],
  [/-CP$/, 'Chính phủ'],
  [/-TTG$/, 'Thủ tướng Chính phủ'],
  [/VKSTC$/, 'Viện kiểm sát nhân dân tối cao'],
  [/TANDTC$/, 'Tòa án nhân dân tối cao'],
  [/-BCA$/, 'Bộ Công an'],
  [/-BTP$/, 'Bộ Tư pháp'],
  [/-BQP$/, 'Bộ Quốc phòng'],
];

/** All-caps header lines that are never the issuer. */
const NOT_ISSUER = /^(cong hoa xa hoi chu nghia viet nam|doc lap|dang cong san viet nam)/;

/** Lines of the preamble: they cite other documents and must not lend us their number or date. */
const CITATION_LINE = /^(can cu|theo de nghi|xet de nghi|thuc hien|\(kem theo|kem theo)/;

const ISSUER_HEAD =
  /^(quoc hoi|chinh phu|thu tuong|chu tich nuoc|uy ban|ubnd|hoi dong|bo |bo$|vien kiem sat|toa an|ban |van phong|cuc |vu |so |tong cuc|kiem toan|thanh tra|cong an|bch|dang uy|tinh uy|thanh uy)/;

interface Line {
  text: string;
  folded: string;
}

/** Strip Markdown decoration so "# NGHỊ ĐỊNH" and "**Số:** 30/2020" read like plain lines. */
function plain(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\s*>\s?/, '')
    .trim();
}

function isUpper(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Vietnamese sentence case for an ALL-CAPS heading, with the usual proper-noun repairs. */
export function sentenceCase(text: string): string {
  // Document numbers and Roman numerals keep their capitals ("30/2020/NĐ-CP", "Phụ lục I–VI").
  const words = text.split(/(\s+)/u).map((w) =>
    /\d/u.test(w) || /^[(]?[IVXLC]+(?:[–-][IVXLC]+)?[)]?[.,:]?$/u.test(w) ? w : w.toLocaleLowerCase('vi'),
  );
  const lower = words.join('');
  let s = lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
  for (const [re, fixed] of PROPER_NAMES) s = s.replace(re, fixed);
  // "... của luật bảo vệ bí mật nhà nước" → "... của Luật Bảo vệ bí mật nhà nước"
  s = s.replace(/(\s)(bộ luật|luật) (\p{Ll})/gu, (_m, sp: string, w: string, c: string) => {
    const word = w === 'bộ luật' ? 'Bộ luật' : 'Luật';
    return `${sp}${word} ${c.toLocaleUpperCase('vi')}`;
  });
  s = s.replace(/(^|\s)(bộ|tỉnh|thành phố|huyện|quận) (\p{Ll})/gu, (_m, sp: string, w: string, c: string) =>
    w === 'bộ' && sp === '' ? `Bộ ${c.toLocaleUpperCase('vi')}` : `${sp}${w} ${c.toLocaleUpperCase('vi')}`,
  );
  return s;
}

/** Names that keep a capital inside a sentence-cased title. */
const PROPER_NAMES: Array<[RegExp, string]> = [
  [/việt nam/gu, 'Việt Nam'],
  [/cộng hòa xã hội chủ nghĩa/gu, 'Cộng hòa xã hội chủ nghĩa'],
  [/cộng hoà xã hội chủ nghĩa/gu, 'Cộng hoà xã hội chủ nghĩa'],
  [/(?<!\p{L})viện kiểm sát nhân dân/gu, 'Viện kiểm sát nhân dân'],
  [/(?<!\p{L})tòa án nhân dân/gu, 'Tòa án nhân dân'],
  [/(?<!\p{L})quốc hội/gu, 'Quốc hội'],
  [/(?<!\p{L})chính phủ/gu, 'Chính phủ'],
  [/(?<!\p{L})nhân dân(?= (?:làm chủ|là|có)\b)/gu, 'Nhân dân'],
];

function typeAtStart(folded: string): { type: DocType; word: string } | undefined {
  for (const [word, type] of TYPE_WORDS) {
    if (folded === word || folded.startsWith(`${word} `) || folded.startsWith(`${word}:`)) return { type, word };
  }
  return undefined;
}

function detectNumber(lines: Line[]): string | undefined {
  // "Số: 221/KH-VKSTC", "Luật số: 29/2018/QH14", "Văn bản hợp nhất số: 01/VBHN-VPQH"
  for (const l of lines) {
    if (CITATION_LINE.test(l.folded)) continue;
    const m = l.folded.match(/^(?:[a-z]+\s+){0,4}so\s*(?:hieu\s*)?:\s*/);
    if (!m) continue;
    const num = findDocNumbers(l.text.slice(m[0].length))[0];
    if (num) return num;
  }
  // "NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP ..." as a title line
  for (const l of lines) {
    if (!typeAtStart(l.folded)) continue;
    const m = l.folded.match(/^(?:[a-z]+\s+){1,3}(?:so\s+)?\d/);
    if (!m) continue;
    const num = findDocNumbers(l.text)[0];
    if (num) return num;
  }
  return undefined;
}

function detectDate(lines: Line[]): string | undefined {
  for (const l of lines) {
    if (CITATION_LINE.test(l.folded)) continue;
    // "Hà Nội, ngày 31 tháng 01 năm 2026" (place, comma, date) — possibly after other header text.
    const m = l.folded.match(/[a-z][a-z .-]*,\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}/);
    if (m) return findDates(m[0])[0];
  }
  for (const l of lines.slice(0, 6)) {
    // News dateline: "07:02, 30/08/2024" or "Thứ Hai, 30/08/2024 07:02".
    if (/\d{1,2}:\d{2}/.test(l.folded) && l.text.length < 60) {
      const d = findDates(l.text)[0];
      if (d) return d;
    }
  }
  return undefined;
}

function tidyIssuer(text: string): string {
  const cut = text
    .replace(/\s{2,}.*$/u, '')
    .replace(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM/gu, '')
    .replace(/[-_]+$/u, '')
    .trim();
  return isUpper(cut) ? sentenceCase(cut) : cut;
}

function detectIssuer(lines: Line[], number?: string): string | undefined {
  for (const l of lines.slice(0, 8)) {
    if (!isUpper(l.text) || NOT_ISSUER.test(l.folded)) continue;
    if (typeAtStart(l.folded)) continue;
    if (ISSUER_HEAD.test(l.folded)) return tidyIssuer(l.text);
  }
  if (number) {
    const key = fold(number).toUpperCase();
    for (const [re, issuer] of NUMBER_ISSUERS) if (re.test(key)) return issuer;
  }
  return undefined;
}

/** The type line ("NGHỊ ĐỊNH", "LUẬT BẢO VỆ ...") and the title built from it. */
function detectTitle(lines: Line[]): { type?: DocType; title?: string } {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (CITATION_LINE.test(l.folded) || NOT_ISSUER.test(l.folded)) continue;
    if (/^so\b/.test(l.folded)) continue;
    const t = typeAtStart(l.folded);
    if (!t) continue;
    // A type word opens the title only when set apart: in capitals, or alone on its line.
    const alone = l.folded === t.word;
    if (!alone && !isUpper(l.text)) continue;
    const typeLabel = t.type;
    if (!alone) {
      return { type: t.type, title: normaliseTitle(l.text, typeLabel, t.word) };
    }
    // "NGHỊ ĐỊNH" then the subject on the next line(s): "Quy định chi tiết ..."
    const subject: string[] = [];
    for (let j = i + 1; j < lines.length && subject.length < 3; j++) {
      const n = lines[j];
      if (!n.text) continue;
      if (CITATION_LINE.test(n.folded) || /^(chuong|dieu|phan|muc)\s/.test(n.folded) || /^[(_-]/.test(n.text)) break;
      if (/^(so\b|[a-z ]+,\s*ngay\s)/.test(n.folded)) break;
      subject.push(n.text);
      if (/[.;:]$/.test(n.text)) break;
      // A one-line subject is the norm; go on only while the line is visibly wrapped (lower-case next).
      const next = lines[j + 1];
      if (!next || !/^\p{Ll}/u.test(next.text)) break;
    }
    const subj = subject.join(' ').replace(/[.;:]$/, '').trim();
    if (!subj) return { type: t.type, title: typeLabel };
    const body = isUpper(subj) ? sentenceCase(subj) : subj;
    // Laws are named ("Luật Giao dịch điện tử"); other types describe ("Nghị định quy định ...").
    const named = typeLabel === 'Luật' || typeLabel === 'Bộ luật';
    const first = named ? body.charAt(0).toLocaleUpperCase('vi') : body.charAt(0).toLocaleLowerCase('vi');
    return { type: t.type, title: `${typeLabel} ${first}${body.slice(1)}` };
  }
  return {};
}

function normaliseTitle(text: string, type: DocType, word: string): string {
  const s = isUpper(text) ? sentenceCase(text) : text;
  const rest = s.slice(word.length).trim();
  if (!rest) return type;
  const named = type === 'Luật' || type === 'Bộ luật';
  const first = named ? rest.charAt(0).toLocaleUpperCase('vi') : rest.charAt(0).toLocaleLowerCase('vi');
  return `${type} ${first}${rest.slice(1)}`.replace(/\s+/g, ' ');
}

function looksLikeNews(text: string, relPath: string, lines: Line[]): boolean {
  if (/(^|[/_.-])(tin-?tuc|news|bai-?viet|thoi-?su|seeds?)([/_.-]|$)/i.test(relPath)) return true;
  if (/^(Điều|ĐIỀU)\s+\d+\./mu.test(text)) return false;
  const dateline = lines.slice(0, 6).some((l) => /\d{1,2}:\d{2}/.test(l.folded) && findDates(l.text).length > 0);
  const caption = /(^|\n)[^\n]{0,200}\bẢnh:\s/u.test(text);
  const reporting = (text.match(/(?<!\p{L})đồng chí(?!\p{L})/giu)?.length ?? 0) >= 2;
  return dateline || caption || reporting;
}

function fallbackTitle(lines: Line[], relPath: string): string {
  for (const l of lines.slice(0, 10)) {
    if (!l.text || l.text.length > 160 || /[.;:,]$/.test(l.text)) continue;
    if (/^\d{1,2}:\d{2}/.test(l.text) || RULE_LINE.test(l.text)) continue;
    return isUpper(l.text) ? sentenceCase(l.text) : l.text;
  }
  const base = path.basename(relPath).replace(/\.[^.]+$/, '');
  return base.replace(/[_-]+/g, ' ').trim() || relPath;
}

const RULE_LINE = /^[-_=*–—.\s]+$/u;

export function detectMetadata(text: string, declared: Partial<DocMeta>, relPath: string): DocMeta {
  const docId = relPath.split(path.sep).join('/').replace(/\\/g, '/');
  const lines: Line[] = text
    .split('\n')
    .slice(0, HEADER_LINES * 2)
    .map((raw) => plain(raw))
    .filter((t) => t && !RULE_LINE.test(t))
    .slice(0, HEADER_LINES)
    .map((t) => ({ text: t, folded: fold(t) }));

  const number = detectNumber(lines);
  const { type: titleType, title } = detectTitle(lines);
  let type: DocType | undefined = titleType;
  if (!type && number) {
    const key = fold(number).toUpperCase();
    type = NUMBER_CODES.find(([re]) => re.test(key))?.[1];
  }
  if (!type && /\bV\/v\b/u.test(text.slice(0, 3000)) && number) type = 'Công văn';
  if (!type) type = looksLikeNews(text, docId, lines) ? 'Tin tức' : 'Khác';

  const detected: DocMeta = {
    docId,
    source: docId,
    title: title ?? fallbackTitle(lines, docId),
    type,
    number,
    issuer: detectIssuer(lines, number),
    date: detectDate(lines),
  };

  const meta: DocMeta = { ...detected };
  for (const [k, v] of Object.entries(declared) as Array<[keyof DocMeta, unknown]>) {
    if (v === undefined || v === null || v === '') continue;
    if (k === 'docId' || k === 'source') continue;
    if (k === 'type') {
      const t = typeof v === 'string' ? toDocType(v) : undefined;
      if (t) meta.type = t;
      continue;
    }
    (meta as unknown as Record<string, unknown>)[k] = v;
  }
  for (const k of Object.keys(meta) as Array<keyof DocMeta>) if (meta[k] === undefined) delete meta[k];
  return meta;
}
