/**
 * Articles a later law repealed, kept in a consolidated text as a heading and a note ("Điều 62. Trách
 * nhiệm của cán bộ tiếp công dân … (Điều này đã bị bãi bỏ bởi Điều 35 Luật số 42/2013/QH13 …)"). Their
 * headings still match questions on what is now another law's subject, and quoting one answers with
 * a rule no longer in force. They are left out unless the question asks about that article or about
 * repeal and force.
 */
import type { Chunk, Scored } from '../types.js';
import { fold } from '../text.js';

const REPEAL_NOTE = /^\(?\s*(?:Điều|Khoản|Điểm|Chương|Mục) này (?:đã )?(?:bị|được) bãi bỏ/u;
const PART_HEADING = /^(?:Chương|Mục|Phần|Điều \d+[a-zđ]?\.)\s/u;
/** Asked about repeal or force ("còn hiệu lực không", "bị bãi bỏ chưa"): the note is the answer. */
const ASKS_FORCE = /\b(?:bai bo|hieu luc|con ap dung|thay the)\b/;

/** Does the chunk hold nothing but a repeal note under its heading? */
export function isRepealedOnly(c: Chunk): boolean {
  // Most chunks are read here once per question: the note's words decide before any split.
  if (!c.text.includes('bãi bỏ')) return false;
  let note = false;
  for (const raw of c.text.split('\n')) {
    const line = raw.trim();
    // The chapter or section an article opens ("Chương VI", "TIẾP CÔNG DÂN") is no body of its own.
    if (!line || line === c.heading?.trim() || PART_HEADING.test(line) || line === line.toUpperCase()) continue;
    if (!REPEAL_NOTE.test(line)) return false;
    note = true;
  }
  return note;
}

/** The hits without repealed articles, unless the question names the article or asks about force. */
export function withoutRepealed(hits: Scored<Chunk>[], question: string): Scored<Chunk>[] {
  if (!hits.some((h) => isRepealedOnly(h.item))) return hits;
  const f = fold(question).toLowerCase();
  if (ASKS_FORCE.test(f)) return hits;
  const articles = new Set([...f.matchAll(/\bdieu (\d{1,3})\b/g)].map((m) => m[1]));
  return hits.filter((h) => !isRepealedOnly(h.item) || (h.item.article !== undefined && articles.has(h.item.article)));
}
