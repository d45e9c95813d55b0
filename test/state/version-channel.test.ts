/** Version distribution between replicas, on a real redis-server and real index folders. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Redis } from 'ioredis';
import { connectRedis, duplicateRedis } from '../../core/state/redis-client.js';
import { VersionChannel, type VersionTarget } from '../../core/state/version-channel.js';
import { DirectorySnapshotStore } from '../../core/state/snapshot-store.js';
import { setCurrentVersion, versionDir } from '../../ingest/store.js';
import { startRedis, type TestRedis } from '../support/redis.js';

const logger = pino({ level: 'silent' });
let server: TestRedis;
let indexDir: string;
const clients: Redis[] = [];
const channels: VersionChannel[] = [];

beforeAll(async () => {
  server = await startRedis();
  indexDir = await mkdtemp(join(tmpdir(), 'vks-versions-'));
});
afterAll(async () => {
  for (const c of channels) await c.stop();
  for (const c of clients) c.disconnect();
  await server?.dispose();
  await rm(indexDir, { recursive: true, force: true });
});

/** A replica's view: serves what CURRENT pointed at when it last reloaded. */
function replica(): VersionTarget & { reloads: number } {
  let serving: string | null = null;
  const r = {
    reloads: 0,
    currentVersion: () => serving,
    async reload() {
      r.reloads++;
      const { readCurrentVersion } = await import('../../ingest/store.js');
      serving = await readCurrentVersion(indexDir);
    },
  };
  return r;
}

async function channelFor(target: VersionTarget, pollMs = 60_000, prefix = 'vc:') {
  const redis = await connectRedis(server.url, { role: 'cmd', logger });
  const subscriber = await duplicateRedis(redis, { role: 'sub', logger, offlineQueue: true });
  clients.push(redis, subscriber);
  const channel = new VersionChannel({
    redis,
    subscriber,
    key: `${prefix}current`,
    channel: `${prefix}versions`,
    snapshots: new DirectorySnapshotStore(indexDir),
    target,
    pollMs,
    logger,
  });
  channels.push(channel);
  await channel.start();
  return channel;
}

async function commit(version: string) {
  await mkdir(versionDir(indexDir, version), { recursive: true });
  await setCurrentVersion(indexDir, version);
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('VersionChannel', () => {
  it('delivers a published version to another subscriber, which reloads once', async () => {
    const writer = replica();
    const reader = replica();
    const pub = await channelFor(writer);
    await channelFor(reader);
    await commit('v1');
    await writer.reload();
    await pub.publish('v1');
    await until(() => reader.currentVersion() === 'v1', 'the reader to switch to v1');
    expect(reader.reloads).toBe(1);
    expect(await pub.recorded()).toBe('v1');
    // The writer already served v1: its own message must not reload it again.
    expect(writer.reloads).toBe(1);
  });

  it('catches up by polling when the message was missed', async () => {
    const late = replica();
    await commit('v2');
    const redis = await connectRedis(server.url, { role: 'cmd', logger });
    clients.push(redis);
    await redis.set('vp:current', 'v2');
    // Nobody was subscribed when v2 was announced; start() checks the key at once.
    await channelFor(late, 60_000, 'vp:');
    expect(late.currentVersion()).toBe('v2');
  });

  it('does not switch to an announced version whose folder is missing, and retries on the next poll', async () => {
    const r = replica();
    const redis = await connectRedis(server.url, { role: 'cmd', logger });
    clients.push(redis);
    await channelFor(r, 50, 'vm:');
    await redis.set('vm:current', 'v3');
    await new Promise((res) => setTimeout(res, 200));
    expect(r.currentVersion()).not.toBe('v3');
    await commit('v3');
    await until(() => r.currentVersion() === 'v3', 'the poll to pick v3 up');
  });
});
