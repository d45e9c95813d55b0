/** RedisStorage against a real redis-server: botbuilder ETag semantics, prefix, TTL, delete. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage, type Storage } from 'botbuilder';
import { pino } from 'pino';
import type { Redis } from 'ioredis';
import { connectRedis } from '../../core/state/redis-client.js';
import { RedisStorage } from '../../core/state/redis-storage.js';
import { ETagConflictError } from '../../core/state/errors.js';
import { stateKeys } from '../../core/state/keys.js';
import { startRedis, type TestRedis } from '../support/redis.js';

const logger = pino({ level: 'silent' });
let server: TestRedis;
let a: Redis;
let b: Redis;
let prefix: string;
let n = 0;

beforeAll(async () => {
  server = await startRedis();
  a = await connectRedis(server.url, { role: 'test-a', logger });
  b = await connectRedis(server.url, { role: 'test-b', logger });
});
afterAll(async () => {
  a?.disconnect();
  b?.disconnect();
  await server?.dispose();
});
beforeEach(() => {
  prefix = `t${++n}:`;
});

const storageOn = (client: Redis, ttlSeconds = 0) => new RedisStorage(client, { keyOf: stateKeys(prefix).item, ttlSeconds });

describe('RedisStorage', () => {
  it('round-trips JSON values and gives each write a new eTag', async () => {
    const s = storageOn(a);
    await s.write({ 'conv/1': { history: [{ question: 'Điều 33 quy định gì?', n: 1 }] } });
    const first = (await s.read(['conv/1', 'missing']))['conv/1'];
    expect(first.history).toEqual([{ question: 'Điều 33 quy định gì?', n: 1 }]);
    expect(typeof first.eTag).toBe('string');
    await s.write({ 'conv/1': { ...first, history: [] } });
    const second = (await s.read(['conv/1']))['conv/1'];
    expect(second.eTag).not.toBe(first.eTag);
    expect(await s.read(['missing'])).toEqual({});
  });

  it('rejects a write carrying a stale eTag and keeps the winner', async () => {
    const s = storageOn(a);
    await s.write({ k: { v: 0 } });
    const seen = (await s.read(['k'])).k;
    await s.write({ k: { ...seen, v: 1 } });
    await expect(s.write({ k: { ...seen, v: 2 } })).rejects.toBeInstanceOf(ETagConflictError);
    await expect(s.write({ k: { ...seen, v: 2 } })).rejects.toThrow('Storage: error writing "k" due to eTag conflict.');
    expect((await s.read(['k'])).k.v).toBe(1);
  });

  it('overwrites when the eTag is "*" or absent', async () => {
    const s = storageOn(a);
    await s.write({ k: { v: 0 } });
    await s.write({ k: { v: 1, eTag: '*' } });
    expect((await s.read(['k'])).k.v).toBe(1);
    await s.write({ k: { v: 2 } });
    expect((await s.read(['k'])).k.v).toBe(2);
  });

  it('lets exactly one of two replicas win a race on the same eTag', async () => {
    const sa = storageOn(a);
    const sb = storageOn(b);
    await sa.write({ k: { v: 'start' } });
    const base = (await sa.read(['k'])).k;
    const results = await Promise.allSettled([sa.write({ k: { ...base, v: 'a' } }), sb.write({ k: { ...base, v: 'b' } })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ETagConflictError);
    const winner = results[0].status === 'fulfilled' ? 'a' : 'b';
    expect((await sb.read(['k'])).k.v).toBe(winner);
  });

  it('writes several items all-or-nothing', async () => {
    const s = storageOn(a);
    await s.write({ x: { v: 1 }, y: { v: 1 } });
    const { x } = await s.read(['x']);
    await s.write({ x: { ...x, v: 2 } });
    await expect(s.write({ y: { v: 9, eTag: '*' }, x: { ...x, v: 3 } })).rejects.toThrow(/"x"/);
    const after = await s.read(['x', 'y']);
    expect(after.x.v).toBe(2);
    expect(after.y.v).toBe(1);
  });

  it('stores under the configured prefix with a sliding TTL, and deletes', async () => {
    const s = storageOn(a, 120);
    await s.write({ 'emulator/conversations/c1/': { v: 1 } });
    const key = `${prefix}state:emulator/conversations/c1/`;
    expect(await a.exists(key)).toBe(1);
    const ttl = await a.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120);
    await a.expire(key, 5);
    await s.write({ 'emulator/conversations/c1/': { v: 2 } });
    expect(await a.ttl(key)).toBeGreaterThan(5);
    await s.delete(['emulator/conversations/c1/']);
    expect(await a.exists(key)).toBe(0);
    expect(await s.read(['emulator/conversations/c1/'])).toEqual({});
  });

  it('keeps items forever with TTL 0', async () => {
    const s = storageOn(a, 0);
    await s.write({ k: { v: 1 } });
    expect(await a.ttl(`${prefix}state:k`)).toBe(-1);
  });

  it('behaves like botbuilder MemoryStorage on the same sequence of operations', async () => {
    // The reference semantics, run side by side: any divergence fails.
    const run = async (s: Storage) => {
      const log: string[] = [];
      const attempt = async (label: string, op: () => Promise<unknown>) => {
        try {
          await op();
          log.push(`${label}:ok`);
        } catch {
          log.push(`${label}:conflict`);
        }
      };
      await attempt('create', () => s.write({ k: { v: 1 } }));
      const r1 = (await s.read(['k'])).k;
      await attempt('update-current', () => s.write({ k: { ...r1, v: 2 } }));
      await attempt('update-stale', () => s.write({ k: { ...r1, v: 3 } }));
      await attempt('star', () => s.write({ k: { v: 4, eTag: '*' } }));
      await attempt('new-with-etag', () => s.write({ fresh: { v: 1, eTag: 'anything' } }));
      await s.delete(['k']);
      await attempt('after-delete-stale', () => s.write({ k: { ...r1, v: 5 } }));
      const final = await s.read(['k', 'fresh']);
      log.push(`k=${final.k?.v}`, `fresh=${final.fresh?.v}`);
      return log;
    };
    expect(await run(storageOn(a))).toEqual(await run(new MemoryStorage()));
  });
});
