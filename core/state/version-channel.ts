/**
 * Distributes the current index version to every replica. The replica that
 * ingested records the version in a key and publishes it on a channel; every
 * replica subscribes (on its own connection, as pub/sub requires) and also
 * polls the key, because a message sent while a replica was disconnected is
 * lost for it. On a version it does not serve yet, the replica prepares the
 * snapshot and reloads its assistant; questions in flight finish on the old one.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SnapshotStore } from './snapshot-store.js';

export interface VersionTarget {
  /** The version being served, or null without an index. */
  currentVersion(): string | null;
  /** Switch to what the local index now points at. */
  reload(): Promise<void>;
}

export interface VersionChannelOptions {
  /** Commands (GET/SET/PUBLISH). */
  redis: Redis;
  /** A dedicated connection for SUBSCRIBE. */
  subscriber: Redis;
  key: string;
  channel: string;
  snapshots: SnapshotStore;
  target: VersionTarget;
  pollMs?: number;
  logger: Pick<Logger, 'info' | 'warn'>;
}

export class VersionChannel {
  private timer: NodeJS.Timeout | null = null;
  /** Serialises applies: a poll and a message for the same version must not reload twice at once. */
  private applying: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: VersionChannelOptions) {}

  private readonly onMessage = (channel: string, version: string) => {
    if (channel === this.opts.channel) void this.apply(version, 'message');
  };

  /** Subscribe, seed the key on a first deployment, check once, then poll. */
  async start(): Promise<void> {
    const { subscriber, channel, redis, key, target } = this.opts;
    subscriber.on('message', this.onMessage);
    await subscriber.subscribe(channel);
    const serving = target.currentVersion();
    if (serving) await redis.set(key, serving, 'NX');
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.opts.pollMs ?? 5000);
    this.timer.unref();
  }

  /** Record `version` as current and tell every replica. */
  async publish(version: string): Promise<void> {
    await this.opts.redis.set(this.opts.key, version);
    await this.opts.redis.publish(this.opts.channel, version);
  }

  /** The version recorded in Redis. */
  async recorded(): Promise<string | null> {
    return this.opts.redis.get(this.opts.key);
  }

  async poll(): Promise<void> {
    let version: string | null;
    try {
      version = await this.recorded();
    } catch {
      return; // Redis away: the next poll tries again.
    }
    if (version) await this.apply(version, 'poll');
  }

  /** Resolves when every apply started so far has ended (tests, shutdown). */
  idle(): Promise<void> {
    return this.applying;
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.opts.subscriber.off('message', this.onMessage);
    // Not awaited: the subscriber queues commands while Redis is down, and shutdown must not wait for Redis.
    this.opts.subscriber.unsubscribe(this.opts.channel).catch(() => undefined);
    await this.applying;
  }

  private apply(version: string, via: 'message' | 'poll'): Promise<void> {
    const run = this.applying.then(async () => {
      const { target, snapshots, logger } = this.opts;
      if (this.closed || target.currentVersion() === version) return;
      try {
        if (!(await snapshots.prepare(version))) {
          logger.warn({ version, from: snapshots.location, via }, 'announced index version not available yet; will retry');
          return;
        }
        const before = target.currentVersion();
        await target.reload();
        logger.info({ before, after: target.currentVersion(), via }, 'index version switched');
      } catch (err) {
        logger.warn({ err, version, via }, 'index version switch failed; the old version keeps serving');
      }
    });
    this.applying = run;
    return run;
  }
}
