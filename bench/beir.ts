/**
 * Retrieval benchmark on the public ALQAC 2022/2023 and VLSP 2023 LTER sets (BEIR layout):
 * recall@1/5/10 and MRR@10 of our hybrid retriever against a plain BM25 baseline, same run.
 *
 *   npx tsx bench/beir.ts [--quick] [--json]
 *
 * Tuning was done on train splits only; alqac2022 has only train, so its even-position
 * questions are the dev half ("train-dev") and the odd ones are reported apart ("train-heldout").
 */
import { fileURLToPath } from 'node:url';
import type { HybridOptions } from '../core/retrieval/hybrid.js';
import { BENCHMARKS, type Metrics, type Ranker, loadBeir, scoreSplit, splitViews } from './lib/beir-data.js';
import { baselineRanker, hybridRanker } from './lib/systems.js';

export interface BeirResult extends Metrics {
  benchmark: string;
  split: string;
  system: 'hybrid' | 'bm25-baseline';
}

export interface BeirOptions {
  /** One benchmark (alqac2023) only: a smoke run for tests. */
  quick?: boolean;
  benchmarks?: string[];
  /** Overrides of the hybrid retriever's options (for tuning). */
  hybrid?: Partial<HybridOptions>;
  /** Directory holding the benchmarks (default ../shared/corpus/bench from the repo root). */
  root?: string;
}

export async function runBeir(opts: BeirOptions = {}): Promise<BeirResult[]> {
  const names = opts.benchmarks ?? (opts.quick ? ['alqac2023'] : [...BENCHMARKS]);
  const out: BeirResult[] = [];
  for (const name of names) {
    const ds = loadBeir(name, opts.root);
    const queries = new Map(ds.queries.map((q) => [q.id, q.text]));
    const systems: [BeirResult['system'], Ranker, Map<string, string[]>][] = [
      ['bm25-baseline', baselineRanker(ds.corpus), new Map()],
      ['hybrid', hybridRanker(ds.corpus, opts.hybrid).ranker, new Map()],
    ];
    for (const [split, gold] of splitViews(ds.qrels)) {
      for (const [system, ranker, rankings] of systems) {
        out.push({ benchmark: name, split, system, ...(await scoreSplit(ranker, queries, gold, rankings)) });
      }
    }
  }
  return out;
}

export function toMarkdown(results: BeirResult[]): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    '| benchmark / split | n | system | R@1 | R@5 | R@10 | MRR@10 |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.benchmark} / ${r.split} | ${r.n} | ${r.system} | ${f(r.r1)} | ${f(r.r5)} | ${f(r.r10)} | ${f(r.mrr10)} |`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = await runBeir({ quick: process.argv.includes('--quick') });
  console.log(process.argv.includes('--json') ? JSON.stringify(results, null, 2) : toMarkdown(results));
}
