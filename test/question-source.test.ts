import { describe, expect, it } from 'vitest';
import { withoutSource } from '../core/question-source.js';

describe('withoutSource', () => {
  it('drops the document a question says to look in, before, after or inside what it asks', () => {
    expect(withoutSource('Theo Luật Khiếu nại, hành vi hành chính là gì?')).toBe('hành vi hành chính là gì?');
    expect(withoutSource('Theo Luật An ninh mạng thì tấn công mạng là gì?')).toBe('tấn công mạng là gì?');
    expect(withoutSource('Người khiếu nại có quyền gì theo Luật Khiếu nại?')).toBe('Người khiếu nại có quyền gì?');
    expect(withoutSource('Hành vi hành chính theo Luật Khiếu nại nghĩa là gì?')).toBe('Hành vi hành chính nghĩa là gì?');
    expect(withoutSource('hanh vi hanh chinh theo luat khieu nai duoc hieu la gi')).toBe('hanh vi hanh chinh duoc hieu la gi');
  });

  it('reads "Thi hành" inside a document\'s name as its name, not as "thì"', () => {
    expect(withoutSource('Theo Luật Thi hành án dân sự, ai có quyền kháng nghị?')).toBe('ai có quyền kháng nghị?');
    expect(withoutSource('Theo Nghị định thi hành Luật Khiếu nại thì khiếu nại là gì?')).toBe('khiếu nại là gì?');
  });

  it('keeps a question whose document name runs into what it asks, and one naming no document', () => {
    expect(withoutSource('Dịch vụ theo Luật Giao dịch điện tử gồm những dịch vụ nào?')).toBe('Dịch vụ theo Luật Giao dịch điện tử gồm những dịch vụ nào?');
    expect(withoutSource('Thời hạn giải quyết khiếu nại lần đầu là bao lâu?')).toBe('Thời hạn giải quyết khiếu nại lần đầu là bao lâu?');
  });
});
