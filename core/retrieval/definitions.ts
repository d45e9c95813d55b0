/**
 * Which chunks define which terms ("An ninh mạng là ...", "2. Chất hướng thần được hiểu là ...").
 * A definition question ("an ninh mạng là gì?") favours the chunks that define its subject.
 *
 * Read from a table built once at ingest (`definitions.json` in the index version), because the
 * other way, reading every chunk that holds the subject's words, is thousands of chunks for a
 * common subject in a 100k-chunk index (a third of a second for "an ninh mạng").
 */
import type { Chunk } from '../types.js';
import { fold } from '../text.js';

/** A definition line: optional numbering or bullet, a short term, then "là" / "được hiểu là" / "có nghĩa là". */
const DEFINITION_LINE = /^\s*(?:[-+•]\s*|\(?\d{1,3}[a-zđ]?[.)]\s*|[a-zđ][.)]\s*)?([^.:;,()\d][^.:;()]{1,90}?)\s+(?:là|được hiểu là|có nghĩa là)\s/u;
/**
 * Every definition line holds "là", in some case: a chunk without it (and without the markup the
 * line loses before matching, which could bring an "l" and an "à" together) defines nothing.
 */
const MAY_DEFINE = /l[àÀ]|[*_#`]/iu;

/** Folded terms a chunk's lines define. */
export function definedIn(c: Chunk): Set<string> {
  const out = new Set<string>();
  const text = c.text;
  if (!MAY_DEFINE.test(text)) return out;
  for (const line of text.split('\n')) {
    const m = DEFINITION_LINE.exec(line.replace(/[*_#`]/g, '').toLowerCase());
    if (!m) continue;
    const words = fold(m[1]).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0 || words.length > 8) continue;
    out.add(words.join(' '));
  }
  return out;
}

/** Defined term → indices (ascending) of the chunks that define it. */
export type DefinitionTable = Map<string, number[]>;

export function definitionTable(chunks: Iterable<Chunk>): DefinitionTable {
  const table: DefinitionTable = new Map();
  let i = 0;
  for (const c of chunks) {
    for (const term of definedIn(c)) {
      const list = table.get(term);
      if (list) list.push(i);
      else table.set(term, [i]);
    }
    i++;
  }
  return table;
}

const FORMAT = 'vks-definitions/1';

export function definitionTableToJson(table: DefinitionTable): string {
  return JSON.stringify({ format: FORMAT, terms: Object.fromEntries(table) });
}

/** The table of a version, or null when the file is of another format (the caller reads chunks instead). */
export function definitionTableFromJson(json: string): DefinitionTable | null {
  const parsed = JSON.parse(json) as { format?: string; terms?: Record<string, number[]> };
  if (parsed.format !== FORMAT || !parsed.terms) return null;
  return new Map(Object.entries(parsed.terms));
}
