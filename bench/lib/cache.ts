/**
 * Built corpora and indexes are kept between runs under bench/.cache, keyed by
 * a hash of everything that shapes them (ingest and core code, the knowledge
 * folder, the synthetic generator and the peer). Change any of it and the next
 * run rebuilds; `--fresh` rebuilds regardless. Timings are always taken fresh;
 * only the build figures of a reused index come from the run that built it.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, REPO_ROOT } from './child.js';
import { hashFiles } from '../../ingest/reader-version.js';

export const CACHE_DIR = path.join(BENCH_DIR, '.cache');

/** What shapes each cached artefact. Narrow on purpose: unrelated edits elsewhere keep the cache warm. */
export const KEY_INPUTS = {
  /** The generated corpora (the chunker only calibrates their size; the count actually indexed is reported). */
  corpus: ['knowledge', 'bench/lib/synthetic.ts', 'bench/lib/corpus.ts'],
  /** Our index: the whole ingest pipeline and what it builds with (not the query-time retriever). */
  ours: [
    'ingest',
    'core/retrieval/analyze.ts',
    'core/retrieval/abbreviations.ts',
    'core/retrieval/bm25.ts',
    'core/retrieval/embeddings.ts',
    'core/retrieval/feature-table.ts',
    'core/retrieval/definitions.ts',
    'core/guard',
    'core/embedders.ts',
    'core/config.ts',
    'core/text.ts',
    'core/types.ts',
    'package-lock.json',
  ],
  /** Peer (b): its own code and the shared embeddings. */
  peer: ['bench/lib/peer-langchain.ts', 'core/retrieval/embeddings.ts', 'core/retrieval/feature-table.ts', 'core/retrieval/analyze.ts', 'core/embedders.ts', 'core/text.ts', 'package-lock.json'],
} as const;

export function hashInputs(inputs: readonly string[]): string {
  return hashFiles(
    inputs.map((input) => path.join(REPO_ROOT, input)),
    REPO_ROOT,
  ).slice(0, 12);
}

export interface CacheKeys {
  corpus: string;
  ours: string;
  peer: string;
}

export function cacheKeys(): CacheKeys {
  const corpus = hashInputs(KEY_INPUTS.corpus);
  return { corpus, ours: `${corpus}-${hashInputs(KEY_INPUTS.ours)}`, peer: `${corpus}-${hashInputs(KEY_INPUTS.peer)}` };
}

export function cachePath(...parts: string[]): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const ignore = path.join(CACHE_DIR, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
  return path.join(CACHE_DIR, ...parts);
}

export function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 1));
}

/**
 * Drops cached corpora and indexes built from other code (they are large and
 * never reused). An entry still being built by another run has no marker yet
 * and is left alone unless it is hours old (a crashed run's leftover).
 */
export function pruneCache(liveKeys: string[], now = Date.now()): string[] {
  const removed: string[] = [];
  const HOURS = 6 * 3600_000;
  for (const sub of ['corpus', 'index']) {
    const dir = path.join(CACHE_DIR, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.build.json')) continue;
      if (liveKeys.some((k) => name === k || name.endsWith(`-${k}`))) continue;
      const p = path.join(dir, name);
      const marker = sub === 'index' ? `${p}.build.json` : path.join(p, readdirSync(p)[0] ?? '', '.prepared.json');
      const finished = existsSync(marker);
      if (!finished && now - statSync(p).mtimeMs < HOURS) continue;
      rmSync(p, { recursive: true, force: true });
      rmSync(`${p}.build.json`, { force: true });
      removed.push(`${sub}/${name}`);
    }
  }
  return removed;
}
