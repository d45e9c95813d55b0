import { describe, expect, it } from 'vitest';
import { documentReferences, rewriteFollowUp } from '../../core/answer/rewrite.js';
import type { Turn } from '../../core/types.js';

const after = (q: string): Turn[] => [{ question: q, standalone: q, answer: '' }];

describe('the same question about another document', () => {
  it('keeps a subject when the previous question was about its document itself', () => {
    const r = rewriteFollowUp('vậy còn Kế hoạch 221?', after('Quyết định 390/QĐ-VKSTC là gì?'));
    expect(r).toBe('Kế hoạch 221 là gì?');
  });
  it('swaps the document that opens the previous question', () => {
    const r = rewriteFollowUp('còn Kế hoạch 221 thì sao?', after('Quyết định 390/QĐ-VKSTC có hiệu lực từ ngày nào?'));
    expect(r).toBe('Kế hoạch 221 có hiệu lực từ ngày nào?');
  });
  it('reads a document type the field also uses as a noun as a document only when a number or a capital names it', () => {
    const names = (q: string) => documentReferences(q).map((d) => d.text);
    expect(names('Còn nếu cái bị kháng cáo là quyết định sơ thẩm chứ không phải bản án?')).toEqual([]);
    expect(names('Viện kiểm sát phải quyết định truy tố trong mấy ngày?')).toEqual([]);
    expect(names('quyết định 390 có hiệu lực khi nào')).toEqual(['quyết định 390']);
    expect(names('Theo Báo cáo tổng kết, kết quả là gì?')).toEqual(['Báo cáo tổng kết']);
    expect(names('báo cáo tổng kết năm nay có mấy phần')).toEqual([]);
    // A law is named in lower case too.
    expect(names('luật tố cáo quy định thời hạn giải quyết thế nào')).toEqual(['luật tố cáo']);
  });
  it('ends a name at a stop word only as the stop is written: "cận" is no "cần", "đổi" no "đối"', () => {
    const names = (q: string) => documentReferences(q).map((d) => d.text);
    expect(names('Luật Tiếp cận thông tin quy định về vấn đề gì?')).toEqual(['Luật Tiếp cận thông tin']);
    expect(names('Theo Kế hoạch chuyển đổi số năm 2024, có bao nhiêu mục tiêu?')).toEqual(['Kế hoạch chuyển đổi số năm 2024']);
    expect(names('Luật Tố cáo cần sửa đổi không?')).toEqual(['Luật Tố cáo']);
    // A number names the document whole: what follows says something of it.
    expect(names('Quyết định 390/QĐ-VKSTC kiện toàn Ban Chỉ đạo với bao nhiêu ủy viên?')).toEqual(['Quyết định 390/QĐ-VKSTC']);
    expect(names('Kế hoạch 221 năm 2023 có bao nhiêu mục tiêu?')).toEqual(['Kế hoạch 221 năm 2023']);
    const r = rewriteFollowUp('Luật này có hiệu lực khi nào?', after('Luật Tiếp cận thông tin quy định về vấn đề gì?'));
    expect(r).toBe('Luật Tiếp cận thông tin có hiệu lực khi nào?');
  });

  it('reads "Theo <document>, <topic>" as a document and a topic', () => {
    expect(documentReferences('Theo Luật Khiếu nại, thời hạn giải quyết là bao lâu?').map((d) => d.text)).toEqual(['Luật Khiếu nại']);
    const r = rewriteFollowUp('vậy còn Luật Tố cáo?', after('Theo Luật Khiếu nại, thời hạn giải quyết là bao lâu?'));
    expect(r).toBe('Thời hạn giải quyết theo Luật Tố cáo?');
  });
});
