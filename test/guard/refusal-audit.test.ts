import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RefusalAudit, hashUser, type RefusalRecord } from '../../core/refusal-audit.js';
import { REFUSAL_TEXT, INJECTION_REFUSAL_TEXT } from '../../prompts/guard.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'audit-'));

describe('RefusalAudit', () => {
  it('creates the folder and appends one JSON line per refusal, user hashed, no message text', async () => {
    const file = join(tmp(), 'nested', 'deeper', 'refusals.jsonl');
    const audit = new RefusalAudit({ file, salt: 's3', now: () => new Date('2024-05-01T08:00:00Z') });
    await audit.record({ userId: 'user-42', conversationId: 'c1', channel: 'msteams', category: 'classified-content' });
    await audit.record({ category: 'injection' });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]) as RefusalRecord;
    expect(first).toEqual({
      time: '2024-05-01T08:00:00.000Z',
      user: hashUser('s3', 'user-42'),
      conversation: 'c1',
      channel: 'msteams',
      category: 'classified-content',
    });
    expect(first.user).toMatch(/^[0-9a-f]{32}$/);
    expect(lines[0]).not.toContain('user-42');
    expect(Object.keys(first).sort()).toEqual(['category', 'channel', 'conversation', 'time', 'user']);
    expect(JSON.parse(lines[1]).user).toBeNull();
  });

  it('records arriving together are all written, in order, each promise resolving once its line is in the file', async () => {
    const file = join(tmp(), 'refusals.jsonl');
    const audit = new RefusalAudit({ file, salt: 's' });
    const seenOnResolve: boolean[] = [];
    const conversations = Array.from({ length: 120 }, (_, i) => `c${i}`);
    const waits = conversations.map(async (c, i) => {
      if (i % 40 === 0) await new Promise((r) => setImmediate(r)); // some arrive while an append runs
      await audit.record({ conversationId: c, category: 'classified-content' });
      seenOnResolve.push(readFileSync(file, 'utf8').includes(`"conversation":"${c}"`));
    });
    await Promise.all(waits);
    expect(seenOnResolve.every(Boolean)).toBe(true);
    const written = readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as RefusalRecord).conversation);
    expect([...written].sort()).toEqual([...conversations].sort());
    // Within what arrived at once, the order of arrival is kept.
    const firstBatch = conversations.filter((_, i) => i % 40 !== 0);
    expect(written.filter((c) => firstBatch.includes(c!))).toEqual(firstBatch);
  });

  it('follows a log rotated by renaming within a second', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const dir = tmp();
      const file = join(dir, 'refusals.jsonl');
      const audit = new RefusalAudit({ file, salt: 's' });
      await audit.record({ conversationId: 'before', category: 'injection' });
      renameSync(file, join(dir, 'refusals.1.jsonl'));
      vi.setSystemTime(Date.now() + 1500);
      await audit.record({ conversationId: 'after', category: 'injection' });
      expect(readFileSync(file, 'utf8')).toContain('"conversation":"after"');
      expect(readFileSync(join(dir, 'refusals.1.jsonl'), 'utf8')).not.toContain('"after"');
    } finally {
      vi.useRealTimers();
    }
  });

  it('hashes with the salt: same user, different salt, different hash', () => {
    expect(hashUser('a', 'u')).not.toBe(hashUser('b', 'u'));
    expect(hashUser('a', 'u')).toBe(hashUser('a', 'u'));
  });

  it('logs a write failure instead of throwing, and still feeds the sink', async () => {
    const dir = tmp();
    const blocker = join(dir, 'file-not-folder');
    writeFileSync(blocker, 'x');
    const errors: string[] = [];
    const sunk: RefusalRecord[] = [];
    const audit = new RefusalAudit({
      file: join(blocker, 'refusals.jsonl'),
      salt: 's',
      sink: async (r) => void sunk.push(r),
      onError: (m) => errors.push(m),
    });
    await expect(audit.record({ userId: 'u', category: 'laundering' })).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(sunk.map((r) => r.category)).toEqual(['laundering']);
  });

  it('survives a failing sink', async () => {
    const errors: string[] = [];
    const audit = new RefusalAudit({
      file: join(tmp(), 'r.jsonl'),
      salt: 's',
      sink: async () => {
        throw new Error('down');
      },
      onError: (m) => errors.push(m),
    });
    await expect(audit.record({ category: 'encoding-trick' })).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe('refusal texts', () => {
  it('say the assistant does not handle state secrets and point to the proper channel', () => {
    expect(REFUSAL_TEXT).toMatch(/bí mật nhà nước/);
    expect(REFUSAL_TEXT).toMatch(/bộ phận bảo mật|văn thư mật|lãnh đạo đơn vị/);
    expect(INJECTION_REFUSAL_TEXT.length).toBeLessThan(300);
  });
});
