import { describe, expect, it } from 'vitest';
import { checkActivity } from '../../bot/activity-validation.js';

const good = {
  type: 'message',
  text: 'Xin chào',
  serviceUrl: 'http://127.0.0.1:1234/',
  conversation: { id: 'c1' },
  from: { id: 'u1' },
  recipient: { id: 'b1' },
  channelId: 'emulator',
};

describe('checkActivity', () => {
  it('accepts a well-formed message and a bare non-conversational activity', () => {
    expect(checkActivity(good)).toEqual({ ok: true });
    expect(checkActivity({ type: 'event', name: 'x' })).toEqual({ ok: true });
  });

  it.each([
    ['a string body', 'hello'],
    ['an array', [good]],
    ['no type', { ...good, type: undefined }],
    ['a numeric type', { ...good, type: 5 }],
    ['text that is not a string', { ...good, text: { a: 1 } }],
    ['no conversation', { ...good, conversation: undefined }],
    ['no from', { ...good, from: undefined }],
    ['no serviceUrl', { ...good, serviceUrl: undefined }],
    ['a non-http serviceUrl', { ...good, serviceUrl: 'file:///etc/passwd' }],
    ['entities that are not objects', { ...good, entities: ['x'] }],
  ])('rejects %s with a reason', (_label, body) => {
    const check = checkActivity(body);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason.length).toBeGreaterThan(0);
  });
});
