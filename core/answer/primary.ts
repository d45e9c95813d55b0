/**
 * A guide or summary that quotes a law names its article ("(khoản 1 Điều 24 Luật Tiếp cận
 * thông tin)"). When that article is among the retrieved passages, a reader must be able to
 * check it: the answer cites it beside the guide.
 */
import type { Chunk, Scored } from '../types.js';
import { fold } from '../text.js';

/** Does the folded text right after "Điều N" name the hit's document (its title, or its number close by)? */
function namesDocument(after: string, hit: Scored<Chunk>): boolean {
  return (
    after.trimStart().startsWith(fold(hit.item.title).replace(/\s*\(.*$/, '')) ||
    (!!hit.item.number && after.slice(0, 40).includes(fold(hit.item.number).toLowerCase()))
  );
}

/** The retrieved articles a text names by number and document, in the order it names them. */
export function namedArticles(text: string, hits: Scored<Chunk>[]): Scored<Chunk>[] {
  const f = fold(text);
  const out: Scored<Chunk>[] = [];
  for (const m of f.matchAll(/dieu (\d+[a-z]?)\b/g)) {
    const after = f.slice(m.index! + m[0].length, m.index! + m[0].length + 120);
    const hit = hits.find((h) => h.item.article === m[1] && namesDocument(after, h));
    if (hit && !out.includes(hit)) out.push(hit);
  }
  return out;
}
