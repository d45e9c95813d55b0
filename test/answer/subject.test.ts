import { describe, expect, it } from 'vitest';
import { composeExtractive, subjectPhrases } from '../../core/answer/compose.js';
import type { Chunk, Scored } from '../../core/types.js';

describe('subjectPhrases', () => {
  it('takes the question subject up to its predicate, longest first', () => {
    const p = subjectPhrases('Viện kiểm sát nhân dân có chức năng gì?').map((x) => x.phrase);
    expect(p[0]).toBe(' vien kiem sat nhan dan la ');
    expect(p.every((x) => !x.includes('chuc nang'))).toBe(true);
  });
  it('has nothing to offer for a two-word subject', () => {
    expect(subjectPhrases('Tố cáo là gì?')).toEqual([]);
  });
});

describe('composeExtractive and the question subject', () => {
  it('quotes the piece saying what the asked subject is over one about a neighbouring subject', () => {
    const text = [
      '1. Hình ảnh chữ ký số của cơ quan là hình ảnh dấu của cơ quan, màu đỏ, trùm lên 1/3 hình ảnh chữ ký số của người có thẩm quyền về bên trái.',
      '2. Hình ảnh chữ ký số của người có thẩm quyền là hình ảnh chữ ký trên văn bản giấy, màu xanh, nền trong suốt.',
    ].join('\n');
    const hit: Scored<Chunk> = {
      item: { id: 'k', docId: 'huong-dan/ky-so.md', text, ord: 0, title: 'Hướng dẫn ký số', type: 'Hướng dẫn', heading: 'Ký số' },
      score: 1,
    };
    const r = composeExtractive('hinh anh chu ky so cua nguoi co tham quyen mau gi', [hit], { skipAbstention: true, maxUnits: 1 });
    expect(r.text).toContain('màu xanh');
  });
});
