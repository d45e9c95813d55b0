/**
 * Classified-document screening before anything is indexed.
 *
 * A classified document carries a marking (dấu chỉ độ mật): a stamp line "MẬT", "TỐI MẬT",
 * "TUYỆT MẬT" in the header (sometimes at the end), or an "Độ mật: ..." line, or a
 * classification declared in metadata. Only stamp-like lines count: a public law that
 * talks about "tài liệu có nội dung thuộc độ Tuyệt mật" in its body is not classified.
 * When a line is nothing but a marking, we quarantine even if it is oddly written
 * (spaced letters, no diacritics, brackets): that is where failing closed costs little.
 */
import type { DocMeta } from '../core/types.js';
import { fold } from '../core/text.js';

export type Marking = 'MẬT' | 'TỐI MẬT' | 'TUYỆT MẬT' | 'ĐỘ MẬT' | 'METADATA';

export interface ScreenResult {
  classified: boolean;
  marking?: Marking;
  /** 1-based line of the marking in the text. */
  line?: number;
}

/** Lines from the top where stamps sit, and from the bottom for stamps placed at the end. */
const HEAD_LINES = 40;
const TAIL_LINES = 15;

/** Folded, letters only → marking. */
const STAMPS: Record<string, Exclude<Marking, 'ĐỘ MẬT' | 'METADATA'>> = {
  mat: 'MẬT',
  toimat: 'TỐI MẬT',
  tuyetmat: 'TUYỆT MẬT',
};

/** Reduce a stamp candidate to its letters: "[ T Ố I  M Ậ T ]" → "toimat", "**MẬT**" → "mat". */
function stampKey(segment: string): string {
  return fold(segment).replace(/[^a-z]/g, '');
}

/** Decoration that may surround a stamp: brackets, asterisks, box drawing, quotes, dots, dashes. */
const DECORATION = /^[\s\p{P}\p{S}\u2500-\u257f\u25a0-\u25ff]*$/u;

function hasOnlyStampLetters(segment: string): boolean {
  // The segment must be letters of the stamp plus decoration; words like "bí" or "độ" rule it out.
  return !!STAMPS[stampKey(segment)] && DECORATION.test(segment.replace(/[\p{L}\p{M}]/gu, ''));
}

function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

/** Marking carried by one line, if any. */
function lineMarking(raw: string): Marking | undefined {
  const line = raw.replace(/^\s*#{1,6}\s+/, '').trim();
  if (!line) return undefined;
  // 1) The whole line is a stamp, any case or spelling.
  if (hasOnlyStampLetters(line)) return STAMPS[stampKey(line)];
  // 2) "Độ mật: Tối mật" / "ĐỘ MẬT: MẬT"
  if (/^[\s\p{P}\p{S}]*(?:độ|đo|do)\s*mật\s*[:：]\s*\S/iu.test(line) || /^[\W_]*do\s*mat\s*:\s*\S/.test(fold(line))) {
    return 'ĐỘ MẬT';
  }
  // 3) A stamp set apart on a header line next to other columns ("VKSND TỐI CAO      MẬT",
  //    "KHẨN, MẬT"): written in capitals as its own segment.
  const segments = line.split(/\s{2,}|\t|[,;|/]|\s[-–—]\s/u);
  if (segments.length > 1) {
    for (const seg of segments) {
      if (seg.trim() && isUpperCase(seg) && hasOnlyStampLetters(seg)) return STAMPS[stampKey(seg)];
    }
  }
  return undefined;
}

export function screenDocument(text: string, meta: DocMeta): ScreenResult {
  if (meta.classification && meta.classification.trim()) {
    return { classified: true, marking: 'METADATA' };
  }
  const lines = text.split('\n');
  const zone = new Set<number>();
  for (let i = 0; i < Math.min(HEAD_LINES, lines.length); i++) zone.add(i);
  for (let i = Math.max(0, lines.length - TAIL_LINES); i < lines.length; i++) zone.add(i);
  for (const i of [...zone].sort((a, b) => a - b)) {
    const marking = lineMarking(lines[i]);
    if (marking) return { classified: true, marking, line: i + 1 };
  }
  return { classified: false };
}
