import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../bot/rate-limit.js';

describe('createRateLimiter', () => {
  it('allows a burst up to the limit, then tells how long to wait', () => {
    let now = 1_000;
    const limiter = createRateLimiter({ perMinute: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    const denied = limiter.take('a');
    expect(denied).toEqual({ allowed: false, retryAfterMs: 20_000 });
    now += 20_000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keeps users independent', () => {
    const limiter = createRateLimiter({ perMinute: 1, now: () => 0 });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('never refills beyond the bucket size', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 2, now: () => now });
    now = 10 * 60_000;
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });

  it('forgets the least recently used users past maxKeys', () => {
    const limiter = createRateLimiter({ perMinute: 1, now: () => 0, maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c'); // evicts a
    expect(limiter.take('a').allowed).toBe(true);
  });
});
