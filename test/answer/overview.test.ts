import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import type { Chunk, Scored } from '../../core/types.js';
import { articleHit } from './fixtures.js';

const article: Scored<Chunk> = {
  item: {
    id: 'd3', docId: 'nd/26.txt', ord: 0, title: 'Nghị định bảo vệ bí mật nhà nước', type: 'Nghị định', article: '3', locator: 'Điều 3',
    heading: 'Điều 3. Sao, chụp tài liệu bí mật nhà nước',
    text: [
      '1. Sao tài liệu bí mật nhà nước là việc chép lại theo đúng nội dung bản gốc.',
      '2. Việc sao, chụp tài liệu bí mật nhà nước phải được ghi vào sổ quản lý sao, chụp.',
      '3. Bản sao tài liệu bí mật nhà nước phải đóng dấu sao.',
    ].join('\n'),
  },
  score: 1,
};

describe('a question asking for the rules on a subject', () => {
  it('quotes the article\'s khoản that share the subject, not only the best one', () => {
    const r = composeExtractive('Nghị định quy định gì về việc sao, chụp tài liệu bí mật nhà nước?', [article], { skipAbstention: true });
    expect(r.text).toContain('sổ quản lý sao, chụp');
    expect(r.text).toContain('đóng dấu sao');
  });

  it('while a question for one fact keeps to the piece that answers it', () => {
    const r = composeExtractive('Bản sao tài liệu bí mật nhà nước phải đóng dấu gì?', [article], { skipAbstention: true });
    expect(r.text).toContain('đóng dấu sao');
    expect(r.text).not.toContain('sổ quản lý');
  });

  it('reads a guide section\'s numbered items in order, as its rules on the subject', () => {
    const guide: Scored<Chunk> = {
      item: {
        id: 'g', docId: 'huong-dan/bmnn.md', ord: 1, title: 'Hướng dẫn bảo vệ bí mật nhà nước', type: 'Hướng dẫn', heading: 'Khi soạn thảo',
        text: [
          '1. **Đề xuất độ mật.** Người soạn thảo văn bản đề xuất độ mật của bí mật nhà nước.',
          '2. **Không dùng máy tính nối mạng.** Không soạn thảo tài liệu bí mật trên máy tính kết nối mạng Internet.',
          '3. **Cấp số riêng.** Văn bản mật được cấp hệ thống số riêng.',
        ].join('\n'),
      },
      score: 1,
    };
    const r = composeExtractive('Quy định về bảo vệ bí mật nhà nước khi soạn thảo văn bản là gì?', [guide], { skipAbstention: true });
    expect(r.text).toMatch(/1\. Đề xuất độ mật[\s\S]*2\. Không dùng máy tính nối mạng[\s\S]*3\. Cấp số riêng/);
  });
});

describe('a question that asks the article heading back', () => {
  const tctt = { docId: 'luat/tctt.txt', title: 'Luật Tiếp cận thông tin' };
  const notAccessible = articleHit(tctt, 'Điều 6. Thông tin công dân không được tiếp cận', [
    '1. Thông tin thuộc bí mật nhà nước, bao gồm những thông tin có nội dung quan trọng thuộc lĩnh vực chính trị, quốc phòng, an ninh.',
    'Khi thông tin thuộc bí mật nhà nước được giải mật thì công dân được tiếp cận theo quy định của Luật này.',
    '2. Thông tin mà nếu để tiếp cận sẽ gây nguy hại đến lợi ích của Nhà nước; thông tin thuộc bí mật công tác.',
  ]);

  it('quotes every khoản of the article, not the line that repeats the most of its words', () => {
    for (const q of ['Thông tin nào công dân không được tiếp cận?', 'thong tin nao cong dan khong duoc tiep can']) {
      const r = composeExtractive(q, [notAccessible], { skipAbstention: true });
      expect(r.text).toContain('1. Thông tin thuộc bí mật nhà nước');
      expect(r.text).toContain('thông tin thuộc bí mật công tác');
    }
  });

  it('but a question with a word the heading lacks keeps to its own piece', () => {
    const r = composeExtractive('Khi nào công dân được tiếp cận thông tin thuộc bí mật nhà nước đã giải mật?', [notAccessible], { skipAbstention: true });
    expect(r.text).toContain('được giải mật');
    expect(r.text).not.toContain('bí mật công tác');
  });

  it('never quotes a line twice when a điểm and the list holding it are both chosen', () => {
    const grades = articleHit({ docId: 'luat/tc.txt', title: 'Luật Tổ chức Viện kiểm sát nhân dân' }, 'Điều 76. Ngạch Kiểm sát viên', [
      '1. Ngạch Kiểm sát viên Viện kiểm sát nhân dân gồm có:',
      'a) Kiểm sát viên Viện kiểm sát nhân dân tối cao;',
      'b) Kiểm sát viên cao cấp;',
      'c) Kiểm sát viên trung cấp;',
      'd) Kiểm sát viên sơ cấp.',
      '2. Ở Viện kiểm sát nhân dân tối cao có thể được bố trí bốn ngạch Kiểm sát viên.',
    ]);
    const r = composeExtractive('Có những ngạch Kiểm sát viên nào?', [grades], { skipAbstention: true });
    expect(r.text).toContain('d) Kiểm sát viên sơ cấp.');
    for (const line of r.text.split('\n').filter((l) => /^[a-d]\) /.test(l))) expect(r.text.split(line).length - 1, line).toBe(1);
  });
});
