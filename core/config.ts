/**
 * Configuration: read from process.env once, validated with zod, passed down.
 * Nothing deeper in the code reads process.env.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const list = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

export const ConfigSchema = z.object({
  // --- service ---
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Empty means: 127.0.0.1 without app credentials (local dev), 0.0.0.0 with them. */
  HOST: optionalString,
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalString,
  /** Teams tenants allowed to talk to the bot; empty = any. */
  ALLOWED_TENANT_IDS: list,
  DIRECTLINE_SECRET: optionalString,
  MAX_MESSAGE_CHARS: z.coerce.number().int().positive().default(2000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  // --- knowledge and index ---
  KNOWLEDGE_DIR: z.string().default('knowledge'),
  INDEX_DIR: z.string().default('data/index'),
  DATA_DIR: z.string().default('data'),
  // --- providers (opt-in) ---
  EMBEDDINGS_PROVIDER: z.enum(['local', 'openai', 'azure', 'ollama']).default('local'),
  LLM_PROVIDER: z.enum(['none', 'openai', 'azure', 'ollama']).default('none'),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(20000),
  /** Extractive answers remembered per index version (a question asked again is not recomposed); 0 = off. */
  ANSWER_CACHE_SIZE: z.coerce.number().int().nonnegative().default(2000),
  /**
   * Indexes of at least this many chunks walk half their lexical postings in a worker thread; 0 = never.
   * Below it the walk takes a millisecond or so, and a message round trip (~0.1 ms) plus a second
   * pass over the accumulators would eat most of what the split saves.
   */
  SEARCH_SPLIT_MIN_CHUNKS: z.coerce.number().int().nonnegative().default(8000),
  /**
   * Share of the vector ranker in the hybrid fusion, 0..1. Unset: the retriever's default (0.1), tuned
   * for the local embeddings, which hash words and add little to BM25; a semantic provider may earn more.
   */
  RETRIEVAL_VECTOR_WEIGHT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().min(0).max(1).optional()),
  OPENAI_API_KEY: optionalString,
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDINGS_MODEL: z.string().default('text-embedding-3-small'),
  AZURE_OPENAI_API_KEY: optionalString,
  AZURE_OPENAI_API_INSTANCE_NAME: optionalString,
  AZURE_OPENAI_API_DEPLOYMENT_NAME: optionalString,
  AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME: optionalString,
  AZURE_OPENAI_API_VERSION: z.string().default('2024-10-21'),
  OLLAMA_BASE_URL: z.string().default('http://127.0.0.1:11434'),
  OLLAMA_MODEL: z.string().default('qwen2.5:7b-instruct'),
  OLLAMA_EMBEDDINGS_MODEL: z.string().default('bge-m3'),
  // --- administration and audit ---
  ADMIN_TOKEN: optionalString,
  ADMIN_USER_IDS: list,
  REFUSAL_AUDIT_FILE: z.string().default('data/audit/refusals.jsonl'),
  INGEST_AUDIT_FILE: z.string().default('data/audit/ingest.jsonl'),
  FEEDBACK_FILE: z.string().default('data/feedback.jsonl'),
  /** Salt for hashing user ids in audit logs. */
  AUDIT_SALT: z.string().default('vks-assistant'),
  // --- shared state (scale-out) ---
  STATE_STORE: optionalString,
  STATE_KEY_PREFIX: z.string().default('vks:'),
  STATE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(60 * 60 * 24 * 30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEBUG_MODE: bool,
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Cấu hình không hợp lệ:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parse an environment (process.env by default, at the edges only). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const cfg = parsed.data;
  const missing = (names: (keyof Config)[]) => names.filter((n) => !cfg[n]);
  const problems: string[] = [];
  if (cfg.LLM_PROVIDER === 'openai' || cfg.EMBEDDINGS_PROVIDER === 'openai') {
    problems.push(...missing(['OPENAI_API_KEY']).map((n) => `${n} is required for the OpenAI provider`));
  }
  if (cfg.LLM_PROVIDER === 'azure' || cfg.EMBEDDINGS_PROVIDER === 'azure') {
    problems.push(
      ...missing(['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_API_INSTANCE_NAME']).map((n) => `${n} is required for the Azure OpenAI provider`),
    );
  }
  if (cfg.MicrosoftAppType === 'SingleTenant' && cfg.MicrosoftAppId && !cfg.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant');
  }
  if (problems.length) throw new ConfigError(problems);
  return cfg;
}

/** Configuration for tests: defaults plus overrides, no process.env. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...overrides });
}

/** Reads `.env` into process.env when present (at the program's edge, before loadConfig). */
export function loadDotEnv(file = '.env'): void {
  try {
    process.loadEnvFile(file);
  } catch {
    // No .env: defaults and the real environment apply.
  }
}
