/**
 * Our retriever over an index folder, wired the way core/runtime.ts wires it
 * (the runtime keeps its retriever private; the bench needs ranked passages).
 */
import path from 'node:path';
import { readdir } from 'node:fs/promises';
import type { Embeddings } from '@langchain/core/embeddings';
import { HybridRetriever } from '../../core/retrieval/hybrid.js';
import { embedderLoader } from '../../core/embedders.js';
import type { Config } from '../../core/config.js';
import { loadIndexVersion, type LoadedIndex } from '../../ingest/index-version.js';
import { readCurrentVersion, versionDir } from '../../ingest/store.js';

export class NoIndexError extends Error {
  constructor(indexDir: string) {
    super(`no current index version in ${indexDir}`);
    this.name = 'NoIndexError';
  }
}

export async function currentVersionDir(indexDir: string): Promise<string> {
  const v = await readCurrentVersion(indexDir);
  if (!v) throw new NoIndexError(indexDir);
  return versionDir(indexDir, v);
}

export async function openRetriever(cfg: Config, indexDir: string): Promise<{ retriever: HybridRetriever; index: LoadedIndex }> {
  const index = await loadIndexVersion(await currentVersionDir(indexDir), null);
  const embedder = await embedderLoader(cfg)(index.embedderState, index.manifest);
  const vs = index.vectorStore;
  const retriever = new HybridRetriever({
    chunks: index.chunks,
    bm25: index.lexical,
    embeddings: embedder as unknown as Embeddings,
    vectorSearch: async (vector: number[], k: number) => {
      if (!vs) return [];
      const res = vs.index.searchKnn(vector, Math.min(k, vs.index.getCurrentCount()));
      return res.neighbors.map((i, j) => ({ index: i, score: 1 - res.distances[j] }));
    },
  });
  return { retriever, index };
}

/** Bytes on disk of one index version (what "index size" means to an operator). */
export async function dirBytes(dir: string): Promise<number> {
  const { stat } = await import('node:fs/promises');
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? await dirBytes(p) : (await stat(p)).size;
  }
  return total;
}
