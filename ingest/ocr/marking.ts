/**
 * Classification words (MẬT / TỐI MẬT / TUYỆT MẬT) in OCR tokens, however a
 * stamp's letters come out: any case, letter-spaced ("T O I M A T"), dotted,
 * without diacritics, boxed ("|TỐI MẬT|").
 */
import { fold } from '../../core/text.js';

export type Marking = 'MẬT' | 'TỐI MẬT' | 'TUYỆT MẬT';

export interface MarkingToken {
  text: string;
  conf?: number;
}

/** Letters only, folded; runs of single letters merged ("T O I" → "toi"). */
function compactTokens(tokens: readonly MarkingToken[]): { key: string; raw: string; conf: number }[] {
  const out: { key: string; raw: string; conf: number }[] = [];
  let run: { key: string; raw: string; conf: number } | null = null;
  for (const t of tokens) {
    const raw = t.text.replace(/[^\p{L}]/gu, '');
    if (!raw) continue;
    const key = fold(raw);
    const conf = t.conf ?? 100;
    if ([...raw].length === 1) {
      if (run) {
        run.key += key;
        run.raw += raw;
        run.conf = Math.min(run.conf, conf);
      } else {
        run = { key, raw, conf };
        out.push(run);
      }
      continue;
    }
    run = null;
    out.push({ key, raw, conf });
  }
  return out;
}

/** Words before "mật" that make it ordinary language ("bí mật", "bảo mật", "mật khẩu"). */
const BEFORE_ORDINARY = new Set(['bi', 'bao', 'do', 'tuyet', 'toi', 'co', 'giu', 'lo', 'than', 'mat']);
const AFTER_ORDINARY = new Set(['khau', 'ma', 'danh', 'ong', 'thiet', 'thu', 'vu', 'lenh']);

/**
 * The strongest marking in a sequence of tokens (usually one OCR line), or null.
 * A lone "mật" only counts in capitals or alone on its line: "mật" inside a
 * sentence is ordinary Vietnamese.
 */
export function findMarking(tokens: readonly MarkingToken[]): Marking | null {
  const t = compactTokens(tokens);
  let found: Marking | null = null;
  for (let i = 0; i < t.length; i++) {
    const k = t[i].key;
    const next = t[i + 1]?.key;
    if (k === 'tuyetmat' || (k === 'tuyet' && next === 'mat')) return 'TUYỆT MẬT';
    if (k === 'toimat' || (k === 'toi' && next === 'mat')) found = 'TỐI MẬT';
    if (k === 'mat' && !found) {
      const prev = t[i - 1]?.key;
      const upper = t[i].raw === t[i].raw.toUpperCase();
      const alone = t.length === 1;
      if ((upper || alone) && !(prev && BEFORE_ORDINARY.has(prev)) && !(next && AFTER_ORDINARY.has(next))) found = 'MẬT';
    }
  }
  return found;
}

/** Convenience for plain strings (one line). */
export function findMarkingInText(line: string): Marking | null {
  return findMarking(line.split(/\s+/).map((text) => ({ text })));
}

/** Stronger of two markings. */
export function strongerMarking(a: Marking | null, b: Marking | null): Marking | null {
  const rank = (m: Marking | null) => (m === 'TUYỆT MẬT' ? 3 : m === 'TỐI MẬT' ? 2 : m === 'MẬT' ? 1 : 0);
  return rank(a) >= rank(b) ? a : b;
}
