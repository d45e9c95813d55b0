/**
 * "Bước 5 là gì?" after a procedure: the step asked by its number (compose.ts STEP_NUMBER_BONUS),
 * completed with the procedure the conversation is about (rewrite.ts), and the article a step
 * cites quoted at the khoản it names.
 */
import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import { rewriteFollowUp, topicOf } from '../../core/answer/rewrite.js';
import type { Chunk, Scored } from '../../core/types.js';

const guide: Scored<Chunk> = {
  item: {
    id: 'g',
    docId: 'huong-dan/ky-so.md',
    ord: 2,
    title: 'Hướng dẫn ký số văn bản điện tử',
    type: 'Hướng dẫn',
    heading: 'Các bước ký số một văn bản điện tử',
    locator: 'Các bước ký số một văn bản điện tử',
    text: [
      '1. **Soạn thảo.** Người được giao soạn thảo văn bản đưa bản thảo lên Hệ thống.',
      '2. **Duyệt bản thảo.** Bản thảo văn bản phải do người có thẩm quyền ký văn bản duyệt.',
      '3. **Ký số.** Người có thẩm quyền ký số văn bản trên Hệ thống.',
      '4. **Phát hành và lưu.** Văn bản đi phát hành trong ngày ký (khoản 1 Điều 18 Nghị định 30/2020/NĐ-CP).',
    ].join('\n'),
  },
  score: 1,
};
const decree: Scored<Chunk> = {
  item: {
    id: 'd',
    docId: 'nghi-dinh/30.txt',
    ord: 18,
    title: 'Nghị định về công tác văn thư',
    number: '30/2020/NĐ-CP',
    type: 'Nghị định',
    article: '18',
    locator: 'Điều 18',
    heading: 'Điều 18. Phát hành và theo dõi việc chuyển phát văn bản đi',
    text: [
      'Điều 18. Phát hành và theo dõi việc chuyển phát văn bản đi',
      '1. Văn bản đi phải được phát hành trong ngày văn bản đó được ký, chậm nhất là trong ngày làm việc tiếp theo.',
      '2. Văn bản đi đã phát hành nhưng có sai sót thì phải được đính chính, thay thế bằng văn bản.',
      '3. Phát hành văn bản giấy từ văn bản được ký số: Văn thư in văn bản đã được ký số ký văn bản.',
    ].join('\n'),
  },
  score: 0.9,
};

describe('a step asked by its number', () => {
  it.each([
    ['Về ký số văn bản: bước 2 là gì?', 'Duyệt bản thảo'],
    ['Về ký số văn bản: bước thứ 4 là gì?', 'Phát hành và lưu'],
  ])('quotes that step alone for "%s", not a step sharing more of its words', (q, expected) => {
    const r = composeExtractive(q, [guide], { skipAbstention: true });
    expect(r.text).toContain(expected);
    expect(r.text).not.toContain('Ký số.');
  });

  it("quotes a cited article at the khoản the step names", () => {
    const r = composeExtractive('Về ký số văn bản: bước 4 là gì?', [guide, decree], { skipAbstention: true });
    expect(r.text).toContain('Phát hành và lưu');
    expect(r.text).toContain('chậm nhất là trong ngày làm việc tiếp theo');
    expect(r.text).not.toContain('đính chính');
  });
});

describe('a step asked after a procedure', () => {
  const after = (previous: string, q: string) => rewriteFollowUp(q, [{ question: previous, standalone: previous, answer: '…' }]);
  it('completes "Bước thứ 3 làm gì?" with the procedure, without the steps the previous question asked', () => {
    expect(after('Quy trình tiếp công dân gồm các bước nào?', 'Bước thứ 3 làm gì?')).toBe('Về Quy trình tiếp công dân: bước 3 là gì?');
    expect(after('Làm thế nào để ký số văn bản?', 'còn bước 5 thì sao?')).toBe('Về ký số văn bản: bước 5 là gì?');
    // A later step after a step keeps the procedure, not the step before.
    expect(after('Về ký số văn bản: bước 5 là gì?', 'buoc 2 la gi')).toBe('Về ký số văn bản: bước 2 là gì?');
  });
  it('reads a how-to opener whole: its "nào" is no interrogative inside the topic', () => {
    expect(topicOf('Làm thế nào để ký số văn bản?')).toBe('ký số văn bản');
    expect(topicOf('lam sao de nop don khieu nai')).toBe('nop don khieu nai');
  });
});
