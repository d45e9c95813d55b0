/**
 * Cross-references inside one document: "b) Không quá 01 tháng đối với trường hợp quy định tại
 * khoản 3 và khoản 6 Điều 206 của Bộ luật này" is about what khoản 3 of Điều 206 says
 * ("Nguyên nhân chết người"), though it writes none of its words. A question in those words
 * ("Giám định nguyên nhân chết người thì tối đa bao lâu?") is answered by the referring piece.
 *
 * Only references within the same document, resolved among the passages retrieved for the
 * question: the referred article is there whenever the question is in its words, and nothing
 * else is read. A reference to another law ("khoản 1 Điều 27 của Bộ luật hình sự") is not followed.
 */
import type { Chunk, Scored } from '../types.js';
import { phraseSyllables } from '../retrieval/passage-index.js';
import { unitsOf, type Unit } from './units.js';

/**
 * "khoản 3 và khoản 6 Điều 206 của Bộ luật này", "các khoản 2, 4 và 5 Điều 206", "điểm a khoản 1
 * Điều 113", "khoản 1 Điều này", in lower case as laws write them (accented: read without folding,
 * once per piece). Not followed by "của <another document>".
 */
const REFERENCE =
  /(?:điểm [a-zđ](?:(?:,| và| hoặc)+ (?:điểm )?[a-zđ])* )?(?:các )?khoản (\d+(?:(?:,| và| hoặc)+ (?:khoản )?\d+)*) điều (\d+(?!\d)|này)(?! của (?!(?:bộ )?luật này|nghị định này|pháp lệnh này))/gu;

/** The khoản a reference names, by article ("206" → {3, 6}); "Điều này" is the piece's own article. */
export function referencesIn(text: string, ownArticle: string | undefined): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const lower = text.normalize('NFC').toLowerCase();
  if (!lower.includes('khoản')) return out;
  for (const m of lower.matchAll(REFERENCE)) {
    const article = m[2] === 'này' ? ownArticle : m[2];
    if (!article) continue;
    const khoan = out.get(article) ?? new Set<number>();
    for (const n of m[1].match(/\d+/g) ?? []) khoan.add(Number(n));
    out.set(article, khoan);
  }
  return out;
}

/**
 * A khoản short enough to name a case ("3. Nguyên nhân chết người;"), which a reference to it
 * stands for. A longer one is a rule of its own: its words are not the referring piece's topic
 * ("… đột xuất trong các trường hợp quy định tại khoản 3 Điều 18" is not about what Điều 18 says).
 */
const NAMES_A_CASE = 150;

/** Numbered khoản line ("3. Nguyên nhân chết người;"): its number. */
const KHOAN_NUMBER = /^(\d{1,3})[.)]\s/;

/** A piece's references, read once: pieces are cut once per chunk and read by every question that retrieves it. */
const referencesOfUnit = new WeakMap<Unit, Map<string, Set<number>>>();
function unitReferences(unit: Unit, chunk: Chunk): Map<string, Set<number>> {
  let refs = referencesOfUnit.get(unit);
  if (!refs) referencesOfUnit.set(unit, (refs = referencesIn(unit.text, chunk.article)));
  return refs;
}

/** A khoản a piece refers to, as found among the retrieved passages (`rank`: its passage's place). */
export interface ReferredUnit {
  unit: Unit;
  hit: Scored<Chunk>;
  rank: number;
}

const NONE: ReferredUnit[] = [];

/** The khoản `unit` refers to that name a case, found among `pool`'s chunks of the same document. */
export function referredUnits(unit: Unit, chunk: Chunk, pool: readonly Scored<Chunk>[]): ReferredUnit[] {
  // A block's references belong to its items ("a) Những người quy định tại khoản 1 Điều này"), each read on its own.
  if (unit.shape === 'block') return NONE;
  const refs = unitReferences(unit, chunk);
  if (!refs.size) return NONE;
  const out: ReferredUnit[] = [];
  pool.forEach((hit, rank) => {
    const { item } = hit;
    if (item.docId !== chunk.docId || !item.article) return;
    const khoan = refs.get(item.article);
    if (!khoan) return;
    for (const u of unitsOf(item)) {
      const n = KHOAN_NUMBER.exec(u.text);
      // A lead-in ("2. Người có thẩm quyền … độ Tối mật bao gồm:") names a list, not a case.
      if (!n || !khoan.has(Number(n[1])) || u === unit || u.text.length > NAMES_A_CASE || /:\s*$/u.test(u.text)) continue;
      out.push({ unit: u, hit, rank });
    }
  });
  return out;
}

/** The folded syllables of referred khoản, what a piece referring to them is about. */
export function referredWords(refs: readonly ReferredUnit[], into = new Set<string>()): Set<string> {
  for (const r of refs) for (const s of phraseSyllables(r.unit.text)) into.add(s);
  return into;
}

/** Syllables the pieces of `chunk` refer to among `pool` (see referredUnits); empty when none was retrieved. */
export function chunkReferredSyllables(chunk: Chunk, pool: readonly Scored<Chunk>[]): Set<string> {
  const out = new Set<string>();
  for (const u of unitsOf(chunk)) referredWords(referredUnits(u, chunk, pool), out);
  return out;
}
