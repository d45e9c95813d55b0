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
  it('reads "Theo <document>, <topic>" as a document and a topic', () => {
    expect(documentReferences('Theo Luật Khiếu nại, thời hạn giải quyết là bao lâu?').map((d) => d.text)).toEqual(['Luật Khiếu nại']);
    const r = rewriteFollowUp('vậy còn Luật Tố cáo?', after('Theo Luật Khiếu nại, thời hạn giải quyết là bao lâu?'));
    expect(r).toBe('Thời hạn giải quyết theo Luật Tố cáo?');
  });
});
