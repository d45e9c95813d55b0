/**
 * Redis connections for shared state. Commands fail fast while Redis is down
 * (no offline queue, one retry, a command timeout) so a turn fails with the
 * bot's apology instead of hanging; the client reconnects by itself with
 * capped exponential backoff, so the next turn works once Redis is back.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { StateStoreUnavailableError } from './errors.js';

export interface RedisClientOptions {
  /** What this connection is for, in logs. */
  role: string;
  logger: Pick<Logger, 'warn' | 'info'>;
  /** Per-command deadline; a turn must not wait longer than this on a sick Redis. */
  commandTimeoutMs?: number;
  /**
   * Queue commands while disconnected. Off for request-path connections (fail
   * fast); on for the subscriber, whose SUBSCRIBE should simply wait.
   */
  offlineQueue?: boolean;
}

/** Reconnect delay: 100 ms doubling up to 5 s, forever (Redis coming back must always be noticed). */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt - 1, 10), 5000);
}

export function redisOptions(opts: Pick<RedisClientOptions, 'commandTimeoutMs' | 'offlineQueue'>): RedisOptions {
  const offlineQueue = opts.offlineQueue ?? false;
  return {
    lazyConnect: true,
    enableOfflineQueue: offlineQueue,
    // null lets a queued command wait for the reconnect (subscriber only).
    maxRetriesPerRequest: offlineQueue ? null : 1,
    commandTimeout: offlineQueue ? undefined : (opts.commandTimeoutMs ?? 2000),
    connectTimeout: 3000,
    retryStrategy: reconnectDelay,
    autoResubscribe: true,
  };
}

/** Opens a connection to `url` (redis://host:port/db) and waits until it is ready. */
export async function connectRedis(url: string, opts: RedisClientOptions): Promise<Redis> {
  const client = new Redis(url, redisOptions(opts));
  attachLogging(client, opts);
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    throw new StateStoreUnavailableError(`cannot connect to the state store (${redactUrl(url)}) for ${opts.role}`, { cause: err });
  }
  return client;
}

/** A second connection with the same target (pub/sub needs its own). */
export async function duplicateRedis(client: Redis, opts: RedisClientOptions): Promise<Redis> {
  const dup = client.duplicate(redisOptions(opts));
  attachLogging(dup, opts);
  await dup.connect();
  return dup;
}

function attachLogging(client: Redis, opts: RedisClientOptions): void {
  let down = false;
  // Without an 'error' listener ioredis would raise unhandled errors on every failed reconnect.
  client.on('error', (err: Error) => {
    if (!down) opts.logger.warn({ err: err.message, role: opts.role }, 'state store connection error');
    down = true;
  });
  client.on('ready', () => {
    if (down) opts.logger.info({ role: opts.role }, 'state store connection restored');
    down = false;
  });
}

/** Never log a password that came in the URL. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<invalid url>';
  }
}
