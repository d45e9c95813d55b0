/**
 * Our retriever over an index folder, exactly as the runtime opens it
 * (the bench needs ranked passages, not answers).
 */
import type { HybridRetriever } from '../../core/retrieval/hybrid.js';
import { openRetriever as openRuntimeRetriever } from '../../core/runtime.js';
import { embedderLoader } from '../../core/embedders.js';
import type { Config } from '../../core/config.js';
import type { LoadedIndex } from '../../ingest/index-version.js';
import { readCurrentVersion } from '../../ingest/store.js';

export class NoIndexError extends Error {
  constructor(indexDir: string) {
    super(`no current index version in ${indexDir}`);
    this.name = 'NoIndexError';
  }
}

export async function openRetriever(cfg: Config, indexDir: string): Promise<{ retriever: HybridRetriever; index: LoadedIndex }> {
  const version = await readCurrentVersion(indexDir);
  if (!version) throw new NoIndexError(indexDir);
  return openRuntimeRetriever(indexDir, version, embedderLoader(cfg));
}
