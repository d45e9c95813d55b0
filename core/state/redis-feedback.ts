/**
 * Feedback on a Redis list, so a 👍/👎 given through one replica is visible
 * through every other. Kept without TTL: feedback is evidence for improving
 * the knowledge base, not session state.
 */
import type { Redis } from 'ioredis';
import type { FeedbackEntry, FeedbackStore } from '../../bot/feedback.js';

export class RedisFeedbackStore implements FeedbackStore {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  async record(entry: FeedbackEntry): Promise<void> {
    await this.redis.rpush(this.key, JSON.stringify(entry));
  }

  async list(): Promise<FeedbackEntry[]> {
    const lines = await this.redis.lrange(this.key, 0, -1);
    const entries: FeedbackEntry[] = [];
    for (const line of lines) {
      try {
        entries.push(JSON.parse(line) as FeedbackEntry);
      } catch {
        // A foreign value pushed by hand must not hide the rest.
      }
    }
    return entries;
  }
}
