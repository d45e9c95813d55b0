/** The cross-replica ingest lock on a real redis-server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Redis } from 'ioredis';
import { connectRedis } from '../../core/state/redis-client.js';
import { RedisLock } from '../../core/state/redis-lock.js';
import { startRedis, type TestRedis } from '../support/redis.js';

const logger = pino({ level: 'silent' });
let server: TestRedis;
let a: Redis;
let b: Redis;

beforeAll(async () => {
  server = await startRedis();
  a = await connectRedis(server.url, { role: 'a', logger });
  b = await connectRedis(server.url, { role: 'b', logger });
});
afterAll(async () => {
  a?.disconnect();
  b?.disconnect();
  await server?.dispose();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('RedisLock', () => {
  it('is exclusive across connections and free again after release', async () => {
    const one = new RedisLock(a, { key: 'lock:x' });
    const two = new RedisLock(b, { key: 'lock:x' });
    expect(await one.acquire()).toBe(true);
    expect(await two.acquire()).toBe(false);
    await one.release();
    expect(await two.acquire()).toBe(true);
    expect(await one.acquire()).toBe(false);
    await two.release();
    expect(await a.exists('lock:x')).toBe(0);
  });

  it('lets only one of many simultaneous acquirers win', async () => {
    const locks = Array.from({ length: 8 }, (_, i) => new RedisLock(i % 2 ? a : b, { key: 'lock:race' }));
    const got = await Promise.all(locks.map((l) => l.acquire()));
    expect(got.filter(Boolean)).toHaveLength(1);
    await Promise.all(locks.map((l) => l.release()));
  });

  it('never deletes a lock another holder took after its own expired', async () => {
    const slow = new RedisLock(a, { key: 'lock:exp', ttlMs: 200, renewEveryMs: 60_000 });
    expect(await slow.acquire()).toBe(true);
    await sleep(400);
    const next = new RedisLock(b, { key: 'lock:exp', ttlMs: 10_000 });
    expect(await next.acquire()).toBe(true);
    await slow.release();
    expect(await a.exists('lock:exp')).toBe(1);
    expect(await new RedisLock(a, { key: 'lock:exp' }).acquire()).toBe(false);
    await next.release();
  });

  it('renews its TTL while held, so a run longer than the TTL keeps the lock', async () => {
    const held = new RedisLock(a, { key: 'lock:renew', ttlMs: 300, renewEveryMs: 50 });
    expect(await held.acquire()).toBe(true);
    await sleep(900);
    expect(await new RedisLock(b, { key: 'lock:renew' }).acquire()).toBe(false);
    await held.release();
    expect(await new RedisLock(b, { key: 'lock:renew' }).acquire()).toBe(true);
  });
});
