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
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const ch of chunks) {
    const c = citationOf(ch, superseded);
    const key = `${c.source}\u0000${c.locator ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
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
