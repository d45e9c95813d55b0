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

/**
 * What a chunk and its index depend on: everything under ingest/, the guard's marking rules, text
 * folding, and the retrieval code whose analyzer (abbreviations, syllables) writes the postings.
 */
export const READER_INPUTS: readonly string[] = [
  HERE,
  path.join(CORE, 'guard'),
  path.join(CORE, 'retrieval'),
  path.join(CORE, 'text.ts'),
  path.join(CORE, 'shorthand.ts'),
  path.join(CORE, 'types.ts'),
];

const CODE_FILE = /\.(?:[cm]?[jt]s)$/;

function filesUnder(p: string): string[] {
  const s = statSync(p, { throwIfNoEntry: false });
  if (!s) return [];
  if (s.isFile()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((name) => filesUnder(path.join(p, name)));
}

/**
 * sha256 (hex) of the files under `inputs` that `keep` accepts, in a sorted walk: each file's
 * path relative to `root`, then its bytes. Also keys the bench's build cache.
 */
export function hashFiles(inputs: readonly string[], root: string, keep: (file: string) => boolean = () => true): string {
  const h = createHash('sha256');
  for (const input of inputs) {
    for (const f of filesUnder(input).filter(keep)) {
      h.update(path.relative(root, f).split(path.sep).join('/'));
      h.update('\0');
      h.update(readFileSync(f));
    }
  }
  return h.digest('hex');
}

/** Hash of the code files under `inputs` (paths relative to `root`). */
export function fingerprintOf(inputs: readonly string[], root = path.join(HERE, '..')): string {
  return hashFiles(inputs, root, (f) => CODE_FILE.test(f)).slice(0, 16);
}

let cached: string | undefined;

/** The running code's fingerprint, computed once per process. */
export function readerVersion(): string {
  cached ??= fingerprintOf(READER_INPUTS);
  return cached;
}
