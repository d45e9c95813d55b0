/**
 * The index of the knowledge folder the quality and load children read: built
 * on first use (it is cached under bench/.cache/index), so any part can run
 * alone — a load-only run over a missing index would otherwise measure an
 * assistant that abstains on everything.
 */
import type { Config } from '../../core/config.js';
import { embedderProvider } from '../../core/embedders.js';
import { runIngest } from '../../ingest/pipeline.js';
import { readCurrentVersion } from '../../ingest/store.js';

export async function ensureKnowledgeIndex(cfg: Config, knowledgeDir: string, indexDir: string): Promise<void> {
  if (await readCurrentVersion(indexDir)) return;
  const r = await runIngest({ sourceDir: knowledgeDir, indexDir, full: true, embedder: embedderProvider(cfg) });
  if (!r.ok && !r.versionAfter) throw new Error(`ingest of the knowledge folder failed: ${r.error}`);
}
