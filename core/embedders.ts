/**
 * Which embeddings build and query the index: the local, offline default, or an
 * opt-in provider (OpenAI, Azure OpenAI, Ollama) through LangChain.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Config } from './config.js';
import { LocalEmbeddings } from './retrieval/embeddings.js';
import type { EmbedderLoader, EmbedderProvider, IndexEmbedder } from '../ingest/index-version.js';

/** A remote model wrapped with the identity the cache and the manifest need. */
class RemoteEmbedder implements IndexEmbedder {
  constructor(
    private readonly inner: EmbeddingsInterface,
    readonly modelId: string,
    public dimensions: number,
  ) {}
  embedDocuments(texts: string[]) {
    return this.inner.embedDocuments(texts);
  }
  embedQuery(text: string) {
    return this.inner.embedQuery(text);
  }
}

function remoteModelName(cfg: Config): string {
  switch (cfg.EMBEDDINGS_PROVIDER) {
    case 'openai':
      return `openai:${cfg.OPENAI_EMBEDDINGS_MODEL}`;
    case 'azure':
      return `azure:${cfg.AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME ?? cfg.AZURE_OPENAI_API_DEPLOYMENT_NAME ?? ''}`;
    default:
      return `ollama:${cfg.OLLAMA_EMBEDDINGS_MODEL}`;
  }
}

async function remote(cfg: Config, dimensions?: number): Promise<RemoteEmbedder> {
  // Imported when a remote model is configured: LangChain's OpenAI and Ollama clients are ~70 MB
  // of resident code and heap that a local-embeddings ingest (the default) never uses.
  const { createEmbeddingsProvider } = await import('./answer/providers.js');
  const inner = await createEmbeddingsProvider(cfg);
  if (!inner) throw new Error(`no embeddings provider for ${cfg.EMBEDDINGS_PROVIDER}`);
  const dims = dimensions ?? (await inner.embedQuery('kiểm sát')).length;
  return new RemoteEmbedder(inner, remoteModelName(cfg), dims);
}

export function embedderProvider(cfg: Config): EmbedderProvider {
  return async (corpus, previousState) => {
    if (cfg.EMBEDDINGS_PROVIDER !== 'local') return { embedder: await remote(cfg), state: null };
    // Reuse the fitted state between incremental runs so cached vectors stay valid.
    const embedder = previousState ? LocalEmbeddings.fromJSON(previousState as never) : new LocalEmbeddings().fit(corpus);
    return { embedder, state: embedder.toJSON() };
  };
}

export function embedderLoader(cfg: Config): EmbedderLoader {
  return async (state, manifest) => {
    if (cfg.EMBEDDINGS_PROVIDER !== 'local') return remote(cfg, manifest.dimensions);
    if (!state) return new LocalEmbeddings();
    return LocalEmbeddings.fromJSON(state as never);
  };
}
