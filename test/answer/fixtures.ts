/**
 * Realistic chunks for the answer tests, cut from the shared real texts:
 * a law split at its "Điều N." lines, the news seeds split by paragraph.
 * A tiny term-overlap ranking stands in for the retriever so tests need no index.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Chunk, DocType, Scored } from '../../core/types.js';
import { fold, shortHash } from '../../core/text.js';
import { contentBigrams, contentTerms } from '../../core/answer/terms.js';

export const SHARED = resolve(import.meta.dirname, '../../../shared');

interface DocInfo {
  docId: string;
  title: string;
  number?: string;
  type: DocType;
}

/** Split a law at "Điều N." lines; each article is a chunk with locator "Chương X, Điều N". */
export function lawChunks(path: string, info: DocInfo): Chunk[] {
  const lines = readFileSync(path, 'utf8').normalize('NFC').split('\n');
  const chunks: Chunk[] = [];
  let chapter: string | undefined;
  let current: { heading: string; article: string; chapter?: string; body: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const text = current.body.join('\n').trim();
    const locator = [current.chapter, `Điều ${current.article}`].filter(Boolean).join(', ');
    chunks.push({
      id: shortHash(`${info.docId}|${locator}|${text}`),
      docId: info.docId,
      text,
      locator,
      article: current.article,
      heading: current.heading,
      ord: chunks.length,
      title: info.title,
      number: info.number,
      type: info.type,
    });
  };
  for (const line of lines) {
    const ch = line.match(/^Chương\s+([IVXLC]+)\b/u);
    if (ch) chapter = `Chương ${ch[1]}`;
    const m = line.match(/^Điều\s+(\d+[a-zđ]?)\.\s/u);
    if (m) {
      flush();
      current = { heading: line.trim(), article: m[1], chapter, body: [] };
    } else if (current && !ch && !(line === line.toUpperCase() && /\p{Lu}/u.test(line))) current.body.push(line);
  }
  flush();
  return chunks;
}

/** Split a news seed by paragraph; its first line is the title. */
export function seedChunks(path: string, docId: string, title?: string): Chunk[] {
  const paras = readFileSync(path, 'utf8')
    .normalize('NFC')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const t = title ?? paras[0];
  return paras.map((text, i) => ({
    id: shortHash(`${docId}|${i}|${text}`),
    docId,
    text,
    ord: i,
    title: t,
    type: 'Tin tức' as DocType,
  }));
}

export const toCao = () =>
  lawChunks(`${SHARED}/corpus/laws/luat-to-cao-2018.txt`, {
    docId: 'knowledge/luat/luat-to-cao-2018.txt',
    title: 'Luật Tố cáo',
    number: '25/2018/QH14',
    type: 'Luật',
  });

export const vksnd = () =>
  lawChunks(`${SHARED}/corpus/laws/luat-to-chuc-vien-kiem-sat-nhan-dan-2014.txt`, {
    docId: 'knowledge/luat/luat-to-chuc-vksnd-2014.txt',
    title: 'Luật Tổ chức Viện kiểm sát nhân dân',
    number: '63/2014/QH13',
    type: 'Luật',
  });

export const seedPlan2024 = () =>
  seedChunks(`${SHARED}/seeds/000_813dbcb63bcd5e70.txt`, 'knowledge/tin-tuc/phien-hop-chuyen-doi-so-2024.txt', 'Phiên họp Ban Chỉ đạo chuyển đổi số ngành Kiểm sát nhân dân');

export const seedSocTrang = () => seedChunks(`${SHARED}/seeds/002_a32c4e3493e127a5.txt`, 'knowledge/tin-tuc/soc-trang-chuyen-doi-so.txt');

/**
 * A retrieved article of a law, written as the chunker writes one: its "Điều N. …" heading line
 * then its lines, cited by "Điều N".
 */
export function articleHit(
  law: { docId: string; title: string },
  heading: string,
  lines: string[],
  { score = 1, id = heading }: { score?: number; id?: string } = {},
): Scored<Chunk> {
  return {
    item: { id, docId: law.docId, ord: 0, title: law.title, type: 'Luật', locator: heading.split('.')[0], heading, text: [heading, ...lines].join('\n') },
    score,
  };
}

/**
 * Stand-in retriever: ranks by IDF-weighted share of the question's content syllables
 * found in the chunk (reported as coverage, like the real retriever), plus shared
 * two-syllable words and a heading match, so the article about the question comes first.
 */
export function rank(question: string, chunks: Chunk[], k = 5): Scored<Chunk>[] {
  const folded = chunks.map((c) => fold([c.title, c.heading, c.text].filter(Boolean).join(' ')));
  const docs = folded.map((f) => new Set(f.match(/[\p{L}\p{N}]+/gu) ?? []));
  const qTerms = contentTerms(question);
  const terms = [...new Set(qTerms.map((t) => t.term))];
  const bigrams = contentBigrams(qTerms);
  const idf = new Map(terms.map((t) => [t, Math.log(1 + chunks.length / (1 + docs.filter((d) => d.has(t)).length))]));
  const total = terms.reduce((s, t) => s + idf.get(t)!, 0) || 1;
  return chunks
    .map((item, i) => {
      const coverage = terms.reduce((s, t) => s + (docs[i].has(t) ? idf.get(t)! : 0), 0) / total;
      const pairs = bigrams.length ? bigrams.filter((b) => folded[i].includes(b)).length / bigrams.length : 0;
      const heading = fold(item.heading ?? '');
      const inHeading = bigrams.length ? bigrams.filter((b) => heading.includes(b)).length / bigrams.length : 0;
      return { item, score: coverage + 0.5 * pairs + 0.5 * inHeading, coverage };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}
