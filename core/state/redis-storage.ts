/**
 * botbuilder `Storage` on Redis, so every replica sees the same conversation
 * state. ETag semantics are botbuilder's (MemoryStorage, BlobsStorage,
 * CosmosDbPartitionedStorage): a write whose eTag is "*" or absent overwrites;
 * a write whose eTag differs from the stored one fails with a conflict; every
 * successful write stores a fresh eTag. The check and the set happen in one
 * Lua script, so two replicas racing on one conversation cannot both win.
 *
 * Each item is a hash { etag, data } where data is the item's JSON (without
 * its eTag). The TTL is sliding: every write renews it.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Redis } from 'ioredis';
import { ETagConflictError } from './errors.js';

export interface RedisStorageOptions {
  /** Maps a botbuilder key to its Redis key (prefix included). */
  keyOf: (key: string) => string;
  /** Seconds an item lives after its last write; 0 = forever. */
  ttlSeconds: number;
}

/**
 * KEYS: the items. ARGV[1]: ttl seconds (0 = none); then per key three values:
 * expected eTag ("" = unconditional), new eTag, JSON data.
 * Checks every key first and writes only when all match, so a multi-item
 * write is all-or-nothing. Returns 0, or the 1-based index of the conflicting key.
 */
const WRITE_SCRIPT = `
local ttl = tonumber(ARGV[1])
for i = 1, #KEYS do
  local expected = ARGV[2 + (i - 1) * 3]
  if expected ~= '' then
    local current = redis.call('HGET', KEYS[i], 'etag')
    if current and current ~= expected then return i end
  end
end
for i = 1, #KEYS do
  local base = 2 + (i - 1) * 3
  redis.call('HSET', KEYS[i], 'etag', ARGV[base + 1], 'data', ARGV[base + 2])
  if ttl > 0 then redis.call('EXPIRE', KEYS[i], ttl) else redis.call('PERSIST', KEYS[i]) end
end
return 0
`;

type WithWrite = Redis & { vksStateWrite(numKeys: number, ...args: (string | number)[]): Promise<number> };

export class RedisStorage implements Storage {
  private readonly redis: WithWrite;

  constructor(redis: Redis, private readonly opts: RedisStorageOptions) {
    // defineCommand sends EVALSHA and falls back to EVAL after a restart emptied the script cache.
    if (!('vksStateWrite' in redis)) redis.defineCommand('vksStateWrite', { lua: WRITE_SCRIPT });
    this.redis = redis as WithWrite;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (!keys.length) return {};
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.opts.keyOf(key), 'etag', 'data');
    const results = (await pipeline.exec()) ?? [];
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const [err, value] = results[i] ?? [new Error('no reply')];
      if (err) throw err;
      const [eTag, data] = value as [string | null, string | null];
      if (data === null) return;
      items[key] = { ...(JSON.parse(data) as object), eTag: eTag ?? undefined };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (!keys.length) return;
    const args: (string | number)[] = [this.opts.ttlSeconds];
    for (const key of keys) {
      const { eTag, ...data } = (changes[key] ?? {}) as { eTag?: unknown };
      const expected = typeof eTag === 'string' && eTag !== '*' ? eTag : '';
      args.push(expected, randomUUID(), JSON.stringify(data));
    }
    const conflict = await this.redis.vksStateWrite(keys.length, ...keys.map(this.opts.keyOf), ...args);
    if (conflict) throw new ETagConflictError(keys[conflict - 1]);
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys?.length) return;
    await this.redis.del(...keys.map(this.opts.keyOf));
  }
}
