/**
 * Retrieval quality on the labelled dev set: a hit is a retrieved passage from
 * an expected source (and, when the item names an article, that article).
 * The same rule for every system: the article may be named by the passage's
 * locator or heading, or appear as a "Điều N" heading line in its text (the
 * peers' chunks carry no locator).
 */
import { fold } from '../../core/text.js';
import type { DevItem } from '../../test/quality/devset.js';

export interface Passage {
  source: string;
  text: string;
  locator?: string;
}

export interface RankMetrics {
  n: number;
  r1: number;
  r5: number;
  r10: number;
  mrr10: number;
}

const norm = (s: string) => s.replace(/^\.?\/?/, '').replace(/^knowledge\//, '');

function articleNumber(locator: string): string | null {
  const m = /dieu\s+(\d+[a-z]?)/u.exec(fold(locator));
  return m ? m[1] : null;
}

export function passageMatches(p: Passage, expect: DevItem['expect']): boolean {
  if (!(expect.sources ?? []).some((s) => norm(s) === norm(p.source))) return false;
  if (!expect.locator) return true;
  const n = articleNumber(expect.locator);
  if (!n) return fold(p.locator ?? '').includes(fold(expect.locator));
  const named = new RegExp(`(^|[^\\p{L}\\p{N}])dieu\\s+${n}([^\\p{L}\\p{N}]|$)`, 'u');
  if (p.locator && named.test(fold(p.locator))) return true;
  // A heading line "Điều N." inside the passage text.
  return new RegExp(`(^|\\n)\\s*dieu\\s+${n}\\.`, 'u').test(fold(p.text));
}

/** 1-based rank of the first matching passage in the top 10, or null. */
export function firstHit(passages: Passage[], expect: DevItem['expect']): number | null {
  const i = passages.slice(0, 10).findIndex((p) => passageMatches(p, expect));
  return i < 0 ? null : i + 1;
}

export function rankMetrics(ranks: (number | null)[]): RankMetrics {
  const n = ranks.length || 1;
  const at = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  const mrr = ranks.reduce<number>((s, r) => s + (r === null ? 0 : 1 / r), 0) / n;
  return { n: ranks.length, r1: at(1), r5: at(5), r10: at(10), mrr10: mrr };
}

/** Items that test retrieval: expected sources, no conversation history to resolve first. */
export function retrievalItems(items: DevItem[]): DevItem[] {
  return items.filter((i) => !i.expect.abstain && (i.expect.sources ?? []).length && !(i.history ?? []).length);
}

export async function scoreRetrieval(items: DevItem[], retrieve: (q: string) => Promise<Passage[]>): Promise<RankMetrics> {
  const ranks: (number | null)[] = [];
  for (const item of items) ranks.push(firstHit(await retrieve(item.question), item.expect));
  return rankMetrics(ranks);
}
