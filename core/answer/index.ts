/** The answer stage's public API: rewrite → (retrieve) → compose, extractive or with an LLM. */
export { rewriteFollowUp, isFollowUp, topicOf, documentReferences } from './rewrite.js';
export { decideAbstention, DEFAULT_ABSTAIN, type AbstainOptions, type AbstainDecision, type AbstainReason } from './abstain.js';
export { composeExtractive, DEFAULT_COMPOSE, type ComposeOptions, type ComposeResult } from './compose.js';
export { composeWithLlm, rewriteWithLlm, citedPassages, formatPassages, type LlmOptions, type LlmComposeResult } from './llm.js';
export { createChatModel, createEmbeddingsProvider, ProviderConfigError } from './providers.js';
export { citationsOf, sourcesBlock, shortLocator, type SupersededLookup } from './format.js';
