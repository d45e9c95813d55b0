/**
 * Chat model and embeddings factories for the opt-in providers. Construction
 * makes no network call; keys and endpoints come from the parsed Config.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Embeddings } from '@langchain/core/embeddings';
import { AzureChatOpenAI, AzureOpenAIEmbeddings, ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { ChatOllama, OllamaEmbeddings } from '@langchain/ollama';
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
export function createChatModel(cfg: Config): BaseChatModel | null {
  switch (cfg.LLM_PROVIDER) {
    case 'none':
      return null;
    case 'openai':
      need(cfg, 'openai', ['OPENAI_API_KEY']);
      // Retries are bounded: the caller has a timeout and an extractive fallback.
      return new ChatOpenAI({ apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_MODEL, temperature: 0, maxRetries: 1 });
    case 'azure':
      need(cfg, 'azure', ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_API_INSTANCE_NAME', 'AZURE_OPENAI_API_DEPLOYMENT_NAME']);
      return new AzureChatOpenAI({
        azureOpenAIApiKey: cfg.AZURE_OPENAI_API_KEY,
        azureOpenAIApiInstanceName: cfg.AZURE_OPENAI_API_INSTANCE_NAME,
        azureOpenAIApiDeploymentName: cfg.AZURE_OPENAI_API_DEPLOYMENT_NAME,
        azureOpenAIApiVersion: cfg.AZURE_OPENAI_API_VERSION,
        temperature: 0,
        maxRetries: 1,
      });
    case 'ollama':
      return new ChatOllama({ baseUrl: cfg.OLLAMA_BASE_URL, model: cfg.OLLAMA_MODEL, temperature: 0 });
  }
}

/** Remote embeddings of cfg.EMBEDDINGS_PROVIDER, or null for `local` (the caller uses the local model). */
export function createEmbeddingsProvider(cfg: Config): Embeddings | null {
  switch (cfg.EMBEDDINGS_PROVIDER) {
    case 'local':
      return null;
    case 'openai':
      need(cfg, 'openai', ['OPENAI_API_KEY']);
      return new OpenAIEmbeddings({ apiKey: cfg.OPENAI_API_KEY, model: cfg.OPENAI_EMBEDDINGS_MODEL, maxRetries: 1 });
    case 'azure':
      need(cfg, 'azure', ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_API_INSTANCE_NAME']);
      return new AzureOpenAIEmbeddings({
        azureOpenAIApiKey: cfg.AZURE_OPENAI_API_KEY,
        azureOpenAIApiInstanceName: cfg.AZURE_OPENAI_API_INSTANCE_NAME,
        azureOpenAIApiEmbeddingsDeploymentName:
          cfg.AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME ?? cfg.AZURE_OPENAI_API_DEPLOYMENT_NAME,
        azureOpenAIApiVersion: cfg.AZURE_OPENAI_API_VERSION,
        maxRetries: 1,
      });
    case 'ollama':
      return new OllamaEmbeddings({ baseUrl: cfg.OLLAMA_BASE_URL, model: cfg.OLLAMA_EMBEDDINGS_MODEL });
  }
}
