/**
 * Synthetic but realistic Vietnamese legal documents, to grow the real
 * knowledge corpus to 10k–100k chunks: real article sentences and headings
 * (from the public benchmarks and laws in shared/corpus) recombined into new
 * articles of new documents, laid out like the real ones (title, number,
 * chapters, "Điều N." articles, numbered clauses) so the real chunker sees
 * what it sees in production. Deterministic for a given seed.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nfc, splitSentences } from '../../core/text.js';

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SentencePool {
  sentences: string[];
  headings: string[];
}

/**
 * Nothing that looks like a security marking goes into synthetic text: the
 * screening would (rightly) quarantine it and the size would be off.
 */
const MARKING = /(^|[^\p{L}])(mật|MẬT)([^\p{L}]|$)/u;

function usableSentence(s: string): boolean {
  return s.length >= 40 && s.length <= 420 && !MARKING.test(s) && !/^(Điều|Chương|Mục|Phần)\s/u.test(s);
}

/** Sentences and article headings from shared/corpus (bench corpora + laws). */
export function loadSentencePool(corpusRoot: string): SentencePool {
  const sentences = new Set<string>();
  const headings = new Set<string>();
  const benchRoot = path.join(corpusRoot, 'bench');
  for (const name of existsSync(benchRoot) ? readdirSync(benchRoot) : []) {
    const file = path.join(benchRoot, name, 'corpus.jsonl');
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { title?: string; text: string };
      const title = nfc(d.title ?? '').trim();
      if (title.length >= 8 && title.length <= 140 && !MARKING.test(title)) headings.add(title.replace(/\.$/, ''));
      const body = nfc(d.text).slice(title.length);
      for (const s of splitSentences(body)) if (usableSentence(s)) sentences.add(s.replace(/^([a-zđ]\)|\d+\.)\s*/u, ''));
    }
  }
  const lawsRoot = path.join(corpusRoot, 'laws');
  for (const f of existsSync(lawsRoot) ? readdirSync(lawsRoot) : []) {
    if (!/\.(txt|md)$/.test(f) || /bi-mat/.test(f)) continue;
    for (const line of nfc(readFileSync(path.join(lawsRoot, f), 'utf8')).split('\n')) {
      const m = /^Điều \d+[a-z]?\.\s*(.+)$/u.exec(line.trim());
      if (m && m[1].length <= 140 && !MARKING.test(m[1])) headings.add(m[1].replace(/\.$/, ''));
      else for (const s of splitSentences(line)) if (usableSentence(s)) sentences.add(s.replace(/^([a-zđ]\)|\d+\.)\s*/u, ''));
    }
  }
  return { sentences: [...sentences], headings: [...headings] };
}

const KINDS = [
  { type: 'THÔNG TƯ', code: 'TT-VKSTC', lead: 'Quy định về' },
  { type: 'QUYẾT ĐỊNH', code: 'QĐ-VKSTC', lead: 'Ban hành Quy chế về' },
  { type: 'HƯỚNG DẪN', code: 'HD-VKSTC', lead: 'Hướng dẫn thực hiện' },
  { type: 'NGHỊ ĐỊNH', code: 'NĐ-CP', lead: 'Quy định chi tiết về' },
  { type: 'KẾ HOẠCH', code: 'KH-VKSTC', lead: 'Triển khai công tác' },
] as const;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h'];

export interface SyntheticDoc {
  name: string;
  text: string;
  articles: number;
}

/** One synthetic document of `articles` articles. */
export function syntheticDocument(pool: SentencePool, index: number, articles: number, random: () => number): SyntheticDoc {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const kind = KINDS[index % KINDS.length];
  const year = 2015 + (index % 11);
  const subject = pick(pool.headings).toLocaleLowerCase('vi');
  const lines: string[] = [
    'VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO',
    `Số: ${100 + index}/${year}/${kind.code}`,
    `Hà Nội, ngày ${1 + (index % 28)} tháng ${1 + (index % 12)} năm ${year}`,
    '',
    kind.type,
    `${kind.lead} ${subject}`,
    '',
  ];
  const perChapter = Math.max(3, Math.ceil(articles / Math.min(ROMAN.length, Math.ceil(articles / 8))));
  for (let a = 1; a <= articles; a++) {
    if ((a - 1) % perChapter === 0) {
      const ch = ROMAN[Math.min(ROMAN.length - 1, Math.floor((a - 1) / perChapter))];
      lines.push(`Chương ${ch}`, pick(pool.headings).toLocaleUpperCase('vi'), '');
    }
    lines.push(`Điều ${a}. ${pick(pool.headings)}`);
    const clauses = 1 + Math.floor(random() * 4);
    for (let c = 1; c <= clauses; c++) {
      const n = 1 + Math.floor(random() * 2);
      const body = Array.from({ length: n }, () => pick(pool.sentences)).join(' ');
      lines.push(clauses === 1 ? body : `${c}. ${body}`);
      if (random() < 0.25) {
        const points = 2 + Math.floor(random() * 3);
        for (let p = 0; p < points; p++) lines.push(`${LETTERS[p]}) ${pick(pool.sentences)}`);
      }
      lines.push('');
    }
  }
  const slug = kind.code.toLowerCase().replace(/[^a-z]+/g, '-');
  return { name: `tong-hop-${String(index).padStart(5, '0')}-${slug}.txt`, text: lines.join('\n'), articles };
}

/** Writes documents of `articlesPerDoc` articles until `totalArticles` are written. */
export async function writeSyntheticCorpus(
  dir: string,
  pool: SentencePool,
  opts: { totalArticles: number; articlesPerDoc?: number; seed?: number },
): Promise<{ files: number; bytes: number; articles: number }> {
  await mkdir(dir, { recursive: true });
  const random = rng(opts.seed ?? 20240601);
  const per = opts.articlesPerDoc ?? 40;
  let written = 0;
  let files = 0;
  let bytes = 0;
  while (written < opts.totalArticles) {
    const n = Math.min(per, opts.totalArticles - written);
    const doc = syntheticDocument(pool, files, n, random);
    const buf = Buffer.from(doc.text, 'utf8');
    await writeFile(path.join(dir, doc.name), buf);
    written += n;
    files++;
    bytes += buf.byteLength;
  }
  return { files, bytes, articles: written };
}
