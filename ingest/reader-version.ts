/**
 * A fingerprint of the code that turns source files into an index: the loaders, the screening
 * and its marking rules, the chunker, the index writer. An index built by other code is stale
 * even when no source file changed: after an upgrade, a stricter screen must re-read documents
 * that were indexed before it existed, and a better chunker must re-cut them.
 *
 * It hashes whole folders rather than a list of files, so code moved to a new file is still
 * covered; a change to a comment costs one re-ingest, which is cheap beside serving chunks that
 * the current code would not have produced.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORE = path.join(HERE, '..', 'core');

/** What a chunk depends on: everything under ingest/, the guard's marking rules, text folding. */
export const READER_INPUTS: readonly string[] = [HERE, path.join(CORE, 'guard'), path.join(CORE, 'text.ts'), path.join(CORE, 'types.ts')];

function sourceFiles(p: string): string[] {
  const s = statSync(p, { throwIfNoEntry: false });
  if (!s) return [];
  if (s.isFile()) return /\.(?:[cm]?[jt]s)$/.test(p) ? [p] : [];
  return readdirSync(p)
    .sort()
    .flatMap((name) => sourceFiles(path.join(p, name)));
}

/** Hash of the files under `inputs` (paths relative to their common root, then contents). */
export function fingerprintOf(inputs: readonly string[], root = path.join(HERE, '..')): string {
  const h = createHash('sha256');
  for (const input of inputs) {
    for (const f of sourceFiles(input)) {
      h.update(path.relative(root, f).split(path.sep).join('/'));
      h.update('\0');
      h.update(readFileSync(f));
    }
  }
  return h.digest('hex').slice(0, 16);
}

let cached: string | undefined;

/** The running code's fingerprint, computed once per process. */
export function readerVersion(): string {
  cached ??= fingerprintOf(READER_INPUTS);
  return cached;
}
