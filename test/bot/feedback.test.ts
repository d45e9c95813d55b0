import { mkdtemp, readFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlFeedbackStore, feedbackFromCardValue, feedbackFromTeamsInvoke, FEEDBACK_ACTION, type FeedbackEntry } from '../../bot/feedback.js';

const entry = (i: number): FeedbackEntry => ({ at: new Date(0).toISOString(), reaction: i % 2 ? 'like' : 'dislike', user: `h${i}`, channel: 'webchat', answerId: `a${i}` });

describe('JsonlFeedbackStore', () => {
  it('appends one JSON line per entry (creating the folder) and lists them back in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fb-'));
    const file = join(dir, 'nested', 'feedback.jsonl');
    const store = new JsonlFeedbackStore(file);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.record(entry(i))));
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(20);
    expect((await store.list()).map((e) => e.answerId)).toEqual(Array.from({ length: 20 }, (_, i) => `a${i}`));
  });

  it('skips a torn line and returns nothing for a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fb-'));
    const file = join(dir, 'feedback.jsonl');
    const store = new JsonlFeedbackStore(file);
    expect(await store.list()).toEqual([]);
    await store.record(entry(1));
    await appendFile(file, '{"at":"2024');
    expect(await store.list()).toHaveLength(1);
  });
});

describe('feedback parsing', () => {
  it('reads our card submissions and ignores other values', () => {
    expect(feedbackFromCardValue({ action: FEEDBACK_ACTION, reaction: 'like', answerId: 'a', questionId: 'q' })).toEqual({
      reaction: 'like',
      comment: undefined,
      answerId: 'a',
      questionId: 'q',
    });
    expect(feedbackFromCardValue({ action: FEEDBACK_ACTION, reaction: 'meh' })).toBeUndefined();
    expect(feedbackFromCardValue({ action: 'other', reaction: 'like' })).toBeUndefined();
    expect(feedbackFromCardValue('like')).toBeUndefined();
  });

  it('reads the Teams feedback loop payload, whose feedback is a JSON string', () => {
    expect(feedbackFromTeamsInvoke({ actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: '{"feedbackText":"Sai điều luật"}' } })).toEqual({
      reaction: 'dislike',
      comment: 'Sai điều luật',
    });
    expect(feedbackFromTeamsInvoke({ actionName: 'feedback', actionValue: { reaction: 'like', feedback: 'không phải JSON' } })?.comment).toBe('không phải JSON');
    expect(feedbackFromTeamsInvoke({ actionName: 'other', actionValue: { reaction: 'like' } })).toBeUndefined();
  });
});
