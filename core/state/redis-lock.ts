/**
 * One ingest at a time across replicas: SET key token NX PX ttl. The holder
 * renews the TTL while its run lasts (a long OCR ingest outlives any fixed
 * TTL) and releases with compare-and-delete, so a replica whose lock expired
 * can never delete the lock another replica took since. If the holder dies,
 * the TTL frees the lock.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { IngestLock } from '../../ingest/controller.js';

const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

type WithScripts = Redis & {
  vksLockRelease(key: string, token: string): Promise<number>;
  vksLockRenew(key: string, token: string, ttlMs: number): Promise<number>;
};

export interface RedisLockOptions {
  key: string;
  /** Lifetime without renewal: how long a crashed holder blocks others. */
  ttlMs?: number;
  /** Renewal period; well under ttlMs so one missed renewal does not lose the lock. */
  renewEveryMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

export class RedisLock implements IngestLock {
  private readonly redis: WithScripts;
  private readonly ttlMs: number;
  private readonly renewEveryMs: number;
  private token: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(redis: Redis, private readonly opts: RedisLockOptions) {
    if (!('vksLockRelease' in redis)) {
      redis.defineCommand('vksLockRelease', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
      redis.defineCommand('vksLockRenew', { numberOfKeys: 1, lua: RENEW_SCRIPT });
    }
    this.redis = redis as WithScripts;
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.renewEveryMs = opts.renewEveryMs ?? Math.max(10, Math.floor(this.ttlMs / 3));
  }

  /** True while this instance believes it holds the lock. */
  get held(): boolean {
    return this.token !== null;
  }

  async acquire(): Promise<boolean> {
    if (this.token) return false;
    const token = randomUUID();
    const ok = await this.redis.set(this.opts.key, token, 'PX', this.ttlMs, 'NX');
    if (ok !== 'OK') return false;
    this.token = token;
    this.timer = setInterval(() => void this.renew(token), this.renewEveryMs);
    this.timer.unref();
    return true;
  }

  async release(): Promise<void> {
    const token = this.token;
    this.stopRenewing();
    if (!token) return;
    await this.redis.vksLockRelease(this.opts.key, token);
  }

  private async renew(token: string): Promise<void> {
    try {
      const ok = await this.redis.vksLockRenew(this.opts.key, token, this.ttlMs);
      if (!ok && this.token === token) {
        // Expired (Redis was away longer than the TTL) and maybe taken: stop pretending.
        this.opts.logger?.warn({ key: this.opts.key }, 'ingest lock lost before the run ended');
        this.stopRenewing();
      }
    } catch {
      // Redis briefly away: the next tick tries again while the TTL lasts.
    }
  }

  private stopRenewing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.token = null;
  }
}
