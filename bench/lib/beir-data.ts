/** Loading of the BEIR-layout benchmarks in shared/corpus/bench and their retrieval metrics. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BeirDoc {
  id: string;
  title: string;
  text: string;
}

export interface BeirQuery {
  id: string;
  text: string;
  split: string;
}

export interface BeirDataset {
  name: string;
  corpus: BeirDoc[];
  queries: BeirQuery[];
  /** split → query id → relevant doc ids */
  qrels: Map<string, Map<string, Set<string>>>;
}

export const BENCHMARKS = ['alqac2022', 'alqac2023', 'vlsp2023_lter'] as const;

/** shared/ sits beside the repository clone (../shared from the repo root). */
export function sharedDir(): string {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return resolve(repoRoot, '..', 'shared');
}

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function loadBeir(name: string, root = join(sharedDir(), 'corpus', 'bench')): BeirDataset {
  const dir = join(root, name);
  if (!existsSync(dir)) throw new Error(`benchmark not found: ${dir}`);
  const corpus = jsonl<{ _id: string; title?: string; text: string }>(join(dir, 'corpus.jsonl')).map((d) => ({
    id: d._id,
    title: (d.title ?? '').normalize('NFC'),
    text: d.text.normalize('NFC'),
  }));
  const queries = jsonl<{ _id: string; text: string; split: string }>(join(dir, 'queries.jsonl')).map((q) => ({
    id: q._id,
    text: q.text.normalize('NFC'),
    split: q.split,
  }));
  const qrels = new Map<string, Map<string, Set<string>>>();
  for (const split of ['train', 'dev', 'test']) {
    const p = join(dir, 'qrels', `${split}.tsv`);
    if (!existsSync(p)) continue;
    const m = new Map<string, Set<string>>();
    for (const line of readFileSync(p, 'utf8').split('\n').slice(1)) {
      const [q, d, s] = line.split('\t');
      if (!q || !d || Number(s) <= 0) continue;
      if (!m.has(q)) m.set(q, new Set());
      m.get(q)!.add(d);
    }
    qrels.set(split, m);
  }
  return { name, corpus, queries, qrels };
}

export interface Metrics {
  n: number;
  r1: number;
  r5: number;
  r10: number;
  mrr10: number;
}

/**
 * Recall@k as the share of gold articles found in the top k (averaged per query), MRR@10 of the
 * first gold article: the definitions behind the corpus README's calibration table.
 */
export function evaluate(runs: Map<string, string[]>, gold: Map<string, Set<string>>): Metrics {
  let r1 = 0;
  let r5 = 0;
  let r10 = 0;
  let mrr = 0;
  let n = 0;
  for (const [q, rel] of gold) {
    const ranked = runs.get(q) ?? [];
    n++;
    const rec = (k: number) => ranked.slice(0, k).filter((d) => rel.has(d)).length / rel.size;
    r1 += rec(1);
    r5 += rec(5);
    r10 += rec(10);
    const first = ranked.slice(0, 10).findIndex((d) => rel.has(d));
    if (first >= 0) mrr += 1 / (first + 1);
  }
  const d = n || 1;
  return { n, r1: r1 / d, r5: r5 / d, r10: r10 / d, mrr10: mrr / d };
}

/** The split views reported: every split, plus the dev/held-out halves of a train-only benchmark. */
export function splitViews(qrels: Map<string, Map<string, Set<string>>>): [string, Map<string, Set<string>>][] {
  const views = [...qrels];
  if (qrels.size === 1 && qrels.has('train')) {
    const all = [...qrels.get('train')!];
    views.push(['train-dev', new Map(all.filter((_, i) => i % 2 === 0))]);
    views.push(['train-heldout', new Map(all.filter((_, i) => i % 2 === 1))]);
  }
  return views;
}

/** A system's top-k sources for one query. */
export type Ranker = (query: string, k: number) => Promise<string[]>;

/**
 * Scores a system on one split view. `rankings` is shared across a benchmark's views: a
 * query searched for "train" is not searched again for its "train-dev" half.
 */
export async function scoreSplit(
  ranker: Ranker,
  queries: Map<string, string>,
  gold: Map<string, Set<string>>,
  rankings: Map<string, string[]>,
): Promise<Metrics> {
  const runs = new Map<string, string[]>();
  for (const id of gold.keys()) {
    const text = queries.get(id);
    if (text === undefined) continue;
    let ranked = rankings.get(id);
    if (!ranked) rankings.set(id, (ranked = await ranker(text, 10)));
    runs.set(id, ranked);
  }
  return evaluate(runs, gold);
}
