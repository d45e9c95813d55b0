/**
 * A piece that opens with the nouns the question opens with is about them ("2. Người nước ngoài cư
 * trú tại Việt Nam có quyền …" for "Người nước ngoài có được …?"); one that names them further on
 * is about something else it does to them (compose.ts, SUBJECT_OPENING_BONUS).
 */
import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import type { Chunk, Scored } from '../../core/types.js';

const article = (text: string): Scored<Chunk> => ({
  item: { id: 'a', docId: 'luat/tctt.txt', text, ord: 0, title: 'Luật Tiếp cận thông tin', type: 'Luật', article: '36', locator: 'Điều 36', heading: 'Điều 36. Điều khoản áp dụng' },
  score: 1,
});

describe('the subject a question opens with', () => {
  const hit = article(
    [
      '1. Cơ quan nhà nước từ chối yêu cầu cung cấp thông tin của người nước ngoài khi thông tin đó không liên quan đến quyền của họ.',
      '2. Người nước ngoài cư trú tại Việt Nam có quyền yêu cầu cung cấp thông tin liên quan trực tiếp đến quyền và nghĩa vụ của mình.',
    ].join('\n'),
  );
  it('quotes the khoản that opens with it', () => {
    const r = composeExtractive('Người nước ngoài có được yêu cầu cung cấp thông tin không?', [hit], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('cư trú tại Việt Nam có quyền');
  });
});
