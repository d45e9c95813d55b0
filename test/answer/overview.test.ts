import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import type { Chunk, Scored } from '../../core/types.js';

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
