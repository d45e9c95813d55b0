/**
 * Built corpora and indexes are kept between runs under bench/.cache, keyed by
 * a hash of everything that shapes them (ingest and core code, the knowledge
 * folder, the synthetic generator and the peer). Change any of it and the next
 * run rebuilds; `--fresh` rebuilds regardless. Timings are always taken fresh;
 * only the build figures of a reused index come from the run that built it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, REPO_ROOT } from './child.js';

export const CACHE_DIR = path.join(BENCH_DIR, '.cache');

const KEY_INPUTS = ['ingest', 'core', 'knowledge', 'bench/lib/synthetic.ts', 'bench/lib/peer-langchain.ts', 'bench/lib/corpus.ts', 'package-lock.json'];

function files(p: string): string[] {
  if (!existsSync(p)) return [];
  const s = statSync(p);
  if (s.isFile()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((n) => files(path.join(p, n)));
}

export function codeKey(): string {
  const h = createHash('sha256');
  for (const input of KEY_INPUTS) {
    for (const f of files(path.join(REPO_ROOT, input))) {
      h.update(path.relative(REPO_ROOT, f));
      h.update('\0');
      h.update(readFileSync(f));
    }
  }
  return h.digest('hex').slice(0, 12);
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
