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


describe('a follow-up about the office the previous question named', () => {
  it('replaces "chức vụ đó" / "chức danh này" with the office, not a name the answer gave', () => {
    const history = turn('Nhiệm kỳ của Viện trưởng VKSND cấp huyện là mấy năm?', 'Theo Điều 67: nhiệm kỳ của Viện trưởng VKSND cấp huyện là 05 năm. Đồng chí Nguyễn Văn An hiện giữ chức vụ này.');
    expect(isFollowUp('Ai bổ nhiệm chức vụ đó?', history)).toBe(true);
    expect(rewriteFollowUp('Ai bổ nhiệm chức vụ đó?', history)).toBe('Ai bổ nhiệm Viện trưởng VKSND cấp huyện?');
    expect(rewriteFollowUp('Tiêu chuẩn của chức danh này gồm những gì?', history)).toBe('Tiêu chuẩn của Viện trưởng VKSND cấp huyện gồm những gì?');
  });
  it('reads an unaccented "do" after it as "by" unless it ends the question', () => {
    const history = turn('Nhiệm kỳ của Viện trưởng VKSND cấp huyện là mấy năm?', '');
    expect(rewriteFollowUp('ai bo nhiem chuc vu do?', history)).toBe('Ai bo nhiem Viện trưởng VKSND cấp huyện?');
    expect(rewriteFollowUp('chuc vu do ai bo nhiem', history)).not.toContain('Viện trưởng');
  });
});

describe('a follow-up naming another office than the one the conversation is about', () => {
  it('puts its office in the subject in place of the previous one', () => {
    const history: Turn[] = [
      { question: 'Nhiệm kỳ của Viện trưởng VKSND cấp huyện là mấy năm?', standalone: 'Nhiệm kỳ của Viện trưởng VKSND cấp huyện là mấy năm?' },
      { question: 'Ai bổ nhiệm chức vụ đó?', standalone: 'Ai bổ nhiệm Viện trưởng VKSND cấp huyện?' },
    ];
    const q = rewriteFollowUp('Còn Viện trưởng VKSND tối cao thì nhiệm kỳ tính thế nào?', history);
    expect(q).toContain('Viện trưởng VKSND tối cao');
    expect(q).not.toContain('cấp huyện');
  });
});
