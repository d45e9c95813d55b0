/** Connection loss and recovery, and openSharedState in both modes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStorage } from 'botbuilder';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { testConfig } from '../../core/config.js';
import { connectRedis, reconnectDelay } from '../../core/state/redis-client.js';
import { RedisStorage } from '../../core/state/redis-storage.js';
import { StateStoreUnavailableError } from '../../core/state/errors.js';
import { openSharedState } from '../../core/state/index.js';
import { JsonlFeedbackStore } from '../../bot/feedback.js';
import { freePort, startRedis, type TestRedis } from '../support/redis.js';

const logger = pino({ level: 'silent' });
let server: TestRedis;
let dir: string;

beforeAll(async () => {
  server = await startRedis({ persistent: true });
  dir = await mkdtemp(join(tmpdir(), 'vks-shared-'));
});
afterAll(async () => {
  await server?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('Redis connection', () => {
  it('backs off with a cap and never gives up', () => {
    const delays = [1, 2, 3, 10, 100, 10_000].map(reconnectDelay);
    expect(delays[0]).toBeLessThan(delays[1]);
    expect(delays[1]).toBeLessThan(delays[2]);
    expect(delays.every((d) => typeof d === 'number' && d > 0 && d <= 5000)).toBe(true);
  });

  it('refuses to start against a server that is not there, with a typed error', async () => {
    const port = await freePort();
    await expect(connectRedis(`redis://127.0.0.1:${port}/0`, { role: 'test', logger })).rejects.toBeInstanceOf(StateStoreUnavailableError);
  });

  it('fails commands while Redis is down, then reconnects by itself with the data intact', async () => {
    const client = await connectRedis(server.url, { role: 'test', logger });
    const storage = new RedisStorage(client, { keyOf: (k) => `loss:${k}`, ttlSeconds: 0 });
    try {
      await storage.write({ conv: { history: ['câu hỏi trước'] } });
      await server.stop('SIGKILL');
      // Fails instead of queueing until Redis returns.
      await expect(storage.read(['conv'])).rejects.toThrow();
      await expect(storage.write({ other: { v: 1 } })).rejects.toThrow();
      await server.start();
      let item: any;
      for (let i = 0; i < 100 && !item; i++) {
        item = await storage.read(['conv']).then((r) => r.conv, () => undefined);
        if (!item) await new Promise((r) => setTimeout(r, 100));
      }
      expect(item?.history).toEqual(['câu hỏi trước']);
    } finally {
      client.disconnect();
    }
  });
});

describe('openSharedState', () => {
  it('uses in-process stores without STATE_STORE', async () => {
    const shared = await openSharedState(testConfig({ FEEDBACK_FILE: join(dir, 'f.jsonl') }), { logger });
    expect(shared.mode).toBe('memory');
    expect(shared.storage).toBeInstanceOf(MemoryStorage);
    expect(shared.feedback).toBeInstanceOf(JsonlFeedbackStore);
    expect(shared.lock).toBeUndefined();
    expect(shared.publish).toBeUndefined();
    await shared.close();
  });

  it('shares state, feedback, the lock and the refusal audit between two replicas through Redis', async () => {
    const cfg = testConfig({ STATE_STORE: server.url, STATE_KEY_PREFIX: 'open:', INDEX_DIR: join(dir, 'index') });
    const one = await openSharedState(cfg, { logger });
    const two = await openSharedState(cfg, { logger });
    try {
      expect(one.mode).toBe('redis');
      await one.storage.write({ k: { v: 'từ bản sao 1' } });
      expect((await two.storage.read(['k'])).k.v).toBe('từ bản sao 1');
      await one.feedback.record({ at: new Date().toISOString(), reaction: 'dislike', comment: 'Thiếu nguồn', user: 'u', channel: 'emulator' });
      expect((await two.feedback.list()).map((e) => e.comment)).toEqual(['Thiếu nguồn']);
      expect(await one.lock!.acquire()).toBe(true);
      expect(await two.lock!.acquire()).toBe(false);
      await one.lock!.release();
      await one.auditSink!({ time: new Date().toISOString(), user: 'abc', conversation: 'c', channel: 'emulator', category: 'classified-content' });
      const client = await connectRedis(server.url, { role: 'check', logger });
      const entries = await client.xrange('open:audit:refusals', '-', '+');
      client.disconnect();
      expect(entries).toHaveLength(1);
      expect(JSON.parse(entries[0][1][1]).user).toBe('abc');
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('test Redis helper', () => {
  it('fails, naming the Debian package, when the redis-server binary is missing', async () => {
    await expect(startRedis({ binary: 'redis-server-that-is-not-installed' })).rejects.toThrow(/Debian package "redis-server"/);
  });
});
