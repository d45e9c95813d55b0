/**
 * Chat model and embeddings factories for the opt-in providers. Construction
 * makes no network call; keys and endpoints come from the parsed Config.
 *
 * A provider's package is imported when it is chosen: imported up front, the
 * two packages were a second of every start, the offline default's too.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config.js';

/** A provider was selected but a setting it needs is missing. */
export class ProviderConfigError extends Error {
  constructor(
    public readonly provider: string,
    public readonly missing: string[],
  ) {
    super(`Provider ${provider} needs ${missing.join(', ')}`);
    this.name = 'ProviderConfigError';
  }
}

function need(cfg: Config, provider: string, names: (keyof Config)[]): void {
  const missing = names.filter((n) => !cfg[n]);
  if (missing.length) throw new ProviderConfigError(provider, missing as string[]);
}

/** The chat model of cfg.LLM_PROVIDER, or null for `none` (extractive answers only). */
export async function createChatModel(cfg: Config): Promise<BaseChatModel | null> {
  switch (cfg.LLM_PROVIDER) {
    case 'none':
      return null;
    case 'openai': {
      need(cfg, 'openai', ['OPENAI_API_KEY']);
      const { ChatOpenAI } = await import('@langchain/openai');
      // Retries are bounded: the caller has a timeout and an extractive fallback.
      return new ChatOpenAI({ apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_MODEL, temperature: 0, maxRetries: 1 });
    }
    case 'azure': {
      need(cfg, 'azure', ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_API_INSTANCE_NAME', 'AZURE_OPENAI_API_DEPLOYMENT_NAME']);
      const { AzureChatOpenAI } = await import('@langchain/openai');
      return new AzureChatOpenAI({
        azureOpenAIApiKey: cfg.AZURE_OPENAI_API_KEY,
        azureOpenAIApiInstanceName: cfg.AZURE_OPENAI_API_INSTANCE_NAME,
        azureOpenAIApiDeploymentName: cfg.AZURE_OPENAI_API_DEPLOYMENT_NAME,
        azureOpenAIApiVersion: cfg.AZURE_OPENAI_API_VERSION,
        temperature: 0,
        maxRetries: 1,
      });
    }
    case 'ollama': {
      const { ChatOllama } = await import('@langchain/ollama');
      return new ChatOllama({ baseUrl: cfg.OLLAMA_BASE_URL, model: cfg.OLLAMA_MODEL, temperature: 0 });
    }
  }
}

/** Remote embeddings of cfg.EMBEDDINGS_PROVIDER, or null for `local` (the caller uses the local model). */
export async function createEmbeddingsProvider(cfg: Config): Promise<Embeddings | null> {
  switch (cfg.EMBEDDINGS_PROVIDER) {
    case 'local':
      return null;
    case 'openai': {
      need(cfg, 'openai', ['OPENAI_API_KEY']);
      const { OpenAIEmbeddings } = await import('@langchain/openai');
      return new OpenAIEmbeddings({ apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_EMBEDDINGS_MODEL, maxRetries: 1 });
    }
    case 'azure': {
      need(cfg, 'azure', ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_API_INSTANCE_NAME']);
      const { AzureOpenAIEmbeddings } = await import('@langchain/openai');
      return new AzureOpenAIEmbeddings({
        azureOpenAIApiKey: cfg.AZURE_OPENAI_API_KEY,
        azureOpenAIApiInstanceName: cfg.AZURE_OPENAI_API_INSTANCE_NAME,
        azureOpenAIApiEmbeddingsDeploymentName:
          cfg.AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME ?? cfg.AZURE_OPENAI_API_DEPLOYMENT_NAME,
        azureOpenAIApiVersion: cfg.AZURE_OPENAI_API_VERSION,
        maxRetries: 1,
      });
    }
    case 'ollama': {
      const { OllamaEmbeddings } = await import('@langchain/ollama');
      return new OllamaEmbeddings({ baseUrl: cfg.OLLAMA_BASE_URL, model: cfg.OLLAMA_EMBEDDINGS_MODEL });
    }
  }
}
