/**
 * Citations from the chunks an answer used, and the "Nguồn:" block that lists
 * them one line per document ("Luật Tố cáo (25/2018/QH14), Điều 30").
 */
import type { Chunk, Citation } from '../types.js';
import { SOURCES_HEADING, supersededNote } from '../../prompts/answer.js';

/** Looks up the replacement of a superseded document (by docId), when the lead knows it. */
export type SupersededLookup = (docId: string) => string | undefined;

/**
 * The part of a locator a reader needs: the article and below. "Chương III > Điều 30, khoản 2"
 * becomes "Điều 30, khoản 2"; a locator without an article is kept as it is.
 */
export function shortLocator(locator: string | undefined): string | undefined {
  if (!locator) return undefined;
  const parts = locator
    .split(/\s*(?:>|,)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const at = parts.findIndex((p) => /^Điều\s/iu.test(p));
  const kept = at >= 0 ? parts.slice(at) : parts;
  return kept.join(', ') || undefined;
}

export function citationOf(chunk: Chunk, superseded?: SupersededLookup): Citation {
  const c: Citation = { source: chunk.docId, title: chunk.title };
  if (chunk.number) c.number = chunk.number;
  const loc = shortLocator(chunk.locator) ?? articleLocator(chunk);
  if (loc) c.locator = loc;
  const repl = superseded?.(chunk.docId);
  if (repl) c.superseded = repl;
  return c;
}

/** Chunks without a locator may still name their article in the heading ("Điều 10. ..."). */
function articleLocator(chunk: Chunk): string | undefined {
  if (chunk.article) return `Điều ${chunk.article}`;
  const m = chunk.heading?.match(/^Điều\s+(\d+[a-zđ]?)/iu);
  return m ? `Điều ${m[1]}` : undefined;
}

/** Citations of the used chunks in order of use, one per (document, locator). */
export function citationsOf(chunks: Chunk[], superseded?: SupersededLookup): Citation[] {
  return uniqueCitations(chunks.map((ch) => citationOf(ch, superseded)));
}

/** The citations in order, one per (document, locator). */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.source}\u0000${c.locator ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const ARTICLE_LOCATOR = /^(Điều\s+\d+[a-zđ]?)(?:,\s*khoản\s+[\d–, và]+)?$/u;

/**
 * The locator of what an answer quotes from a chunk: "Điều 2, khoản 8" when it quotes khoản 8 of
 * a chunk holding khoản 6–12, so a reader finds the line without reading seven. `clauses` are
 * the khoản numbers of the quoted pieces, `chunkClauses` those the chunk holds; a piece outside
 * any khoản (the article's lead-in) keeps the chunk's own locator, and so does a locator that is
 * not an article's.
 */
export function narrowLocator(locator: string, clauses: readonly (string | undefined)[], chunkClauses: readonly string[]): string {
  const m = ARTICLE_LOCATOR.exec(locator);
  if (!m || !clauses.length || clauses.some((c) => c === undefined)) return locator;
  const quoted = [...new Set(clauses as string[])];
  // Every khoản of the chunk quoted: its own locator says just that.
  if (chunkClauses.every((c) => quoted.includes(c))) return locator;
  return `${m[1]}, khoản ${clauseList(quoted)}`;
}

/** "3", "3–5" (a run), "1 và 4", "1, 3 và 6". */
function clauseList(clauses: string[]): string {
  const nums = clauses.map((c) => ({ c, n: parseInt(c, 10) })).sort((a, b) => a.n - b.n || a.c.localeCompare(b.c));
  const plain = nums.every((x) => String(x.n) === x.c);
  const consecutive = plain && nums.length > 1 && nums.every((x, i) => i === 0 || x.n === nums[i - 1].n + 1);
  if (consecutive) return `${nums[0].c}–${nums[nums.length - 1].c}`;
  const names = nums.map((x) => x.c);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} và ${names[names.length - 1]}`;
}

/** "Luật Tố cáo (25/2018/QH14)": the title, with the number unless the title already shows it. */
export function documentLabel(c: Pick<Citation, 'title' | 'number'>): string {
  if (!c.number || c.title.includes(c.number)) return c.title;
  return `${c.title} (${c.number})`;
}

/**
 * One line per cited document, locators of the same document merged:
 * "- Luật Tố cáo (25/2018/QH14), Điều 30, Điều 31". An optional label per
 * citation (e.g. "[2]" for the LLM path) is put in front of its document.
 */
export function sourcesBlock(citations: Citation[], labels?: string[]): string {
  const byDoc = new Map<string, { label: string; locators: string[]; tags: string[]; superseded?: string }>();
  citations.forEach((c, i) => {
    let entry = byDoc.get(c.source);
    if (!entry) {
      entry = { label: documentLabel(c), locators: [], tags: [], superseded: c.superseded };
      byDoc.set(c.source, entry);
    }
    if (c.locator && !entry.locators.includes(c.locator)) entry.locators.push(c.locator);
    const tag = labels?.[i];
    if (tag && !entry.tags.includes(tag)) entry.tags.push(tag);
  });
  const lines = [...byDoc.values()].map((e) => {
    const head = e.tags.length ? `${e.tags.join('')} ` : '';
    const locs = e.locators.length ? `, ${e.locators.join('; ')}` : '';
    const sup = e.superseded ? ` ${supersededNote(e.superseded)}` : '';
    return `- ${head}${e.label}${locs}${sup}`;
  });
  return `${SOURCES_HEADING}\n${lines.join('\n')}`;
}
