/** Tesseract TSV output: word boxes with confidences, and the text they spell. */

export interface OcrWord {
  page: number;
  block: number;
  par: number;
  line: number;
  left: number;
  top: number;
  width: number;
  height: number;
  /** 0–100 as reported by tesseract. */
  conf: number;
  text: string;
}

/** Word rows (level 5) with non-blank text; structure rows are dropped. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = f.slice(11).join('\t').normalize('NFC').trim();
    if (!text) continue;
    words.push({
      page: Number(f[1]),
      block: Number(f[2]),
      par: Number(f[3]),
      line: Number(f[4]),
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      conf: Number(f[10]),
      text,
    });
  }
  return words;
}

/** Lines in reading order; a blank line between paragraphs, as tesseract's own text output does. */
export function wordsToText(words: readonly OcrWord[]): string {
  const out: string[] = [];
  let prevPar = '';
  let prevLine = '';
  let current: string[] = [];
  const flush = () => {
    if (current.length) out.push(current.join(' '));
    current = [];
  };
  for (const w of words) {
    const par = `${w.page}/${w.block}/${w.par}`;
    const line = `${par}/${w.line}`;
    if (line !== prevLine) {
      flush();
      if (par !== prevPar && out.length) out.push('');
    }
    current.push(w.text);
    prevPar = par;
    prevLine = line;
  }
  flush();
  return out.join('\n');
}

/** Character-weighted mean word confidence (0–100); long words say more about a page than stray marks. */
export function meanConfidence(words: readonly OcrWord[]): number {
  let sum = 0;
  let n = 0;
  for (const w of words) {
    if (w.conf < 0) continue;
    const len = [...w.text].length;
    sum += w.conf * len;
    n += len;
  }
  return n ? sum / n : 0;
}

/** Page sizes in pixels from the level-1 rows, keyed by page number. */
export function parsePageSizes(tsv: string): Map<number, { width: number; height: number }> {
  const sizes = new Map<number, { width: number; height: number }>();
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f[0] === '1' && f.length >= 10) sizes.set(Number(f[1]), { width: Number(f[8]), height: Number(f[9]) });
  }
  return sizes;
}
