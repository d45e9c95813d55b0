import { describe, expect, it } from 'vitest';
import { isFollowUp, rewriteFollowUp } from '../../core/answer/rewrite.js';
import type { Turn } from '../../core/types.js';

const turn = (question: string, answer: string): Turn[] => [{ question, standalone: question, answer }];

describe('a follow-up about the person the previous answer named', () => {
  const history = turn('Ai chủ trì phiên họp?', 'Theo tin bài: Phiên họp do đồng chí Trần Thị Hoa, Phó Viện trưởng, chủ trì.');
  it('replaces "người đó" / "bà ấy" with the name', () => {
    expect(rewriteFollowUp('người đó giữ chức vụ gì?', history)).toBe('Trần Thị Hoa giữ chức vụ gì?');
    expect(rewriteFollowUp('Bà ấy phụ trách lĩnh vực nào?', history)).toBe('Trần Thị Hoa phụ trách lĩnh vực nào?');
  });
  it('is a follow-up even with many words of its own', () => {
    expect(isFollowUp('người đó giữ chức vụ gì trong ban chỉ đạo?', history)).toBe(true);
  });
  it('leaves a question without a person pointer alone', () => {
    expect(rewriteFollowUp('Người tố cáo có quyền gì?', history)).toBe('Người tố cáo có quyền gì?');
  });
});

