/**
 * Per-user token bucket, in memory. A user who asks faster than the limit gets a
 * polite "wait N seconds" instead of a queue that grows without bound.
 */

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

export interface RateLimiterOptions {
  /** Bucket size and refill per minute. */
  perMinute: number;
  now?: () => number;
  /** Buckets kept at most; the least recently used are dropped first (memory bound). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter({ perMinute, now = Date.now, maxKeys = 10_000 }: RateLimiterOptions): RateLimiter {
  if (!(perMinute > 0)) throw new RangeError('perMinute must be positive');
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  return {
    take(key) {
      const t = now();
      const previous = buckets.get(key);
      const bucket: Bucket = previous
        ? { tokens: Math.min(perMinute, previous.tokens + (t - previous.at) * refillPerMs), at: t }
        : { tokens: perMinute, at: t };
      // Re-insert so Map order is least-recently-used first.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);

      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / refillPerMs) };
    },
  };
}
