/**
 * Shared state for running several replicas: conversation state, feedback, the
 * ingest lock, index version distribution and a copy of the refusal audit, all
 * in Redis when STATE_STORE is set; in-process equivalents (one replica) when not.
 */
import path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { RuntimeAssistant } from '../runtime.js';
import type { RefusalRecord } from '../refusal-audit.js';
import type { IngestLock } from '../../ingest/controller.js';
import { JsonlFeedbackStore, type FeedbackStore } from '../../bot/feedback.js';
import { connectRedis, duplicateRedis } from './redis-client.js';
import { stateKeys } from './keys.js';
import { RedisStorage } from './redis-storage.js';
import { RedisFeedbackStore } from './redis-feedback.js';
import { RedisLock } from './redis-lock.js';
import { DirectorySnapshotStore, type SnapshotStore } from './snapshot-store.js';
import { VersionChannel } from './version-channel.js';

export { ETagConflictError, StateStoreUnavailableError } from './errors.js';
export { RedisStorage } from './redis-storage.js';
export { RedisFeedbackStore } from './redis-feedback.js';
export { RedisLock } from './redis-lock.js';
export { DirectorySnapshotStore, type SnapshotStore } from './snapshot-store.js';
export { VersionChannel, type VersionTarget } from './version-channel.js';
export { stateKeys, type StateKeys } from './keys.js';

/** Refusal records kept in the Redis stream (oldest trimmed first); the JSONL file stays complete. */
const AUDIT_STREAM_MAX = 100_000;

export interface SharedStateDeps {
  logger: Logger;
  /** When given, version following starts at once; otherwise call followVersions() once the assistant exists. */
  assistant?: RuntimeAssistant;
  /** Where index snapshots live; the shared INDEX_DIR by default. */
  snapshots?: SnapshotStore;
  /** Fallback poll of the recorded version. */
  versionPollMs?: number;
}

export interface SharedState {
  mode: 'memory' | 'redis';
  storage: Storage;
  feedback: FeedbackStore;
  /** Serialises ingests across replicas (absent in memory mode: the controller's own guard suffices). */
  lock?: IngestLock;
  /** Announces a new index version to every replica. */
  publish?: (version: string) => Promise<void>;
  /** Forwards refusal audit records to the shared store. */
  auditSink?: (record: RefusalRecord) => Promise<void>;
  /** Reload `assistant` whenever another replica publishes a new version. */
  followVersions(assistant: RuntimeAssistant): Promise<void>;
  close(): Promise<void>;
}

export async function openSharedState(cfg: Config, deps: SharedStateDeps): Promise<SharedState> {
  const shared = cfg.STATE_STORE ? await openRedisState(cfg.STATE_STORE, cfg, deps) : openMemoryState(cfg);
  if (deps.assistant) await shared.followVersions(deps.assistant);
  return shared;
}

function openMemoryState(cfg: Config): SharedState {
  return {
    mode: 'memory',
    storage: new MemoryStorage(),
    feedback: new JsonlFeedbackStore(cfg.FEEDBACK_FILE),
    async followVersions() {
      // One replica: the controller reloads its own assistant.
    },
    async close() {},
  };
}

async function openRedisState(url: string, cfg: Config, deps: SharedStateDeps): Promise<SharedState> {
  const { logger } = deps;
  const keys = stateKeys(cfg.STATE_KEY_PREFIX);
  const redis = await connectRedis(url, { role: 'state', logger });
  let subscriber: Redis | undefined;
  let channel: VersionChannel | undefined;

  const lock = new RedisLock(redis, { key: keys.ingestLock, logger });
  const snapshots = deps.snapshots ?? new DirectorySnapshotStore(path.resolve(cfg.INDEX_DIR));
  logger.info({ prefix: cfg.STATE_KEY_PREFIX, snapshots: snapshots.location }, 'shared state in Redis');

  return {
    mode: 'redis',
    storage: new RedisStorage(redis, { keyOf: keys.item, ttlSeconds: cfg.STATE_TTL_SECONDS }),
    feedback: new RedisFeedbackStore(redis, keys.feedback),
    lock,
    async publish(version) {
      if (channel) return channel.publish(version);
      // Not following (e.g. an ingest-only process): still record and announce.
      await redis.set(keys.currentVersion, version);
      await redis.publish(keys.versionChannel, version);
    },
    async auditSink(record) {
      await redis.xadd(keys.refusalAudit, 'MAXLEN', '~', AUDIT_STREAM_MAX, '*', 'record', JSON.stringify(record));
    },
    async followVersions(assistant) {
      if (channel) return;
      subscriber = await duplicateRedis(redis, { role: 'version-subscriber', logger, offlineQueue: true });
      channel = new VersionChannel({
        redis,
        subscriber,
        key: keys.currentVersion,
        channel: keys.versionChannel,
        snapshots,
        target: { currentVersion: () => assistant.health().version, reload: () => assistant.reload() },
        pollMs: deps.versionPollMs,
        logger,
      });
      await channel.start();
    },
    async close() {
      await channel?.stop();
      await lock.release().catch(() => undefined);
      subscriber?.disconnect();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
